import Foundation
import GRDB
import Testing

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiStore
@testable import HoebiWiring

/// Collective payments, splits and held periods through the real store (issue 21, points 3, 4, 10).
@Suite struct PartsTests {
    @Test func aCollectivePaymentAndASplitAreStoredUndoneAndAddUp() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        let body = """
            datetime,amount,text,memo
            2026-01-05 10:00:00,75000,홍길동,
            2026-02-05 10:00:00,45000,이서연,2월회비+뒷풀이
            2026-02-06 10:00:00,30000,이서연,
            """
        _ = try await ledger.importFile(try csv(dir, "s.csv", body), group: g, format: nil)
        // 홍길동's 75,000 in January: 이서연's and his own January and 김솔's 15,000.
        let collect = try await ledger.decide(
            g, transaction: "t1", .collect(members: ["hong", "lee", "kim"], periods: [], rest: nil, everyMonth: false), by: "test")
        #expect(
            collect.after
                == .paid([.init(member: "hong", period: p("2026-01")), .init(member: "lee", period: p("2026-01")), .init(member: "kim", period: p("2026-01"))]))
        // The split deposit waited in review holding February for her: March's money paid March.
        var r = try await ledger.report(g, from: p("2026-01"), to: p("2026-03"))
        let lee = r.members.first { $0.id == "lee" }!
        #expect(lee.cells.map(\.status) == [.paid, .review, .paid], "\(lee.cells.map(\.status))")
        // Split: 30,000 dues for February, 15,000 뒷풀이.
        let split = try await ledger.decide(
            g, transaction: "t2",
            .split(parts: [DepositPart(member: "lee", periods: [p("2026-02")], amount: 30000), DepositPart(member: nil, amount: 15000, label: "뒷풀이")]),
            by: "test")
        #expect(split.after == .paid([.init(member: "lee", period: p("2026-02"))]) && split.changes.isEmpty)
        r = try await ledger.report(g, from: p("2026-01"), to: p("2026-03"))
        #expect(r.members.first { $0.id == "lee" }!.cells.map(\.status) == [.paid, .paid, .paid])
        // Dues collected plus other money is what came in.
        #expect(r.collected + r.other.reduce(0) { $0 + $1.amount } == 150_000 && r.other.map(\.amount) == [15000])
        #expect(r.review.isEmpty)
        // Both survive a full re-match, and undo takes the split back (review again, February held).
        _ = try await ledger.rematch(g)
        #expect(
            try ws.sqliteStore!.decisions(of: g)[2]
                == .split(parts: [DepositPart(member: "lee", periods: [p("2026-02")], amount: 30000), DepositPart(member: nil, amount: 15000, label: "뒷풀이")]))
        #expect(try await ledger.undo(g, by: "test") != nil)
        r = try await ledger.report(g, from: p("2026-01"), to: p("2026-03"))
        #expect(r.members.first { $0.id == "lee" }!.cells.map(\.status) == [.paid, .review, .paid])
        #expect(try count(ws, "SELECT COUNT(*) FROM holds") == 1)
        // A split that does not add up is refused before anything is written.
        await #expect(throws: AppError.self) {
            try await ledger.decide(g, transaction: "t2", .split(parts: [DepositPart(member: "lee", amount: 30000)]), by: "test")
        }
    }

    @Test func aPayrollForwardIsDecidedOnce() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        let body = """
            datetime,amount,text
            2026-01-25 10:00:00,45000,사우회급여공제
            2026-02-25 10:00:00,45000,사우회급여공제
            2026-03-25 10:00:00,45000,사우회급여공제
            2026-03-26 10:00:00,30000,홍길동
            """
        _ = try await ledger.importFile(try csv(dir, "s.csv", body), group: g, format: nil)
        let e = try await ledger.decide(g, transaction: "t1", .collect(members: ["lee", "kim"], periods: [], rest: nil, everyMonth: true), by: "test")
        #expect(e.rule == .learned(text: "사우회급여공제", rule: .collective(["lee", "kim"])))
        #expect(e.changes.count == 2)  // February's and March's forwards follow the rule
        let r = try await ledger.report(g, from: p("2026-01"), to: p("2026-03"))
        for id in ["lee", "kim"] { #expect(r.members.first { $0.id == id }!.cells.allSatisfy { $0.status == .paid }) }
        #expect(r.members.first { $0.id == "hong" }!.cells.map(\.status) == [.paid, .unpaid, .unpaid])
        #expect(r.review.isEmpty)
    }
}
