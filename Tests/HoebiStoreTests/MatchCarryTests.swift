import Foundation
import Testing

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiStore

/// Matching only the rows new since the last match (issue 26), on every engine: what it stores is
/// what a full match stores, it is used only when nothing but new rows changed, and it stands back
/// when another match saved first.
@Suite struct MatchCarryTests {
    typealias C = StoreConformanceTests

    /// Everything a match leaves that anything reads: each row's outcome and allocations, the
    /// periods held for deposits in review, the counts.
    static func stored(_ store: any LedgerStore, _ g: Group) async throws -> [String] {
        let lines = try await store.ledger(of: g, LedgerFilter(limit: 100_000)).map { l in
            "t\(l.id) \(l.status) \(l.reason ?? "") "
                + l.paid.map { "\($0.member) \($0.period?.description ?? "credit") \($0.amount)" }.sorted().joined(separator: "; ")
        }
        let periods = Period.range(Period(year: 2026, month: 1)!, Period(year: 2027, month: 12)!)
        let s = try await store.snapshot(of: g, periods: periods)
        let holds = s.holds.map { "hold t\($0.transactionID) \($0.memberID) \($0.period?.description ?? "") \($0.amount)" }.sorted()
        return lines.sorted() + holds + ["review \(try await store.reviewCount(of: g))"]
    }

    @Test(arguments: Engine.all) func newRowsAreMatchedAloneAndStoreWhatAFullMatchStores(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        let ledger = Ledger(store: store)
        _ = try await C.importRows(
            store, g,
            C.rows(g, [("2026-01-05 09:00:00", 30000, "홍길동"), ("2026-01-06 09:00:00", 60000, "이서연"), ("2026-01-07 09:00:00", 15000, "김솔")]))
        let first = try await ledger.rematch(g)
        #expect(try await store.matchDelta(of: g) != nil)
        // February: 홍길동's month, an unknown name (review), 김솔 ahead by one; 이서연 already paid.
        _ = try await C.importRows(
            store, g,
            C.rows(
                g, [("2026-02-05 09:00:00", 30000, "홍길동"), ("2026-02-06 09:00:00", 30000, "모르는사람"), ("2026-02-07 09:00:00", 30000, "김솔")],
                balanceFrom: 105000), source: "feb.csv")
        let delta = try #require(try await store.matchDelta(of: g))
        #expect(delta.deposits.map(\.text) == ["홍길동", "모르는사람", "김솔"])
        let added = try await ledger.rematch(g)
        #expect(added.deposits == 6 && added.deposits == first.deposits + 3)
        #expect(added.newOnly == 3, "the February match was not the incremental one")
        let incremental = try await Self.stored(store, g)
        var whole = try await ledger.rematch(g, full: true)
        #expect(whole.newOnly == nil)
        whole.newOnly = 3
        #expect(whole == added)
        #expect(try await Self.stored(store, g) == incremental)
        #expect(incremental.contains { $0.contains("lee 2026-02 30000") }, "이서연's second month")

        // A decision changes history: the next match is a full one, whatever rows came with it.
        let unknown = try #require(try await store.ledger(of: g, LedgerFilter(text: "모르는사람")).first)
        try await store.decide(group: g, transaction: unknown.id, action: .assign, member: "hong", periods: [], reason: "", by: "test")
        #expect(try await store.matchDelta(of: g) == nil)
        _ = try await C.importRows(store, g, C.rows(g, [("2026-03-05 09:00:00", 30000, "홍길동")], balanceFrom: 195000), source: "mar.csv")
        #expect(try await store.matchDelta(of: g) == nil)
        #expect(try await ledger.rematch(g).newOnly == nil)
        let afterDecision = try await Self.stored(store, g)
        _ = try await ledger.rematch(g, full: true)
        #expect(try await Self.stored(store, g) == afterDecision)
    }

    @Test(arguments: Engine.all) func anAddedMatchStandsBackWhenAnotherSavedFirst(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        let ledger = Ledger(store: store)
        _ = try await C.importRows(store, g, C.rows(g, [("2026-01-05 09:00:00", 30000, "홍길동")]))
        try await ledger.rematch(g)
        _ = try await C.importRows(store, g, C.rows(g, [("2026-02-05 09:00:00", 30000, "홍길동")], balanceFrom: 30000), source: "feb.csv")
        let delta = try #require(try await store.matchDelta(of: g))
        var allocator = Allocator(group: g, learnedAliases: delta.aliases)
        let resumed = allocator.resume(from: delta.carry, deposits: delta.deposits, withdrawals: [], recentWithdrawals: [], recentDeposits: [])
        let result = try #require(resumed.result)
        let save = MatchSave(
            kind: .added(base: delta.base, baseUpto: delta.baseUpto), generation: delta.generation,
            carry: allocator.carry(lastTime: nil, lastID: nil, tally: MatchTally()), upto: delta.upto)
        // Another instance matched everything meanwhile: adding February again would count it twice.
        try await ledger.rematch(g, full: true)
        let before = try await Self.stored(store, g)
        #expect(try await !store.saveMatch(group: g, deposits: delta.deposits, result: result, save: save))
        #expect(try await Self.stored(store, g) == before)
    }
}

/// The balance chain checked on from the last check, on every engine: the same breaks as a check
/// of every row, the new rows alone read, every row again after a revert.
@Suite struct ChainCarryStoreTests {
    typealias C = StoreConformanceTests

    @Test(arguments: Engine.all) func laterRowsAreCheckedOnFromTheLastCheck(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        let ledger = Ledger(store: store)
        _ = try await C.importRows(store, g, C.rows(g, [("2026-01-05 09:00:00", 30000, "홍길동"), ("2026-01-06 09:00:00", -5000, "문구점")]))
        #expect(try await ledger.balanceBreaks(g).isEmpty)
        // February starts 1,000 won short of January's balance: a row is missing between them.
        let feb = try await C.importRows(
            store, g, C.rows(g, [("2026-02-05 09:00:00", 30000, "이서연"), ("2026-02-06 09:00:00", 15000, "김솔")], balanceFrom: 24000),
            source: "feb.csv")
        let delta = try await store.chainDelta(of: g, whole: false)
        #expect(delta.carry != nil && delta.rows.map(\.text) == ["이서연", "김솔"])
        let breaks = try await ledger.balanceBreaks(g)
        #expect(breaks.count == 1 && breaks.first?.gap == -1000)
        #expect(breaks == Continuity.breaks(in: try await store.continuityRows(account: g.account.key)))
        #expect(try await store.chainDelta(of: g, whole: false).rows.isEmpty)
        // Reverting February removes rows: the next check reads every row again.
        _ = try await store.revert(group: g, run: feb.runID, by: "test")
        let after = try await store.chainDelta(of: g, whole: false)
        #expect(after.carry == nil && after.rows.count == 2)
        #expect(try await ledger.balanceBreaks(g).isEmpty)
    }
}
