import Foundation
import GRDB
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

/// A full match writes only the allocations that changed (`AllocationDiff`), on every engine: what
/// it leaves is what saving the same result into an empty ledger leaves, and a deposit whose
/// allocations did not change keeps its stored rows.
@Suite struct AllocationDiffStoreTests {
    typealias C = StoreConformanceTests

    static let rows: [(String, Won, String)] = [
        ("2026-01-05 09:00:00", 30000, "홍길동"), ("2026-01-06 09:00:00", 60000, "이서연"), ("2026-01-07 09:00:00", 15000, "김솔"),
        ("2026-01-08 09:00:00", 30000, "홍길동"), ("2026-01-09 09:00:00", 30000, "모르는사람"), ("2026-01-10 09:00:00", 15000, "김솔")
    ]

    /// A first match, then a second result that moves money in every way a re-match can.
    static func results(_ store: any LedgerStore, _ g: Group) async throws -> (MatchInput, Allocator.Result, Allocator.Result) {
        let input = try await store.matchInput(of: g)
        var allocator = Allocator(group: g, learnedAliases: input.aliases)
        let first = allocator.run(deposits: input.deposits, decisions: [:])
        let ids = input.deposits.map(\.id)
        #expect(ids.count == 6 && !first.allocations.contains { $0.transactionID == ids[4] })
        #expect([0, 1, 2, 3, 5].allSatisfy { i in first.allocations.contains { $0.transactionID == ids[i] } })
        var second = first
        second.allocations = []
        for a in first.allocations {
            switch a.transactionID {
            case ids[0]:  // one allocation becomes two
                second.allocations.append(Allocation(transactionID: a.transactionID, memberID: a.memberID, period: a.period, amount: a.amount / 2))
                second.allocations.append(Allocation(transactionID: a.transactionID, memberID: a.memberID, period: nil, amount: a.amount / 2))
            case ids[1]: continue  // goes to review
            case ids[3]:
                second.allocations.append(
                    Allocation(transactionID: a.transactionID, memberID: a.memberID, period: Period(year: 2026, month: 9), amount: a.amount))
            default: second.allocations.append(a)
            }
        }
        second.outcomes[1] = .review(reason: "asked", suggestion: nil)
        second.outcomes[2] = .allocated(member: "kim", method: .manual)  // same money, another method
        second.outcomes[4] = .allocated(member: "hong", method: .manual)  // review becomes allocated
        second.allocations.append(Allocation(transactionID: ids[4], memberID: "hong", period: Period(year: 2026, month: 3), amount: 30000))
        return (input, first, second)
    }

    @Test(arguments: Engine.all) func aFullMatchRewritesOnlyWhatChanged(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        _ = try await C.importRows(store, g, C.rows(g, Self.rows))
        let (input, first, second) = try await Self.results(store, g)
        #expect(try await store.saveMatch(group: g, deposits: input.deposits, result: first, generation: input.generation))
        let sqlite = store as? Store
        let before = try sqlite.map(Self.allocationRows)
        #expect(try await store.saveMatch(group: g, deposits: input.deposits, result: second, generation: input.generation))
        let afterChange = try await MatchCarryTests.stored(store, g)

        let (fresh, g2, _, done2) = try await engine.open()
        defer { done2() }
        _ = try await C.importRows(fresh, g2, C.rows(g2, Self.rows))
        #expect(try await fresh.matchInput(of: g2).deposits.map(\.id) == input.deposits.map(\.id))
        #expect(try await fresh.saveMatch(group: g2, deposits: input.deposits, result: second, generation: input.generation))
        #expect(try await MatchCarryTests.stored(fresh, g2) == afterChange)
        #expect(afterChange.contains { $0.contains("hong 2026-03 30000") } && afterChange.contains { $0.contains("hong 2026-09 30000") })

        // SQLite shows the rows themselves: the stored methods agree, and only the one deposit
        // left as it was (김솔's second) kept its stored row.
        if let sqlite, let before, let whole = fresh as? Store {
            let after = try Self.allocationRows(sqlite)
            #expect(after.map(\.fields) == (try Self.allocationRows(whole)).map(\.fields))
            let kept = Set(before.map(\.id)).intersection(after.map(\.id))
            let keptDeposits = Set(after.filter { kept.contains($0.id) }.map(\.transaction))
            #expect(keptDeposits == [input.deposits[5].id])
        }
    }

