import Foundation
import GRDB
import Testing

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiStore
@testable import HoebiWiring

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let importFixtures = packageRoot.appendingPathComponent("Tests/HoebiImportTests/Fixtures")

/// A fresh workspace in a temporary folder: real config file, real SQLite file, real migrations.
func workspace(members: String? = nil, keywords: String = "[]", database: String = "ledger.sqlite") async throws -> (Workspace, Group, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let config = """
        {"database": "\(database)", "migrations": "\(packageRoot.appendingPathComponent("migrations").path)",
         "groups": [{"id": "hiking", "name": "북한산 산악회", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
           "dues": {"dueDay": 10, "schedule": [{"from": "2026-01", "amount": 30000}]}, "nonDuesKeywords": \(keywords),
           "members": \(members ?? #"[{"id": "hong", "name": "홍길동"}, {"id": "lee", "name": "이서연"}, {"id": "kim", "name": "김솔", "amount": 15000}]"#)}]}
        """
    try Data(config.utf8).write(to: dir.appendingPathComponent("hoebi.json"))
    let ws = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path)
    return (ws, try ws.config.group(nil), dir)
}

func csv(_ dir: URL, _ name: String, _ body: String) throws -> URL {
    let url = dir.appendingPathComponent(name)
    try Data(body.utf8).write(to: url)
    return url
}

func count(_ ws: Workspace, _ sql: String) throws -> Int {
    try ws.sqliteStore!.db.read { try Int.fetchOne($0, sql: sql) ?? -1 }
}

@Suite struct ImportIdempotenceTests {
    @Test func migrationsCreateTheSchemaAndDatabaseIsWAL() async throws {
        let (ws, _, dir) = try await workspace()
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.sqlite").path))
        let mode = try await ws.sqliteStore!.db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        for table in ["groups", "members", "transactions", "allocations", "decisions", "aliases", "runs", "outcomes"] {
            #expect(try count(ws, "SELECT COUNT(*) FROM sqlite_master WHERE name = '\(table)'") == 1)
        }
    }

    @Test func sameFileTwiceAddsNothing() async throws {
        let (ws, g, _) = try await workspace()
        let ledger = Ledger(store: ws.store)
        let first = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        #expect(first.counts.new == 6 && first.counts.known == 0)
        let allocationsBefore = try count(ws, "SELECT COUNT(*) FROM allocations")
        let second = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        #expect(second.counts.new == 0 && second.counts.known == 6)
        #expect(try count(ws, "SELECT COUNT(*) FROM transactions") == 6)
        #expect(try count(ws, "SELECT COUNT(*) FROM allocations") == allocationsBefore)
        #expect(try count(ws, "SELECT COUNT(*) FROM runs WHERE kind = 'import'") == 2)
        // The raw source row is kept beside the normalised one.
        #expect(try count(ws, "SELECT COUNT(*) FROM transactions WHERE raw LIKE '%홍길동1월회비%'") == 1)
    }

    @Test func overlappingStatementsAddOnlyTheNewRows() async throws {
        let (ws, g, _) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        let r = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank-overlap.xlsx"), group: g, format: nil)
        #expect(r.counts.new == 1 && r.counts.known == 3)
        #expect(r.breaks.isEmpty)
    }

    @Test func genuinelyIdenticalRowsAreBothKept() async throws {
        let (ws, g, dir) = try await workspace()
        let body = "datetime,amount,text\n2026-01-05 10:00:00,25000,이서연\n2026-01-05 10:00:00,25000,이서연\n2026-01-06 10:00:00,5000,이서연\n"
        let file = try csv(dir, "twice.csv", body)
        let ledger = Ledger(store: ws.store)
        #expect(try await ledger.importFile(file, group: g, format: nil).counts.new == 3)
        #expect(try await ledger.importFile(file, group: g, format: nil).counts.new == 0)
        #expect(try count(ws, "SELECT COUNT(*) FROM transactions") == 3)
        // Both 25,000 deposits count: 이서연 has paid January and most of February... plus 5,000 = 55,000.
        #expect(try count(ws, "SELECT SUM(amount) FROM allocations WHERE member_id = 'lee'") == 55000)
        // A later statement carrying only one of the two identical rows adds nothing either.
        let one = try csv(dir, "one.csv", "datetime,amount,text\n2026-01-05 10:00:00,25000,이서연\n")
        #expect(try await ledger.importFile(one, group: g, format: nil).counts.new == 0)
    }

