import Foundation
import HoebiApp
import HoebiCore
import HoebiFixtures
import HoebiImport
import HoebiOffice
import HoebiStore

/// Generates a large generic-CSV statement for a large group and times each stage against the
/// `sqlite3` tool's own `.import` of the same file (the physical limit on this machine).
public struct Benchmark {
    public var rows: Int
    public var members: Int
    public var dir: URL
    /// Rows of the KakaoBank-layout .xlsx stage (a large statement read by the streaming reader).
    public var xlsxRows: Int

    public init(rows: Int, members: Int, dir: URL, xlsxRows: Int = 200_000) {
        self.rows = rows
        self.members = members
        self.dir = dir
        self.xlsxRows = xlsxRows
    }

    /// Distinct three-syllable names, deterministic (HoebiFixtures: generated people are fixtures).
    static func names(_ n: Int) -> [String] { KoreanNames.distinct(n) }

    /// Every figure of one run, for `hoebi bench --json` (issue 26): runs compared across commits.
    /// Seconds are wall time, peaks the resident high-water mark during that stage.
    public struct Figures: Codable, Sendable {
        public var rows = 0
        public var engine = "sqlite"
        public var sqliteImportSeconds = 0.0
        public var schemaFloorSeconds = 0.0
        public var psqlCopySeconds: Double?
        public var postgresFloorSeconds: Double?
        public var importSeconds = 0.0
        public var importPeakMB = 0.0
        public var rematchSeconds = 0.0
        public var rematchPeakMB = 0.0
        /// `hoebi report` over the big ledger, as a command (a process of its own).
        public var reportSeconds = 0.0
        public var reportPeakMB = 0.0
        /// `hoebi match` over the matched ledger, as a command: a full re-match that changes
        /// nothing (`rematchSeconds` is the first match after the import, writing everything).
        public var rematchAgainSeconds = 0.0
        public var rematchAgainPeakMB = 0.0
        public var reportInProcessSeconds = 0.0
        public var xlsxRows = 0
        public var xlsxSeconds = 0.0
        public var xlsxPeakMB = 0.0
        /// Rows per second by source (storing and re-matching included).
        public var syncRowsPerSecond: [String: Double] = [:]
        /// 100 new rows imported into the big ledger (with whatever re-match that costs).
        public var incrementalSeconds = 0.0
        public var incrementalPeakMB = 0.0
        /// hledger's `import` of the same statement, when hledger is installed.
        public var hledgerSeconds: Double?

        public init() {}

