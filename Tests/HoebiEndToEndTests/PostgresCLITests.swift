import Foundation
import HoebiTestSupport
import Testing

/// The built binary on a PostgreSQL database (issue 25): the configuration's database named by
/// `$HOEBI_DATABASE_URL`, a throwaway cluster per test on a Unix socket.
@Suite(.serialized) struct PostgresCLITests {
    /// A folder with the demo's configuration and statement, and its ledger on a new cluster.
    static func folder() throws -> (dir: URL, env: [String: String], cluster: ThrowawayPostgres) {
        let dir = try demoFolder()
        let cluster = try ThrowawayPostgres()
        return (dir, ["HOEBI_DATABASE_URL": cluster.url("postgres")], cluster)
    }

    /// The same commands give the same answers on both engines: every figure, every line of
    /// the notice, the ids the treasurer types.
    @Test func bothEnginesAnswerAlike() throws {
        let (pg, env, cluster) = try Self.folder()
        defer { cluster.stop() }
        let sqlite = try demoFolder()
        let steps: [[String]] = [
            ["import", "카카오뱅크_거래내역.xlsx", "--json"],
            ["report", "--format", "json"],
            ["review", "--format", "json"],
            ["assign", "t24", "namgung", "--by", "총무"],
            ["report", "--format", "json"],
            ["notice"],
            ["closing", "--format", "json"],
            ["explain", "t24"],
            ["undo", "--by", "총무"],
            ["review", "--format", "json"],
            ["import", "카카오뱅크_거래내역.xlsx", "--json"],
            ["revert", "r2", "--by", "총무"],
            ["report", "--format", "json"]
        ]
        for step in steps {
            let a = try hoebi(step, in: sqlite)
            let b = try hoebi(step, in: pg, env: env)
            #expect(a.status == 0 && !a.out.isEmpty, "\(step): \(a.err)")
            #expect(
                b.status == a.status && b.out == a.out, "\(step) differs on PostgreSQL:\n\(b.err)\n\(b.out.prefix(2000))\n--- SQLite:\n\(a.out.prefix(2000))")
        }
        // Nothing of the ledger went to a file: the folder holds no SQLite database.
        #expect(!FileManager.default.fileExists(atPath: pg.appendingPathComponent("hoebi.sqlite").path))
    }

    /// Rows of a generic statement: `count` deposits from `first` on, one a day, each with its
    /// balance, so that overlapping files share rows exactly.
    static func statement(_ range: Range<Int>) -> String {
        var s = "datetime,amount,balance,text\n"
        for i in range {
            let day = Date(timeIntervalSince1970: 1_767_225_600 + Double(i) * 3600)  // 2026-01-01 from 09:00 KST, hourly
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "Asia/Seoul")
            f.dateFormat = "yyyy-MM-dd HH:mm:ss"
            s += "\(f.string(from: day)),1000,\((i + 1) * 1000),입금\(i % 7)\n"
        }
        return s
    }

    /// Two processes import overlapping statements into one database at once: every row is
    /// stored once, each import's counts add up, and the shared rows are known to the second.
    @Test func twoProcessesImportOverlappingStatementsOnce() throws {
        let (dir, env, cluster) = try Self.folder()
        defer { cluster.stop() }
        try Data(Self.statement(0..<3000).utf8).write(to: dir.appendingPathComponent("a.csv"))
        try Data(Self.statement(1000..<4000).utf8).write(to: dir.appendingPathComponent("b.csv"))
        #expect(try hoebi(["report"], in: dir, env: env).status == 0)
        let processes = try ["a.csv", "b.csv"].map { file -> (Process, Pipe) in
            let p = try hoebiProcess(["import", file, "--json"], in: dir, env: env)
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            return (p, out)
        }
        for (p, _) in processes { try p.run() }
        var results: [[String: Any]] = []
        for (p, out) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            results.append(try json(String(decoding: data, as: UTF8.self)))
        }
        let new = results.map { $0["new"] as? Int ?? -1 }, known = results.map { $0["known"] as? Int ?? -1 }
        #expect(new.reduce(0, +) == 4000, "new \(new), known \(known)")
        #expect(known.reduce(0, +) == 2000, "new \(new), known \(known)")
        // The whole ledger, once: the balance chain has no break and no doubled row.
        let again = try hoebi(["import", "b.csv", "--json"], in: dir, env: env)
        #expect(try json(again.out)["new"] as? Int == 0)
        let rows = try cluster.psql("postgres", ["-c", "SELECT count(*), count(DISTINCT identity) FROM transactions"])
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "4000|4000")
    }

    /// A killed import leaves nothing of itself: the rows are sent and committed in one
    /// transaction, so the ledger holds all of the file or none of it.
    @Test func aKilledImportLeavesAllOrNothing() throws {
        let (dir, env, cluster) = try Self.folder()
        defer { cluster.stop() }
        try Data(Self.statement(0..<40000).utf8).write(to: dir.appendingPathComponent("big.csv"))
        #expect(try hoebi(["report"], in: dir, env: env).status == 0)
        for delay in [0.3, 0.8, 1.5] {
            let p = try hoebiProcess(["import", "big.csv"], in: dir, env: env)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let n = Int(try cluster.psql("postgres", ["-c", "SELECT count(*) FROM transactions"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            #expect(n == 0 || n == 40000, "after a kill at \(delay) s the ledger holds \(n) rows")
        }
        let done = try hoebi(["import", "big.csv", "--json"], in: dir, env: env)
        #expect(done.status == 0, "\(done.err)")
        let total = Int(try cluster.psql("postgres", ["-c", "SELECT count(*) FROM transactions"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(total == 40000)
    }

    /// What PostgreSQL cannot do yet is said in Korean, not done wrongly.
    @Test func whatOnlyAFileCanDoIsRefusedInWords() throws {
        let (dir, env, cluster) = try Self.folder()
        defer { cluster.stop() }
        var korean = env
        korean["HOEBI_LANG"] = "ko"
        let backup = try hoebi(["backup", "copy.sqlite"], in: dir, env: korean)
        #expect(backup.status != 0 && backup.err.contains("pg_dump"), "\(backup.err)")
        let preview = try hoebi(["import", "카카오뱅크_거래내역.xlsx", "--dry-run"], in: dir, env: korean)
        #expect(preview.status != 0 && preview.err.contains("미리보기"), "\(preview.err)")
        // A password written into hoebi.json is refused before anything connects.
        let config = dir.appendingPathComponent("hoebi.json")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "\"database\": \"hoebi.sqlite\"", with: "\"database\": \"postgres://hoebi:secret@localhost/hoebi\"")
        try Data(text.utf8).write(to: config)
        let refused = try hoebi(["report"], in: dir, env: ["HOEBI_LANG": "ko"])
        #expect(refused.status != 0 && refused.err.contains("databasePasswordEnv") && !refused.err.contains("secret"), "\(refused.err)")
    }

    /// `copy-db` moves a whole ledger to PostgreSQL and back: every table's rows and checksum the
    /// same on both sides each way, and the ledger that came back answers as the original did.
    @Test func aLedgerMovesToPostgreSQLAndBackLosslessly() throws {
        let dir = try demoFolder()
        let cluster = try ThrowawayPostgres()
        defer { cluster.stop() }
        for step in [
            ["import", "카카오뱅크_거래내역.xlsx"], ["assign", "t24", "namgung", "--by", "총무"], ["ignore", "t45", "--reason", "환불", "--by", "총무"],
            ["category", "set", "t7", "식비", "--by", "총무"]
        ] {
            let r = try hoebi(step, in: dir)
            #expect(r.status == 0, "\(step): \(r.err)")
        }
        try "pw-for-tests\n".write(to: dir.appendingPathComponent("pw"), atomically: true, encoding: .utf8)
        #expect(try hoebi(["user", "add", "총무", "--password-file", "pw"], in: dir).status == 0)
        let there = try hoebi(["copy-db", "--from", "hoebi.sqlite", "--to", cluster.url("postgres"), "--json"], in: dir)
        #expect(there.status == 0, "\(there.err)")
        let doc = try json(there.out)
        #expect(doc["same"] as? Bool == true)
        let tables = (doc["to"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) { $0[$1["table"] as? String ?? ""] = $1["rows"] as? Int }
        #expect(tables["transactions"] == 51 && tables["treasurers"] == 1 && tables["decisions"] == 2, "\(tables)")
        // Into a database that holds a ledger already: refused, nothing written.
        let again = try hoebi(["copy-db", "--from", "hoebi.sqlite", "--to", cluster.url("postgres")], in: dir)
        #expect(again.status != 0 && again.err.contains("empty"), "\(again.err)")
        // The PostgreSQL ledger answers as the file did.
        let onFile = try hoebi(["report", "--format", "json"], in: dir)
        let onServer = try hoebi(["report", "--format", "json"], in: dir, env: ["HOEBI_DATABASE_URL": cluster.url("postgres")])
        #expect(onServer.status == 0 && onServer.out == onFile.out, "\(onServer.err)")
        let back = try hoebi(["copy-db", "--from", cluster.url("postgres"), "--to", "back.sqlite", "--json"], in: dir)
        #expect(back.status == 0, "\(back.err)")
        let returned = try json(back.out)
        #expect(returned["same"] as? Bool == true)
        // The two files hold the same rows: each table's checksum on the way there equals the one on the way back.
        #expect(returned["to"] as? NSArray == doc["from"] as? NSArray, "a table changed on the round trip")
        #expect(try hoebi(["copy-db", "--from", cluster.url("postgres"), "--to", "back.sqlite"], in: dir).status != 0, "an existing file is never overwritten")
    }
}
