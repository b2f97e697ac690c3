import Foundation
import GRDB
import HoebiImport
import Testing
import ZIPFoundation

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiRender
@testable import HoebiStore
@testable import HoebiWiring

@Suite struct StoreSafetyTests {
    static let body = "datetime,amount,balance,text\n2026-01-05 10:00:00,30000,30000,홍길동\n2026-01-06 10:00:00,30000,60000,이서연\n"

    /// Rows stored without their re-match (an import killed in between) are owed a re-match: the
    /// report lists them for review meanwhile, and the next workspace performs the re-match.
    @Test func rowsWithoutTheirMatchAreNeverHidden() async throws {
        let (ws, group, dir) = try await workspace()
        let file = try csv(dir, "s.csv", Self.body)
        _ = try await ws.store.importTransactions(group: group, source: file.path, format: "csv") { insert in
            _ = try StatementReader(file: file, account: group.account.key).read { try insert($0) }
            return 0
        }
        #expect(try await ws.store.owesMatch(group))
        let report = try await Ledger(store: ws.store).report(group, from: Period("2026-01"), to: Period("2026-01"))
        #expect(
            report.review.count == 2 && report.review.allSatisfy { Messages.show($0.reason ?? "", in: .en).contains("not matched yet") }, "\(report.review)")
        let reader = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path, access: .read)
        #expect(try await !reader.store.owesMatch(group))
        let after = try await Ledger(store: reader.store).report(group, from: Period("2026-01"), to: Period("2026-01"))
        #expect(after.review.isEmpty && after.collected == 60000)
    }

    /// A reader opens read-only when nothing is owed, and cannot write.
    @Test func readersOpenReadOnly() async throws {
        let (ws, group, dir) = try await workspace()
        // A real deposit to decide on, so that only the read-only guard can refuse the decision.
        _ = try await Ledger(store: ws.store).importFile(
            try csv(dir, "s.csv", "datetime,amount,text\n2026-01-05 10:00:00,30000,모르는사람\n"), group: group, format: nil)
        let id = try await #require(try ws.sqliteStore!.db.read { try Int64.fetchOne($0, sql: "SELECT id FROM transactions") })
        let reader = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path, access: .read)
        #expect(reader.sqliteStore!.readOnly)
        let refused = try await #require(throws: StoreError.self) {
            try await reader.store.decide(group: group, transaction: id, action: .ignore, member: nil, periods: [], reason: "", by: "t")
        }
        guard case .readOnlyStore = refused else {
            Issue.record("refused for another reason: \(refused)")
            return
        }
        #expect(try count(ws, "SELECT COUNT(*) FROM decisions") == 0)
    }

    /// A migration that fails part-way is undone whole, and the error says so.
    @Test func aBrokenMigrationIsUndone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("migrations").path) {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("migrations/" + f), to: dir.appendingPathComponent(f))
        }
        try Data("CREATE TABLE half_done (x);\nALTER TABLE no_such_table ADD COLUMN y;\n".utf8).write(to: dir.appendingPathComponent("9000_broken.sql"))
        let db = dir.appendingPathComponent("l.sqlite").path
        #expect {
            try Store(path: db, migrations: try Migration.folder(dir))
        } throws: { e in
            guard case StoreError.migrationFailed(_, let why) = e else { return false }
            return why.contains("no_such_table")
        }
        let q = try DatabaseQueue(path: db)
        #expect(try q.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'half_done')") } == false)
        #expect(try q.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'match_state')") } == true)
    }

    /// Sums beyond Int64 in a report are an error, not a trap.
    @Test func anOverflowingReportIsAnError() async throws {
        let (_, group, _) = try await workspace()
        let big = Allocation(transactionID: 1, memberID: "hong", period: Period("2026-01"), amount: .max - 10)
        let snapshot = LedgerSnapshot(
            transactions: 2, balance: nil, allocations: [big, Allocation(transactionID: 2, memberID: "hong", period: Period("2026-01"), amount: 100)],
            deposits: [:], review: [], other: [])
        #expect(throws: Money.Overflow.self) { try Report(group: group, periods: [Period("2026-01")!], snapshot: snapshot) }
        // And the balance chain reports a break instead of trapping.
        let t = SeoulTime(year: 2026, month: 1, day: 1)!
        let rows = [
            Continuity.Row(id: 1, time: t, signedAmount: .max, balance: .max, text: "a"),
            Continuity.Row(id: 2, time: t, signedAmount: .max, balance: 5, text: "b")
        ]
        #expect(Continuity.breaks(in: rows).count == 1)
    }

    @Test func interruptedRunsAreMarked() async throws {
        let (ws, group, dir) = try await workspace()
        let run = try await ws.store.beginRun(group: group, kind: .sync, source: "woori")
        _ = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path)
        #expect(try await ws.sqliteStore!.db.read { try String.fetchOne($0, sql: "SELECT status FROM runs WHERE id = ?", arguments: [run]) } == "interrupted")
    }
}