        public func json() throws -> String {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .prettyPrinted]
            // nil figures are written as null (a comparison across runs wants every key).
            var object = (try JSONSerialization.jsonObject(with: try e.encode(self)) as? [String: Any]) ?? [:]
            for key in ["psqlCopySeconds", "postgresFloorSeconds", "hledgerSeconds"] where object[key] == nil { object[key] = NSNull() }
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
        }
    }

    public func run(log: (String) -> Void) async throws -> String {
        var figures = Figures()
        return try await run(log: log, figures: &figures)
    }

    public func run(log: (String) -> Void, figures: inout Figures) async throws -> String {
        figures.rows = rows
        figures.xlsxRows = xlsxRows
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let names = Self.names(members)
        let perMonth = members * 4  // each member pays 40,000 in four deposits
        let months = max(1, (rows + perMonth - 1) / perMonth)
        let start = Period(year: 2026, month: 11)!.advanced(by: -(months - 1))
        let due: Won = 40000
        var config: [String: Any] = ["database": "bench.sqlite"]
        config["groups"] = [
            [
                "id": "bench", "name": "벤치마크", "account": ["bank": "kakaobank", "number": "3333-00-0000000"],
                "dues": ["cycle": "monthly", "dueDay": 10, "schedule": [["from": start.description, "amount": due]]],
                "members": names.enumerated().map { ["id": "m\($0.offset)", "name": $0.element] }
            ]
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: dir.appendingPathComponent("hoebi.json"))

        log("generating \(rows) rows (\(members) members, \(months) months)…")
        let csv = dir.appendingPathComponent("statement.csv")
        _ = FileManager.default.createFile(atPath: csv.path, contents: nil)
        let out = try FileHandle(forWritingTo: csv)
        var buffer = "datetime,amount,balance,kind,text\n"
        var balance: Won = 0
        var written = 0
        outer: for mi in 0..<months {
            let p = start.advanced(by: mi)
            for k in 0..<perMonth {
                if written == rows { break outer }
                let member = k % members
                // Times rise through the month, so the balance chain is continuous.
                let secondOfMonth = k * (27 * 86400 / perMonth)
                let day = 1 + secondOfMonth / 86400, hour = secondOfMonth % 86400 / 3600
                let minute = secondOfMonth % 3600 / 60, second = secondOfMonth % 60
                // Mostly names with memos around them; 1 in 100 a typo or a stranger (→ review).
                let text: String
                switch (member * 7 + mi * 3 + k / members) % 100 {
                case 0: text = String(names[member].dropLast()) + "등"
                case 1: text = "모르는사람\(k % 97)"
                case 2..<40: text = names[member]
                case 40..<60: text = names[member] + "\(p.month)월회비"
                // "26.3월" names the year only for 2020s years (so 12.1월 stays December and January).
                case 60..<80: text = p.year >= 2020 ? "\(p.year % 100).\(p.month)월" + names[member] : names[member] + " \(p.month)월"
                default: text = names[member] + "(회비)"
                }
                balance += 10000
                buffer +=
                    "\(p.year)-\(p.month < 10 ? "0" : "")\(p.month)-\(day < 10 ? "0" : "")\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second),10000,\(balance),일반입금,\(text)\n"
                written += 1
                if buffer.utf8.count > 1 << 20 {
                    out.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        out.write(Data(buffer.utf8))
        try out.close()

        // Baseline: the sqlite3 shell importing the same CSV into a plain table.
        let baselineDB = dir.appendingPathComponent("baseline.sqlite")
        let sqlite = try await measure {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "sqlite3", baselineDB.path, "-cmd", "PRAGMA journal_mode=WAL", "-cmd", "PRAGMA synchronous=NORMAL",
                ".mode csv", ".import \(csv.path) t"
            ]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw AppError.usage("sqlite3 .import failed (is the sqlite3 tool installed?)") }
        }
        log(String(format: "sqlite3 .import: %.2f s", sqlite.seconds))
        let floor = try await measure { try schemaFloor(csv: csv) }
        log(String(format: "sqlite3 into Hoebi's schema: %.2f s", floor.seconds))

        // With $HOEBI_DATABASE_URL the import goes to PostgreSQL: its own floors beside it, psql's
        // \copy into a plain table and the same rows into Hoebi's schema by SQL alone.
        var postgres: (copy: Double, floor: Double)?
        if let url = ProcessInfo.processInfo.environment["HOEBI_DATABASE_URL"], !url.isEmpty {
            postgres = try postgresFloors(csv: csv, url: url)
            log(String(format: "psql \\copy: %.2f s; into Hoebi's schema by SQL: %.2f s", postgres?.copy ?? 0, postgres?.floor ?? 0))
        }
        let ws = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path)
        let group = try ws.config.group(nil)
        let ledger = Ledger(store: ws.store)
        var counts: ImportCounts?
        let importing = try await measure {
            let reader = StatementReader(file: csv, account: group.account.key)
            counts = try await ws.store.importTransactions(group: group, source: csv.path, format: "csv") { insert in
                try reader.read(insert).ignored
            }
        }
        log(String(format: "hoebi import: %.2f s (%d new), peak %.0f MB", importing.seconds, counts?.new ?? 0, importing.peakMB))
        var breaks = 0
        // As an import checks it: every row the first time, kept for the next import to go on from.
        let continuity = try await measure { breaks = try await ledger.balanceBreaks(group).count }
        log(String(format: "balance chain check: %.2f s (%d breaks)", continuity.seconds, breaks))
        // The same number of rows sharing five time-stamps, each second's rows stored backwards
        // (a newest-first export): ordering ties must cost what the rows do, not their square.
        let tied = Self.tiedRows(rows)
        var tiedBreaks = 0
        let ties = try await measure { tiedBreaks = Continuity.breaks(in: tied).count }
        log(String(format: "balance chain, %d rows in 5 seconds: %.2f s (%d breaks)", tied.count, ties.seconds, tiedBreaks))
        var summary: Ledger.MatchSummary?
        let matching = try await measure { summary = try await ledger.rematch(group, full: true) }
        log(
            String(
                format: "full re-match: %.2f s (%d allocated, %d review), peak %.0f MB", matching.seconds,
                summary?.allocated ?? 0, summary?.review ?? 0, matching.peakMB))
        let end = start.advanced(by: months - 1)
        let reporting = try await measure { _ = try await ledger.report(group, from: end.advanced(by: -11), to: end) }
        log(String(format: "12-period report: %.3f s", reporting.seconds))
        let configPath = dir.appendingPathComponent("hoebi.json").path
        let command = try Self.runSelf(["report", "--config", configPath, "--format", "json"])
        log(String(format: "hoebi report as a command: %.3f s, peak %.0f MB", command.seconds, command.peakMB))
        // What a changed setting or decision costs: the whole group again over a matched ledger,
        // writing only what differs, as its own process (so its peak is its own).
        let again = try Self.runSelf(["match", "--config", configPath])
        log(String(format: "hoebi match of the matched ledger: %.2f s, peak %.0f MB", again.seconds, again.peakMB))
        // 100 rows after the last, in a file of their own, into the big ledger: what a daily import costs.
        let more = dir.appendingPathComponent("more.csv")
        var extra = "datetime,amount,balance,kind,text\n"
        for k in 0..<100 {
            balance += 10000
            extra += "2026-11-28 \(10 + k / 60):\(k % 60 < 10 ? "0" : "")\(k % 60):00,10000,\(balance),일반입금,\(names[k % names.count])\n"
        }
        try Data(extra.utf8).write(to: more)
        var added = 0
        let incremental = try await measure { added = try await ledger.importFile(more, group: group, format: "csv").counts.new }
        log(String(format: "100 new rows into the %d-row ledger: %.2f s (%d new), peak %.0f MB", rows, incremental.seconds, added, incremental.peakMB))
        let hledger = try Self.hledger(csv: csv, dir: dir)
        if let hledger { log(String(format: "hledger import: %.2f s", hledger)) }
        let peak = max(importing.peakMB, matching.peakMB, reporting.peakMB, continuity.peakMB)
        figures.sqliteImportSeconds = sqlite.seconds
        figures.schemaFloorSeconds = floor.seconds
        figures.psqlCopySeconds = postgres?.copy
        figures.postgresFloorSeconds = postgres?.floor
        figures.engine = postgres == nil ? "sqlite" : "postgres"
        figures.importSeconds = importing.seconds
        figures.importPeakMB = importing.peakMB
        figures.rematchSeconds = matching.seconds
        figures.rematchPeakMB = matching.peakMB
        figures.reportSeconds = command.seconds
        figures.reportPeakMB = command.peakMB
        figures.rematchAgainSeconds = again.seconds
        figures.rematchAgainPeakMB = again.peakMB
        figures.reportInProcessSeconds = reporting.seconds
        figures.incrementalSeconds = incremental.seconds
        figures.incrementalPeakMB = incremental.peakMB
        figures.hledgerSeconds = hledger

        // A large .xlsx: generated here, then read (SAX, no tree) into a separate database.
        log("generating a \(xlsxRows)-row KakaoBank xlsx…")
        let xlsx = dir.appendingPathComponent("statement.xlsx")
        var sheet: [[String]] = [[], ["", "카카오뱅크 거래내역"], [], ["", "거래일시", "구분", "거래금액", "거래 후 잔액", "거래구분", "내용", "메모"]]
        var xbalance: Won = 0
        for k in 0..<xlsxRows {
            let t = SeoulTime(epochSeconds: SeoulTime(year: 2020, month: 1, day: 1)!.epochSeconds + Int64(k) * 600)
            xbalance += 30000
            sheet.append([
                "", t.iso8601.prefix(19).replacingOccurrences(of: "-", with: ".").replacingOccurrences(of: "T", with: " "),
                "입금", "30,000", xbalance.grouped, "일반입금", names[k % names.count] + "회비", ""
            ])
        }
        try XLSXWriter.write(rows: sheet, sheetName: "카카오뱅크 거래내역", to: xlsx)
        sheet = []
        let xlsxStore = try Store(path: dir.appendingPathComponent("xlsx.sqlite").path)
        var xlsxCounts: ImportCounts?
        let xlsxImport = try await measure {
            let reader = StatementReader(file: xlsx, account: group.account.key)
            xlsxCounts = try xlsxStore.importTransactions(group: group, source: xlsx.path, format: "kakaobank") { insert in
                try reader.read(insert).ignored
            }
        }
        let xlsxMB = Double((try? FileManager.default.attributesOfItem(atPath: xlsx.path)[.size] as? Int) ?? 0) / 1_048_576
        figures.xlsxSeconds = xlsxImport.seconds
        figures.xlsxPeakMB = xlsxImport.peakMB
        log(
            String(
                format: "xlsx import: %.2f s for %d rows (%.1f MB file), peak %.0f MB", xlsxImport.seconds,
                xlsxCounts?.new ?? 0, xlsxMB, xlsxImport.peakMB))
        let postgresLines =
            postgres.map {
                String(
                    format: """
                        psql \\copy           %7.2f   (PostgreSQL baseline: a plain table)
                        psql → schema         %7.2f   (the same rows into Hoebi's schema by SQL: %.2f× \\copy)
                        import (PostgreSQL)   %7.2f   %.2f× \\copy, %.2f× its schema floor

                        """, $0.copy, $0.floor, $0.floor / $0.copy, importing.seconds, importing.seconds / $0.copy, importing.seconds / $0.floor)
            } ?? ""
        return postgresLines
            + String(
                format: """

                    rows %d, members %d
                    stage                 seconds   target
                    sqlite3 .import       %7.2f   (baseline: a plain table, no index)
                    sqlite3 → schema      %7.2f   (the same rows into Hoebi's schema: %.2f× baseline)
                    import (csv)          %7.2f   ≤ 3× baseline → %.2f× (%.2f× the schema floor)
                    first match           %7.2f   writes every allocation, peak %.0f MB
                    re-match (command)    %7.2f   ≤ 5 s, ≤ 300 MB → peak %.0f MB
                    report (12 periods)   %7.3f   ≤ 0.1 s as a command: %.3f s, peak %.0f MB
                    100 new rows          %7.2f   into the big ledger, peak %.0f MB
                    peak memory (MB)      %7.0f   < 1024
                    xlsx import           %7.2f   %d rows, peak %.0f MB

                    """, rows, members, sqlite.seconds, floor.seconds, floor.seconds / sqlite.seconds,
                importing.seconds, importing.seconds / sqlite.seconds, importing.seconds / floor.seconds,
                matching.seconds, matching.peakMB, again.seconds, again.peakMB, reporting.seconds, command.seconds, command.peakMB, incremental.seconds,
                incremental.peakMB, peak, xlsxImport.seconds, xlsxCounts?.new ?? 0,
                xlsxImport.peakMB)
            + (postgres == nil ? "" : "(the import, re-match and report above ran on PostgreSQL: read the import beside psql's rows)\n")
    }

    /// PostgreSQL's floors, measured with psql on the same database in a schema of their own
    /// (dropped after): `\copy` into a plain table, and `\copy` into a staging table then one
    /// INSERT … SELECT … ON CONFLICT into Hoebi's schema (both indexes, the raw row as jsonb).
    func postgresFloors(csv: URL, url: String) throws -> (copy: Double, floor: Double) {
        func psql(_ script: String) throws -> Double {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1"]
            let input = Pipe()
            p.standardInput = input
            p.standardOutput = FileHandle.nullDevice
            let started = DispatchTime.now().uptimeNanoseconds
            try p.run()
            // NOTICEs (a schema dropped with its tables) are not the benchmark's to print.
            input.fileHandleForWriting.write(Data(("SET client_min_messages = warning;\n" + script).utf8))
            try input.fileHandleForWriting.close()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw AppError.usage("psql failed (is the psql tool installed, and the database reachable?)") }
            return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        let path = csv.path.replacingOccurrences(of: "'", with: "''")
        _ = try psql("DROP SCHEMA IF EXISTS hoebi_bench CASCADE; CREATE SCHEMA hoebi_bench;")
        let copy = try psql(
            "SET search_path = hoebi_bench; CREATE TABLE plain(datetime text, amount text, balance text, kind text, text text);\n\\copy plain FROM '\(path)' CSV HEADER\n"
        )
        var script = "SET search_path = hoebi_bench;\n"
        for m in Migration.embeddedPostgres { script += m.sql + "\n" }
        script += """
            CREATE TEMP TABLE raw(datetime text, amount bigint, balance bigint, kind text, text text);
            \\copy raw FROM '\(path)' CSV HEADER
            INSERT INTO transactions(account, identity, occurred_at, direction, amount, balance, kind, text, memo, source, raw, origin)
            SELECT 'a', 'a|' || datetime || '|in|' || amount || '|' || balance || '|' || text || '#1', (datetime || '+09')::timestamptz, 'in', amount, balance,
                   kind, text, '', 'csv', to_jsonb(datetime || ',' || amount || ',' || balance || ',' || kind || ',' || text), 'row' FROM raw
            ON CONFLICT (identity) DO NOTHING;

            """
        let floor = try psql(script)
        _ = try psql("DROP SCHEMA hoebi_bench CASCADE;")
        return (copy, floor)
    }

    /// A second floor: SQLite alone moving the same rows into Hoebi's own schema (both indexes, the
    /// raw row kept), so Hoebi's own overhead can be told apart from the cost of what it stores.
    func schemaFloor(csv: URL) throws {
        let db = dir.appendingPathComponent("floor.sqlite")
        var script = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA cache_size=-65536;\n"
        for m in Migration.embedded { script += m.sql + "\n" }
        script += ".mode csv\n.import \(csv.path) raw\n"
        script += """
            INSERT INTO transactions(account, identity, occurred_at, direction, amount, balance, kind, text, memo, source, raw, origin)
            SELECT 'a', 'a|' || datetime || '|in|' || amount || '|' || balance || '|' || text || '#1', datetime, 'in', amount, balance,
                   kind, text, '', 'csv', datetime || ',' || amount || ',' || balance || ',' || kind || ',' || text, 'row ' || rowid FROM raw;

            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db.path]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw AppError.usage("sqlite3 failed on the schema floor") }
    }

    struct Measurement {
        var seconds: Double
        var peakMB: Double
    }

    /// This very binary run as a command (`/proc/self/exe`), its output thrown away: its wall time
    /// and its own peak memory. The peak is the child's `VmHWM`, read from /proc while it runs:
    /// a spawned child's rusage counts this process's own peak too (Linux records the memory it
    /// shared until exec), which made a small report look as large as the bench.
    static func runSelf(_ arguments: [String]) throws -> Measurement {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        try p.run()
        var peakKB = 0
        // VmHWM only grows; the last reading before the child ends is its peak, give or take
        // the last few milliseconds.
        while p.isRunning {
            peakKB = max(peakKB, StageTimes.statusKB("VmHWM:", of: String(p.processIdentifier)) ?? 0)
            usleep(5000)
        }
        p.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        guard p.terminationStatus == 0 else { throw AppError.usage("hoebi \(arguments.first ?? "") failed in the benchmark (exit \(p.terminationStatus))") }
        return Measurement(seconds: seconds, peakMB: Double(peakKB) / 1024)
    }

    /// hledger's `import` of the same statement into an empty journal (rules: one posting per row
    /// against an income account), in seconds; nil when hledger is not installed.
    static func hledger(csv: URL, dir: URL) throws -> Double? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/hledger" }
        guard let tool = path.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let rules = dir.appendingPathComponent("statement.csv.rules"), journal = dir.appendingPathComponent("bench.journal")
        try Data(
            """
            skip 1
            fields datetime, amount, balance, kind, description
            date %datetime
            date-format %Y-%m-%d %H:%M:%S
            account1 assets:bank
            account2 income:dues

            """.utf8
        ).write(to: rules)
        try Data().write(to: journal)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-f", journal.path, "import", csv.path, "--rules-file", rules.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw AppError.usage("hledger import failed in the benchmark (exit \(p.terminationStatus))") }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    /// Wall time and peak resident memory of `body`. The peak is reset first (Linux clear_refs),
    /// so each stage reports its own.
    func measure(_ body: () async throws -> Void) async throws -> Measurement {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .ascii)
        let t0 = DispatchTime.now().uptimeNanoseconds
        try await body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return Measurement(seconds: seconds, peakMB: Double(StageTimes.statusKB("VmHWM:") ?? 0) / 1024)
    }
}

extension Benchmark {
    /// `n` rows that chain, in five time-stamps, each second's rows in reverse order.
    static func tiedRows(_ n: Int) -> [Continuity.Row] {
        var rows: [Continuity.Row] = []
        rows.reserveCapacity(n)
        var balance: Won = 0
        let per = max(1, n / 5)
        for s in 0..<5 {
            let time = SeoulTime(year: 2026, month: 1, day: 1 + s, hour: 10, minute: 0, second: 0)!
            var second: [Continuity.Row] = []
            for k in 0..<min(per, n - s * per) {
                let amount = Won(1000 + k % 7)
                balance += amount
                second.append(Continuity.Row(id: Int64(s * per + k), time: time, signedAmount: amount, balance: balance, text: ""))
            }
            rows += second.reversed()
        }
        return rows
    }
}