    @Test func aBadRowLeavesTheDatabaseAsItWas() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        let bad = try csv(dir, "bad.csv", "datetime,amount,text\n2026-02-01 10:00,30000,홍길동\n2026-02-02 10:00,abc,이서연\n")
        await #expect(throws: (any Error).self) { try await ledger.importFile(bad, group: g, format: nil) }
        #expect(try count(ws, "SELECT COUNT(*) FROM transactions") == 6)
        #expect(try count(ws, "SELECT COUNT(*) FROM runs WHERE status = 'failed'") == 1)
    }

    @Test func continuityBreaksAcrossFilesAreReported() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(try csv(dir, "a.csv", "datetime,amount,balance,text\n2026-01-01 10:00,30000,30000,홍길동\n"), group: g, format: nil)
        // 20,000 is missing between the two files.
        let r = try await ledger.importFile(try csv(dir, "b.csv", "datetime,amount,balance,text\n2026-02-01 10:00,30000,80000,홍길동\n"), group: g, format: nil)
        #expect(r.breaks.count == 1)
        #expect(r.breaks.first?.gap == 20000)
    }
}

@Suite struct MatchingThroughTheStoreTests {
    @Test func withdrawalsAndInterestAreNeverAllocated() async throws {
        let (ws, g, _) = try await workspace()
        let r = try await Ledger(store: ws.store).importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        #expect(r.match.deposits == 5)  // the withdrawal is not a deposit at all
        #expect(r.match.other == 1)  // interest
        #expect(
            try count(ws, "SELECT COUNT(*) FROM allocations a JOIN transactions t ON t.id = a.transaction_id WHERE t.direction = 'out' OR t.kind = '예금이자'") == 0
        )
    }

    @Test func assignRemembersTheTextAndIgnoreIsRecorded() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(
            try csv(dir, "a.csv", "datetime,amount,text\n2026-01-05 10:00,30000,홍길등\n2026-01-06 10:00,99000,환불\n"), group: g, format: nil)
        let review = try await ledger.report(g, from: p("2026-01"), to: p("2026-01")).review
        #expect(review.map(\.text) == ["홍길등", "환불"])
        #expect(review[0].suggestion == "hong")
        try await ws.store.decide(group: g, transaction: review[0].id, action: .assign, member: "hong", periods: [], reason: "", by: "tester")
        try await ws.store.decide(group: g, transaction: review[1].id, action: .ignore, member: nil, periods: [], reason: "환불", by: "tester")
        try await ledger.rematch(g)
        let after = try await ledger.report(g, from: p("2026-01"), to: p("2026-02"))
        #expect(after.review.isEmpty)
        #expect(after.other.map(\.reason) == ["환불"])
        #expect(after.members.first { $0.id == "hong" }!.cells[0].status == .paid)
        // Next month the same text is matched on its own.
        let next = try await ledger.importFile(try csv(dir, "b.csv", "datetime,amount,text\n2026-02-05 10:00,30000,홍길등\n"), group: g, format: nil)
        #expect(next.match.review == 0)
        #expect(try await ledger.report(g, from: p("2026-02"), to: p("2026-02")).members.first { $0.id == "hong" }!.cells[0].status == .paid)
        #expect(try count(ws, "SELECT COUNT(*) FROM decisions WHERE decided_by = 'tester'") == 2)
        #expect(try count(ws, "SELECT COUNT(*) FROM aliases WHERE source = 'learned' AND member_id = 'hong'") == 1)
        // Withdrawing the ignore leaves its rule on the text, so it stays "not dues"…
        try await ws.store.decide(group: g, transaction: review[1].id, action: .clear, member: nil, periods: [], reason: "", by: "tester")
        #expect(try await ledger.rematch(g).review == 0)
        #expect(try await ws.store.rules(of: g).contains { $0.text == "환불" && $0.rule == .notDues })
        // …until the rule is removed too.
        #expect(try await ws.store.removeRule(group: g, text: "환불"))
        #expect(try await ledger.rematch(g).review == 1)
        // Un-assigning a correct-looking match makes its text a by-hand rule.
        let hong = try #require(try ws.sqliteStore!.deposits(of: g).first { $0.text == "홍길등" })
        _ = try await ledger.decide(g, transaction: "t\(hong.id)", .unassign, by: "tester")
        #expect(try await ledger.report(g, from: p("2026-01"), to: p("2026-02")).review.map(\.text).contains("홍길등"))
    }

    @Test func decisionsOnWithdrawalsOrUnknownIDsAreRefused() async throws {
        let (ws, g, _) = try await workspace()
        _ = try await Ledger(store: ws.store).importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        let withdrawal = try count(ws, "SELECT id FROM transactions WHERE direction = 'out'")
        await #expect(throws: StoreError.self) {
            try await ws.store.decide(group: g, transaction: Int64(withdrawal), action: .assign, member: "hong", periods: [], reason: "", by: "t")
        }
        await #expect(throws: StoreError.self) {
            try await ws.store.decide(group: g, transaction: 9999, action: .assign, member: "hong", periods: [], reason: "", by: "t")
        }
    }

    @Test func aBatchIsWrittenWholeOrNotAtAllAndUndoneAsOne() async throws {
        let (ws, g, dir) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(
            try csv(dir, "a.csv", "datetime,amount,text\n2026-01-05 10:00,15000,박민지\n2026-01-06 10:00,15000,박민지\n2026-01-07 10:00,99000,최강산\n"), group: g,
            format: nil)
        let ids = try await ledger.report(g, from: p("2026-01"), to: p("2026-01")).review.map(\.id)
        #expect(ids.count == 3)
        // The last write fails (no such transaction): none of the three is recorded.
        let writes = ids.map { DecisionWrite(transaction: $0, action: .ignore, reason: "모임비") } + [DecisionWrite(transaction: 9999, action: .ignore)]
        await #expect(throws: StoreError.self) { try await ws.store.decide(group: g, writes, by: "t") }
        #expect(try count(ws, "SELECT COUNT(*) FROM decisions") == 0)
        try await ws.store.decide(group: g, ids.map { DecisionWrite(transaction: $0, action: .ignore, reason: "모임비") }, by: "t")
        #expect(try count(ws, "SELECT COUNT(DISTINCT batch) FROM decisions") == 1)
        #expect(try await ledger.rematch(g).review == 0)
        // Two decisions of the batch set the rule on 박민지; undone, the text has no rule again.
        #expect(try await ws.store.rules(of: g).contains { $0.text == "박민지" })
        let undone = try await #require(try ws.store.undoLastDecision(group: g, by: "t"))
        #expect(undone.together.count == 2)
        #expect(try await !ws.store.rules(of: g).contains { $0.text == "박민지" })
        #expect(try await ledger.rematch(g).review == 3)
        #expect(try await ws.store.undoLastDecision(group: g, by: "t") == nil)
    }

    @Test func rematchIsDeterministicAndReportAgreesWithAllocations() async throws {
        let (ws, g, _) = try await workspace()
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(importFixtures.appendingPathComponent("kakaobank.xlsx"), group: g, format: nil)
        func allocations() throws -> [String] {
            try ws.sqliteStore!.db.read {
                try String.fetchAll($0, sql: "SELECT transaction_id || member_id || IFNULL(period, '-') || amount FROM allocations ORDER BY 1")
            }
        }
        let before = try allocations()
        #expect(!before.isEmpty)
        // From nothing: a re-match that did nothing would leave the table empty.
        try await ws.sqliteStore!.db.write { try $0.execute(sql: "DELETE FROM allocations") }
        try await ledger.rematch(g, full: true)
        #expect(try allocations() == before)
        let report = try await ledger.report(g, from: p("2026-01"), to: p("2026-12"))
        let inReport = report.members.reduce(0) { $0 + $1.collected + $1.credit }
        #expect(inReport == Won(try count(ws, "SELECT SUM(amount) FROM allocations")))
        #expect(report.transactions == 6)
        #expect(report.balance == 51237)
    }
}

func p(_ s: String) -> Period { Period(s)! }