/// The binary carries the schema; `migrations/*.sql` stay the source of truth.
@Suite struct EmbeddedMigrationTests {
    @Test func theCompiledCopyIsTheFolder() throws {
        let folder = try Migration.folder(packageRoot.appendingPathComponent("migrations"))
        #expect(folder.map(\.name) == Migration.embedded.map(\.name), "the build embeds migrations/*.sql (Plugins/EmbedFiles)")
        for (f, e) in zip(folder, Migration.embedded) {
            let trim = { (s: String) in s.trimmingCharacters(in: .newlines) }
            #expect(trim(f.sql) == trim(e.sql), "\(f.name) differs from its compiled copy (Plugins/EmbedFiles)")
        }
    }
}

/// The report as a workbook (issue 12, point 3), read back with Hoebi's own xlsx reader.
@Suite struct ReportWorkbookTests {
    @Test func theGridReadsBackWithColoursAndTwoMoreSheets() throws {
        let p = { (s: String) in Period(s)! }
        let g = Group(
            id: "g", name: "모임", account: Account(bank: "kakaobank", number: "1"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
            members: [Member(id: "hong", name: "홍길동"), Member(id: "kim", name: "김솔")])
        let t = SeoulTime(parsing: "2026-01-05 10:00:00")!
        var r = try Report(
            group: g, periods: [p("2026-01"), p("2026-02")],
            snapshot: LedgerSnapshot(
                transactions: 3, balance: 50000,
                allocations: [
                    Allocation(transactionID: 1, memberID: "hong", period: p("2026-01"), amount: 30000),
                    Allocation(transactionID: 2, memberID: "kim", period: p("2026-01"), amount: 10000)
                ],
                deposits: [1: .init(id: 1, time: t, amount: 30000, text: "홍길동"), 2: .init(id: 2, time: t, amount: 10000, text: "김솔 일부")],
                review: [], other: []))
        r.money = MoneyBook(
            opening: 0, income: 40000, spending: 20000, bankBalance: 20000, withdrawals: [.init(id: 3, time: t, amount: 20000, text: "북한산대피소")],
            otherIncome: [], prepaid: [])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-\(UUID().uuidString).xlsx")
        try ReportWorkbook.write(r, to: url)
        var rows: [[String]] = []
        try XLSXSource(data: try Data(contentsOf: url), file: url.path).rows { rows.append($0.cells) }
        #expect(rows[1].prefix(3) == ["회원", "2026년 1월", "2026년 2월"])
        #expect(rows[2].prefix(4) == ["홍길동", "완납", "미납", "60000"])
        #expect(rows[3].prefix(3) == ["김솔", "일부 10,000", "미납"])
        // Colours and the other sheets are there.
        let archive = try Archive(url: url, accessMode: .read)
        #expect(archive["xl/worksheets/sheet2.xml"] != nil && archive["xl/worksheets/sheet3.xml"] != nil && archive["xl/styles.xml"] != nil)
        var sheet1 = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheet1.append($0) }
        let xml = String(decoding: sheet1, as: UTF8.self)
        #expect(xml.contains("s=\"2\"") && xml.contains("s=\"4\"") && xml.contains("state=\"frozen\""))
        // Sheet 3 is the money in that is not dues; 4 the withdrawals.
        var sheet4 = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet4.xml"]!) { sheet4.append($0) }
        #expect(String(decoding: sheet4, as: UTF8.self).contains("북한산대피소"))
    }
}