    /// The diff alone, on a result not in deposit order: kept, changed, stored only, new only, and
    /// the same money with another method.
    @Test func theDiffFindsEveryChangeInAnyOrder() {
        func a(_ t: Int64, _ m: String, _ p: Int?, _ w: Won) -> Allocation {
            Allocation(transactionID: t, memberID: m, period: p.map { Period(year: 2026, month: $0)! }, amount: w)
        }
        let result = [a(3, "kim", 1, 100), a(1, "hong", 1, 50), a(1, "hong", nil, 50), a(5, "lee", 2, 10), a(2, "x", 1, 7)]
        var diff = AllocationDiff(result, method: DepositMethods([1: "name", 2: "name", 3: "name", 5: "manual"]))
        diff.stored(transaction: 1, member: "hong", period: "2026-01", amount: 50, method: "name")
        diff.stored(transaction: 1, member: "hong", period: nil, amount: 50, method: "name")
        diff.stored(transaction: 2, member: "y", period: "2026-01", amount: 7, method: "name")
        diff.stored(transaction: 4, member: "kim", period: "2026-01", amount: 100, method: "name")
        diff.stored(transaction: 5, member: "lee", period: "2026-02", amount: 10, method: "name")
        let added = diff.added()
        #expect(diff.removed == [2, 4, 5])
        #expect(added == [a(2, "x", 1, 7), a(3, "kim", 1, 100), a(5, "lee", 2, 10)])
        // One stored row fewer or more than the result is a change too.
        var short = AllocationDiff(result, method: DepositMethods([1: "name"]))
        short.stored(transaction: 1, member: "hong", period: "2026-01", amount: 50, method: "name")
        _ = short.added()
        var long = AllocationDiff([a(1, "hong", 1, 50)], method: DepositMethods([1: "name"]))
        long.stored(transaction: 1, member: "hong", period: "2026-01", amount: 50, method: "name")
        long.stored(transaction: 1, member: "hong", period: nil, amount: 50, method: "name")
        #expect(long.added() == [a(1, "hong", 1, 50)] && long.removed == [1] && short.removed == [1])
    }

    /// Methods by deposit id read back the same whether the ids are dense enough for an array or
    /// spread out (a dictionary), and an id without a method, below, between or beyond the
    /// allocated ones, reads as none.
    @Test func methodsByDepositDenseOrSparse() {
        let dense: [Int64: String] = [3: "name", 4: "manual", 7: "name+month-hint", 9: "shared with 김솔"]
        let sparse: [Int64: String] = [3: "name", 4: "manual", 1_000_000_007: "name+month-hint", Int64.max: "shared with 김솔"]
        for byID in [dense, sparse] {
            let m = DepositMethods(byID)
            for (id, text) in byID { #expect(m[id] == text) }
            for id: Int64 in [Int64.min, -1, 0, 1, 2, 5, 6, 8, 10, 1_000_000_006] { #expect(m[id] == "") }
        }
        #expect(DepositMethods([:])[1] == "")
        // Built from a match: only allocated deposits have one; a repeated method is one text.
        let deposits = (1...4).map { Deposit(id: Int64($0) * 2, time: SeoulTime(epochSeconds: Int64($0) * 86400), amount: 30000, text: "홍길동") }
        let outcomes: [Outcome] = [
            .allocated(member: "hong", method: .name), .review(reason: "?", suggestion: nil), .allocated(member: "hong", method: .name),
            .allocated(member: "hong", method: .name.withMonthHint)
        ]
        let built = DepositMethods(deposits: deposits, outcomes: outcomes)
        #expect([2, 4, 6, 8].map { built[$0] } == ["name", "", "name", "name+month-hint"])
    }

    static func allocationRows(_ store: Store) throws -> [(id: Int64, transaction: Int64, fields: String)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, transaction_id, member_id, period, amount, method FROM allocations ORDER BY transaction_id, id").map {
                (
                    id: $0[0], transaction: $0[1],
                    fields: "t\($0[1] as Int64) \($0[2] as String) \(($0[3] as String?) ?? "-") \($0[4] as Int64) \($0[5] as String)"
                )
            }
        }
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
