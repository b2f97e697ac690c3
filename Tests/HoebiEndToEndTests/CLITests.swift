import Foundation
import Testing

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built binary: `$HOEBI_BIN`, or the debug product of this package.
func binary() throws -> URL {
    if let env = ProcessInfo.processInfo.environment["HOEBI_BIN"] { return URL(fileURLWithPath: env) }
    for c in [".build/debug/hoebi", ".build/x86_64-unknown-linux-gnu/debug/hoebi", ".build/aarch64-unknown-linux-gnu/debug/hoebi"] {
        let url = root.appendingPathComponent(c)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CLIError("hoebi binary not found under .build; run `swift build --product hoebi` first")
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ s: String) { description = s }
}

struct Run {
    var status: Int32
    var out: String
    var err: String
}

/// The built binary set up to run in `dir`, not yet started.
func hoebiProcess(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> Process {
    let p = Process()
    // `env["HOEBI_BIN"]` runs another copy of the binary (a copied or linked one).
    p.executableURL = try env["HOEBI_BIN"].map { URL(fileURLWithPath: $0) } ?? binary()
    p.arguments = args
    p.currentDirectoryURL = dir
    var environment = ProcessInfo.processInfo.environment
    // The schema is compiled in: no test may lean on a migrations folder being found.
    environment.removeValue(forKey: "HOEBI_MIGRATIONS")
    // The tests read English unless they ask for Korean (the default a treasurer gets).
    environment["HOEBI_LANG"] = "en"
    environment.removeValue(forKey: "HOEBI_CONFIG")
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    return p
}

@discardableResult
func hoebi(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> Run {
    let p = try hoebiProcess(args, in: dir, env: env)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
}

func tempDir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}

/// A working folder with the demo's config and statement, nothing imported yet.
func demoFolder() throws -> URL {
    let d = try tempDir()
    let r = try hoebi(["demo", "--from-statement", "--dir", "."], in: d)
    #expect(r.status == 0, "demo failed: \(r.err)")
    try FileManager.default.removeItem(at: d.appendingPathComponent("hoebi.sqlite"))
    for ext in ["-wal", "-shm"] { try? FileManager.default.removeItem(at: d.appendingPathComponent("hoebi.sqlite" + ext)) }
    return d
}

func json(_ s: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
}

@Suite(.serialized) struct CLITests {
    @Test func demoSyncsFromTheSandboxAndReports() throws {
        let d = try tempDir()
        let r = try hoebi(["demo", "--dir", "demo"], in: d)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("== hoebi sync") && r.out.contains("2090 new, 0 known"))
        #expect(r.out.contains("샌드박스 산악회 (club)"))
        // 48 members: the compact layout, under 1,000 characters.
        #expect(r.out.contains("[샌드박스 산악회] 2026년 10월 회비 30,000원") && r.out.contains("❌ 미납"))
        #expect(r.out.contains("1002*****6789"))  // the account number, masked in the notice
        let again = try hoebi(["demo", "--dir", "demo"], in: d)
        #expect(again.out.contains("0 new, 2090 known"))
        // The secrets went to files, not into the configuration.
        let config = try String(contentsOf: d.appendingPathComponent("demo/hoebi.json"), encoding: .utf8)
        #expect(!config.contains(BankSecrets.codefClientSecret) && config.contains("clientSecretFile"))
    }

    @Test func statementDemoRunsTheWholeJob() throws {
        let d = try tempDir()
        let r = try hoebi(["demo", "--from-statement", "--dir", "demo"], in: d)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("51 new, 0 already known"))
        #expect(r.out.contains("북한산 산악회 (hiking)"))
        #expect(r.out.contains("2026년 11월 회비 안내"))
        #expect(r.out.contains("3333-**-***4567"))
        let again = try hoebi(["demo", "--from-statement", "--dir", "demo"], in: d)
        #expect(again.out.contains("0 new, 51 already known"))
    }

    @Test func importTwiceChangesNothing() throws {
        let d = try demoFolder()
        let first = try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("(kakaobank): 51 new, 0 already known, 10 ignored rows"))
        let run1 = try hoebi(["report", "--from", "2026-01", "--to", "2026-11", "--format", "json"], in: d)
        let report1 = run1.out
        let second = try hoebi(["import", "카카오뱅크_거래내역.xlsx", "--json"], in: d)
        let doc = try json(second.out)
        #expect(doc["new"] as? Int == 0 && doc["known"] as? Int == 51)
        // The same document as the API's import answer: every property of `Imported` in
        // api/openapi.json but its message in words, and nothing else.
        let api = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("api/openapi.json"))) as? [String: Any]
        let imported = ((api?["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Imported"] as? [String: Any]
        let properties = Set(((imported?["properties"] as? [String: Any]) ?? [:]).keys)
        #expect(!properties.isEmpty && Set(doc.keys) == properties.subtracting(["message"]), "\(doc.keys.sorted()) vs \(properties.sorted())")
        #expect((doc["match"] as? [String: Any])?["allocated"] as? Int != nil && (doc["run"] as? String)?.hasPrefix("r") == true)
        let run2 = try hoebi(["report", "--from", "2026-01", "--to", "2026-11", "--format", "json"], in: d)
        let report2 = run2.out
        #expect(report1 == report2)
        // Two reports that both failed would be equal too: both must be real documents.
        let collected = try json(report1)["collected"] as? Int ?? 0
        #expect(run1.status == 0 && run2.status == 0 && collected > 0)
    }

    @Test func reportJSONAgreesWithTheLedger() throws {
        let d = try demoFolder()
        try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        let doc = try json(try hoebi(["report", "--from", "2026-01", "--to", "2026-11", "--format", "json"], in: d).out)
        #expect(doc["transactions"] as? Int == 51)
        #expect(doc["balance"] as? Int == 1_048_666)
        let members = doc["members"] as! [[String: Any]]
        let hong = members.first { $0["id"] as? String == "hong" }!
        #expect(hong["outstanding"] as? Int == 0)
        // Every member's periods add up to what is outstanding.
        for m in members {
            let periods = m["periods"] as! [String: [String: Any]]
            let owed = periods.values.reduce(0) { $0 + max(0, ($1["due"] as! Int) - ($1["paid"] as! Int)) }
            #expect(owed == m["outstanding"] as? Int)
        }
        let lee = members.first { $0["id"] as? String == "lee" }!
        let leePeriods = lee["periods"] as! [String: [String: Any]]
        #expect(leePeriods["2026-02"]?["status"] as? String == "inactive")
        #expect(leePeriods["2026-05"]?["status"] as? String == "exempt")
        let review = doc["review"] as! [[String: Any]]
        #expect(review.map { $0["text"] as! String } == ["남궁민주", "송채원엄마"])
        let other = doc["other"] as! [[String: Any]]
        #expect(other.filter { $0["reason"] as? String == "interest" }.count == 3)
        #expect(other.filter { ($0["text"] as? String) == "뒷풀이 정산" }.count == 2)  // identical rows, both kept
    }

    @Test func reviewAssignAndIgnoreFromTheCommandLine() throws {
        let d = try demoFolder()
        try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        let review = try JSONSerialization.jsonObject(with: Data(try hoebi(["review", "--format", "json"], in: d).out.utf8)) as! [[String: Any]]
        #expect(review.count == 2)
        let typo = review.first { $0["text"] as? String == "남궁민주" }!
        #expect(typo["suggestion"] as? String == "namgung")
        let assigned = try hoebi(["assign", typo["id"] as! String, "namgung", "--periods", "2026-06", "--by", "총무"], in: d)
        #expect(assigned.status == 0, "\(assigned.err)")
        let mom = review.first { $0["text"] as? String == "송채원엄마" }!
        #expect(try hoebi(["ignore", mom["id"] as! String, "--reason", "찬조금"], in: d).status == 0)
        #expect(try hoebi(["review"], in: d).out.contains("Nothing to review"))
        let doc = try json(try hoebi(["report", "--from", "2026-06", "--to", "2026-06", "--format", "json"], in: d).out)
        let namgung = (doc["members"] as! [[String: Any]]).first { $0["id"] as? String == "namgung" }!
        #expect(((namgung["periods"] as! [String: Any])["2026-06"] as! [String: Any])["status"] as? String == "paid")
        #expect((doc["other"] as! [[String: Any]]).contains { $0["reason"] as? String == "찬조금" })
        // Unknown member: a usage error, nothing recorded.
        let bad = try hoebi(["assign", typo["id"] as! String, "nobody"], in: d)
        #expect(bad.status == 64 && bad.err.contains("no member 'nobody'"))
    }

    @Test func noticeAndOtherFormats() throws {
        let d = try demoFolder()
        try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        let notice = try hoebi(["notice", "--period", "2026-10", "--mask"], in: d)
        #expect(notice.out.contains("2026년 10월 회비 안내"))
        #expect(notice.out.contains("남**수") && !notice.out.contains("남궁민수"))
        let plain = try hoebi(["notice", "--period", "2026-10"], in: d)
        #expect(plain.out.contains("- 최유나 35,000원"))
        try Data("{{% CONTENT_TYPE: TEXT}}{{groupName}}|{{unpaidCount}}".utf8).write(to: d.appendingPathComponent("t.mustache"))
        // 최유나 and 남궁민수; the deposit in review that holds no one's period (송채원엄마) is said
        // although the template does not ask; the count of both is told to the treasurer apart.
        let custom = try hoebi(["notice", "--period", "2026-10", "--template", "t.mustache"], in: d)
        #expect(custom.out == "북한산 산악회|2\n❓ 누가 보냈는지 아직 확인하지 못한 입금이 1건 있습니다. 내셨는데 미납으로 나오면 총무에게 알려 주세요.\n", "\(custom.out)")
        #expect(custom.err.contains("2 deposit(s) still wait in review"))
        let csv = try hoebi(["report", "--from", "2026-01", "--to", "2026-02", "--format", "csv", "--layout", "long"], in: d).out
        #expect(csv.split(separator: "\n").count == 1 + 6 * 2)
        // The grid a club opens: BOM, Korean headers, a row per member, statuses in Korean.
        let grid = try hoebi(["report", "--from", "2026-01", "--to", "2026-02", "--format", "csv"], in: d).out
        let gridLines = grid.split(separator: "\r\n")
        #expect(grid.hasPrefix("\u{FEFF}회원,아이디,2026년 1월,2026년 2월,낼 돈") && gridLines.count == 1 + 6 + 2, "\(grid)")
        #expect(gridLines.contains { $0.hasPrefix("홍길동,hong,완납,완납") })
        #expect(try hoebi(["report", "--format", "html", "--from", "2026-01", "--to", "2026-02"], in: d).out.hasPrefix("<!doctype html>"))
    }

    @Test func badInputGetsClearErrorsAndExitCodes() throws {
        let d = try demoFolder()
        // No configuration here.
        let empty = try tempDir()
        let none = try hoebi(["report"], in: empty)
        #expect(none.status == 66 && none.err.contains("no configuration"))
        // A bad configuration names the JSON path.
        var config = try String(contentsOf: d.appendingPathComponent("hoebi.json"), encoding: .utf8)
        config = config.replacingOccurrences(of: "\"joined\": \"2026-03\"", with: "\"joined\": \"2026-3\"")
        try Data(config.utf8).write(to: empty.appendingPathComponent("hoebi.json"))
        let badConfig = try hoebi(["report"], in: empty)
        #expect(badConfig.status == 78)
        #expect(badConfig.err.contains("groups[0].members[1].joined"))
        // A bad statement names the row and column and stores nothing.
        try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        try Data("datetime,amount,text\n2026-12-01 10:00,30000,홍길동\n2026-12-02 10:00,3만,홍길동\n".utf8).write(to: d.appendingPathComponent("bad.csv"))
        let bad = try hoebi(["import", "bad.csv"], in: d)
        #expect(bad.status == 65)
        #expect(bad.err.contains("bad.csv, row 3, column 'amount (B)'"))
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2026-01", "--to", "2026-12"], in: d).out)
        #expect(doc["transactions"] as? Int == 51)
        let missing = try hoebi(["import", "nope.xlsx"], in: d)
        #expect(missing.status == 66)
        let usage = try hoebi(["report", "--from", "2026-13"], in: d)
        #expect(usage.status == 64)
    }

    @Test func helpTeaches() throws {
        let r = try hoebi(["--help"], in: try tempDir())
        #expect(r.out.contains("Typical month") && r.out.contains("Exit codes"))
        let formats =
            try JSONSerialization.jsonObject(with: Data(try hoebi(["formats", "--format", "json"], in: try tempDir()).out.utf8)) as! [[String: String]]
        #expect(formats.map { $0["name"]! } == ["kakaobank", "toss", "kb", "shinhan", "nh", "hana", "woori", "ibk", "jeonbuk", "csv", "auto"])
        #expect(formats.allSatisfy { !($0["export"] ?? "").isEmpty })
        for sub in ["import", "report", "notice", "assign"] {
            #expect(try hoebi([sub, "--help"], in: try tempDir()).out.contains("USAGE"))
        }
    }
}

@Suite(.serialized) struct EncryptedImportCLITests {
    let fixtures = root.appendingPathComponent("Tests/HoebiImportTests/Fixtures")

    @Test func passwordFromEnvironmentOrFile() throws {
        let d = try demoFolder()
        let file = fixtures.appendingPathComponent("toss-encrypted.xlsx").path
        // Wrong password: exit 65, the password is not echoed, nothing stored.
        let wrong = try hoebi(["import", file, "--password-env", "STATEMENT_PW"], in: d, env: ["STATEMENT_PW": "111111"])
        #expect(wrong.status == 65)
        #expect(wrong.err.contains("wrong password") && !wrong.err.contains("111111"))
        #expect(try json(try hoebi(["report", "--format", "json", "--from", "2026-01", "--to", "2026-01"], in: d).out)["transactions"] as? Int == 0)
        // No password and no terminal: says how to give one.
        let none = try hoebi(["import", file], in: d)
        #expect(none.status == 65 && none.err.contains("--password-file"))
        let ok = try hoebi(["import", file, "--password-env", "STATEMENT_PW"], in: d, env: ["STATEMENT_PW": "990101"])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(ok.out.contains("(toss): 5 new"))
        try Data("990101\n".utf8).write(to: d.appendingPathComponent("pw.txt"))
        let again = try hoebi(["import", file, "--password-file", "pw.txt"], in: d)
        #expect(again.out.contains("0 new, 5 already known"))
        let unset = try hoebi(["import", file, "--password-env", "NOT_SET_ANYWHERE"], in: d)
        #expect(unset.status == 64)
    }

    @Test func theSameStatementFromTwoBanksFormatsIsStoredOnce() throws {
        // KakaoBank's export and the 우리 CSV of the same transactions: the second adds nothing.
        let d = try demoFolder()
        let first = try hoebi(["import", fixtures.appendingPathComponent("kakaobank-canon.xlsx").path], in: d)
        #expect(first.out.contains("5 new"))
        let second = try hoebi(["import", fixtures.appendingPathComponent("woori-cp949.csv").path], in: d)
        #expect(second.status == 0 && second.out.contains("0 new, 5 already known"), "\(second.out)\(second.err)")
    }
}

enum BankSecrets { static let codefClientSecret = "sandbox-codef-secret" }

/// `hoebi sandbox` as its own process on a free port.
final class SandboxProcess {
    let process = Process()
    var port = 0

    init(_ extra: [String] = []) throws {
        process.executableURL = try binary()
        process.arguments = ["sandbox", "--port", "0"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // First line: "hoebi sandbox listening on http://127.0.0.1:PORT …"
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        if let r = text.range(of: "127.0.0.1:") {
            port = Int(text[r.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        if port == 0 { throw CLIError("sandbox did not start: \(text)") }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}

@Suite(.serialized) struct SyncCLITests {
    func config(_ d: URL, sync: String) throws {
        try Data(
            """
            {"database": "h.sqlite", "groups": [{"id": "club", "name": "산악회", "account": {"bank": "woori", "number": "1002123456789"},
              "dues": {"schedule": [{"from": "2023-01", "amount": 30000}]}, "members": [{"id": "m1", "name": "홍길동"}],
              "sync": \(sync)}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
    }

    @Test func wooriSyncFromTheSandboxProcess() throws {
        let sandbox = try SandboxProcess()
        let d = try tempDir()
        try Data("sandbox-woori-appkey".utf8).write(to: d.appendingPathComponent("woori.key"))
        try config(
            d, sync: #"{"source": "woori", "baseURL": "\#(sandbox.baseURL)", "appKeyFile": "woori.key", "account": "1002123456789", "start": "2023-01-01"}"#)
        let accounts = try hoebi(["accounts"], in: d)
        #expect(accounts.status == 0 && accounts.out.contains("1002123456789") && accounts.out.contains("우리 모임통장"))
        let first = try hoebi(["sync"], in: d)
        #expect(first.status == 0, "\(first.out)\(first.err)")
        #expect(first.out.contains("2090 new, 0 known") && first.out.contains("agrees with the bank"))
        let again = try hoebi(["sync", "--json"], in: d)
        let doc = try json(again.out)
        #expect(doc["new"] as? Int == 0 && doc["error"] == nil)
        #expect(try json(try hoebi(["report", "--format", "json", "--from", "2026-01", "--to", "2026-10"], in: d).out)["transactions"] as? Int == 2090)
    }

    @Test func kftcConnectThenSync() throws {
        let sandbox = try SandboxProcess()
        let d = try tempDir()
        try Data("sandbox-kftc-secret".utf8).write(to: d.appendingPathComponent("kftc.secret"))
        try config(
            d,
            sync:
                #"{"source": "kftc", "baseURL": "\#(sandbox.baseURL)", "clientId": "sandbox-kftc-client", "clientSecretFile": "kftc.secret", "clientUseCode": "M202600001", "fintechUseNum": "120260000100000000000001", "start": "2023-01-01"}"#
        )
        let before = try hoebi(["sync"], in: d)
        #expect(before.status == 1 && before.out.contains("hoebi connect kftc"))
        let connect = try hoebi(["connect", "kftc", "--open", "--port", "0"], in: d)
        #expect(connect.status == 0, "\(connect.out)\(connect.err)")
        #expect(connect.out.contains("/oauth/2.0/authorize?") && connect.out.contains("connected"))
        let sync = try hoebi(["sync"], in: d)
        #expect(sync.status == 0 && sync.out.contains("2090 new"), "\(sync.out)\(sync.err)")
    }

    @Test func aFailingAccountGivesExitCodeOneAndSaysWhy() throws {
        let sandbox = try SandboxProcess(["--fault", "5xx:1000+2"])
        let d = try tempDir()
        try Data("sandbox-woori-appkey".utf8).write(to: d.appendingPathComponent("woori.key"))
        try config(
            d, sync: #"{"source": "woori", "baseURL": "\#(sandbox.baseURL)", "appKeyFile": "woori.key", "account": "1002123456789", "start": "2023-01-01"}"#)
        let r = try hoebi(["sync"], in: d)
        #expect(r.status == 1)
        #expect(r.out.contains("FAILED") && r.out.contains("HTTP 503") && r.out.contains("resumes"))
        #expect(r.out.contains("http://127.0.0.1:\(sandbox.port) kept failing"), "\(r.out)")
        // Secrets in the configuration itself are refused, with the path.
        try config(d, sync: #"{"source": "woori", "baseURL": "\#(sandbox.baseURL)", "appKey": "sandbox-woori-appkey", "account": "1"}"#)
        let bad = try hoebi(["sync"], in: d)
        #expect(bad.status == 78 && bad.err.contains("groups[0].sync.appKey") && !bad.err.contains("sandbox-woori-appkey"))
    }

    @Test func parsePrintsJSONLines() throws {
        let file = root.appendingPathComponent("Tests/HoebiSourcesTests/Fixtures/woori/getAccTransList__spec_pdf_v1.0_2019.json").path
        let r = try hoebi(["parse", "--source", "woori", file], in: try tempDir())
        let lines = r.out.split(separator: "\n")
        #expect(r.status == 0 && lines.count == 2)
        #expect(try json(String(lines[1]))["text"] as? String == "김용태")
        let bad = try hoebi(
            [
                "parse", "--source", "kftc",
                root.appendingPathComponent("Tests/HoebiSourcesTests/Fixtures/kftc/error_O0002_invalid_token_transaction_list_UMMAYA.json").path
            ], in: try tempDir())
        #expect(bad.status == 65 && bad.err.contains("O0002"))
    }
}

@Suite(.serialized) struct MatcherCLITests {
    @Test func explainUnassignAliasesAndEvaluate() throws {
        let d = try demoFolder()
        try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        let explain = try hoebi(["explain", "t5"], in: d)
        #expect(explain.status == 0 && explain.out.contains("names: name '홍길동' of hong") && explain.out.contains("months named: 2026-02"))
        #expect(explain.out.contains("allocated: 30,000 won to hong for 2026-02"))
        #expect(try hoebi(["unassign", "t5", "--by", "총무"], in: d).status == 0)
        let aliases = try hoebi(["aliases", "--format", "json"], in: d)
        let rules = try JSONSerialization.jsonObject(with: Data(aliases.out.utf8)) as! [[String: String]]
        #expect(rules.contains { $0["text"] == "홍길동2월회비" && $0["rule"] == "!review" && $0["createdBy"] == "총무" })
        #expect(try hoebi(["review"], in: d).out.contains("un-assigned"))
        // Removing the rule leaves this deposit's own decision in force; `clear` withdraws that.
        #expect(try hoebi(["aliases", "--remove", "홍길동2월회비"], in: d).status == 0)
        #expect(try hoebi(["review"], in: d).out.contains("홍길동2월회비"))
        #expect(try hoebi(["clear", "t5"], in: d).status == 0)
        #expect(!(try hoebi(["review"], in: d).out.contains("홍길동2월회비")))
        let eval = try json(try hoebi(["evaluate", "--runs", "1", "--members", "40", "--months", "12", "--json"], in: d).out)
        #expect((eval["precision"] as? Double ?? 0) >= 0.999 && (eval["automaticShare"] as? Double ?? 0) >= 0.95)
    }
}

/// Dues cycles as a treasurer meets them: a quarterly club with one member paying yearly.
@Suite struct CycleCLITests {
    @Test func quarterlyGroupWithAYearlyMember() throws {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "독서모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"cycle": "quarterly", "dueDay": 5, "schedule": [{"from": "2026-Q1", "amount": 60000}]},
              "members": [{"id": "hong", "name": "홍길동"}, {"id": "kim", "name": "김솔", "cycle": "yearly"},
                          {"id": "lee", "name": "이서연", "joined": "2026-02-20"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,amount,text
            2026-01-03 10:00,60000,홍길동 1분기
            2026-01-04 10:00,240000,김솔 26년 연회비
            2026-04-02 10:00,60000,이서연
            2026-04-03 10:00,60000,홍길동 2/4분기
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        let imported = try hoebi(["import", "s.csv"], in: d)
        #expect(imported.status == 0, "\(imported.out)\(imported.err)")
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2026-Q1", "--to", "2026-Q2"], in: d).out)
        #expect(doc["periods"] as? [String] == ["2026-Q1", "2026-Q2"] && doc["cycle"] as? String == "quarterly")
        let members = try #require(doc["members"] as? [[String: Any]])
        func cell(_ i: Int, _ p: String) -> [String: Any] { (members[i]["periods"] as? [String: [String: Any]])?[p] ?? [:] }
        #expect(cell(0, "2026-Q1")["status"] as? String == "paid" && cell(0, "2026-Q2")["status"] as? String == "paid")
        // The yearly member: the whole year in its first column, paid in both.
        #expect(members[1]["cycle"] as? String == "yearly")
        #expect(cell(1, "2026-Q1")["due"] as? Int == 240000 && cell(1, "2026-Q2")["due"] as? Int == 0)
        #expect(cell(1, "2026-Q2")["status"] as? String == "paid" && cell(1, "2026-Q2")["span"] as? String == "2026")
        // Joined in February: a member from the second quarter.
        #expect(cell(2, "2026-Q1")["status"] as? String == "inactive" && cell(2, "2026-Q2")["status"] as? String == "paid")
        let table = try hoebi(["report", "--from", "2026-Q1", "--to", "2026-Q2"], in: d)
        #expect(table.out.contains("26.Q1") && table.out.contains("김솔 (연납)"), "\(table.out)")
        let notice = try hoebi(["notice", "--period", "2026-Q3"], in: d)
        #expect(notice.status == 0 && notice.out.contains("2026년 3분기 회비 안내") && notice.out.contains("7월 5일"), "\(notice.out)")
        // A month given for a quarterly group means the quarter holding it.
        #expect(try hoebi(["notice", "--period", "2026-08"], in: d).out.contains("2026년 3분기"))
    }
}

/// A copied or linked binary works anywhere; the demo never writes into someone's folder (issue 11, points 6 and 7).
@Suite struct BinaryAndDemoTests {
    @Test func aCopiedOrLinkedBinaryRunsAnywhere() throws {
        let d = try tempDir()
        let copy = d.appendingPathComponent("bin/hoebi"), link = d.appendingPathComponent("link/hoebi")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The copy is made by `cp`, not in this process: a file this process holds open for writing
        // is inherited by any child another test spawns meanwhile, and running it then fails with
        // "Text file busy" (ETXTBSY), which is what CI met once.
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = [try binary().path, copy.path]
        try cp.run()
        cp.waitUntilExit()
        #expect(cp.terminationStatus == 0)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: copy)
        for (i, exe) in [copy, link].enumerated() {
            let work = d.appendingPathComponent("work\(i)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let r = try hoebi(["demo", "--from-statement", "--dir", "books"], in: work, env: ["HOEBI_BIN": exe.path])
            #expect(r.status == 0 && r.out.contains("allocated"), "\(exe.path): \(r.err)")
            let version = try hoebi(["--version"], in: work, env: ["HOEBI_BIN": exe.path])
            let latest =
                try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("migrations").path).filter { $0.hasSuffix(".sql") }.sorted()
                .last ?? ""
            #expect(version.out.hasPrefix("hoebi ") && version.out.contains("schema \(latest.dropLast(4))"), "\(version.out)")
        }
    }

    @Test func theDemoRefusesAFolderItDidNotMake() throws {
        let d = try tempDir()
        let real = Data(#"{"groups": []}"#.utf8)
        try real.write(to: d.appendingPathComponent("hoebi.json"))
        let r = try hoebi(["demo", "--from-statement", "--dir", "."], in: d)
        #expect(r.status == 64 && r.err.contains("was not made by `hoebi demo`") && r.err.contains("hoebi.json"), "\(r.err)")
        #expect(try Data(contentsOf: d.appendingPathComponent("hoebi.json")) == real)
        #expect(!FileManager.default.fileExists(atPath: d.appendingPathComponent("hoebi.sqlite").path))
        // Its own folder, again: allowed (a re-run adds nothing).
        #expect(try hoebi(["demo", "--from-statement", "--dir", "own"], in: d).status == 0)
        let again = try hoebi(["demo", "--from-statement", "--dir", "own"], in: d)
        #expect(again.status == 0 && again.out.contains("0 new"), "\(again.out)\(again.err)")
    }
}

/// Decisions say what they change; a rule is learned only when it is safe; `clear` takes the rule
/// back; an old "not dues" rule on a new member's name is a conflict (issue 11, point 1).
@Suite struct DecisionCLITests {
    func folder(extra: String = "") throws -> URL {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"schedule": [{"from": "2026-01", "amount": 30000}]},
              "members": [{"id": "jiwoo1", "name": "이지우"}, {"id": "jiwoo2", "name": "이지우"},
                          {"id": "minji", "name": "박민지"}, {"id": "lee", "name": "이서연"}\(extra)]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,amount,text
            2026-01-05 10:00,30000,이서연
            2026-01-06 10:00,30000,이지우
            2026-01-07 10:00,30000,이지우
            2026-02-05 10:00,30000,이서연
            2026-02-06 10:00,30000,박민지
            2026-03-05 10:00,30000,이서연
            2026-03-07 10:00,30000,이슬기
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        #expect(try hoebi(["import", "s.csv"], in: d).status == 0)
        return d
    }

    @Test func decisionsSayWhatTheyChange() throws {
        let d = try folder()
        let dry = try hoebi(["assign", "t2", "jiwoo1", "--dry-run"], in: d)
        #expect(dry.status == 0 && dry.out.contains("dry run") && dry.out.contains("review → jiwoo1 2026-01"), "\(dry.out)\(dry.err)")
        #expect(dry.out.contains("none learned for '이지우': it fits several members (jiwoo1, jiwoo2)"))
        #expect(try hoebi(["review"], in: d).out.contains("t2 "))
        // Same name: only this deposit; the other 이지우 stays in review.
        let same = try hoebi(["assign", "t2", "jiwoo1"], in: d)
        #expect(same.out.contains("no other deposit changes"), "\(same.out)")
        let review = try hoebi(["review"], in: d).out
        #expect(!review.contains("t2 ") && review.contains("t3 "))
        // A mistyped id: the text reads as 이서연's, so nothing else is moved by a rule, and the
        // shift of her later payments is shown.
        let typo = try hoebi(["assign", "t1", "minji"], in: d)
        #expect(typo.out.contains("reads as member lee's name") && typo.out.contains("3 other deposit(s) change"), "\(typo.out)")
        #expect(typo.out.contains("lee 2026-02 → lee 2026-01") && typo.out.contains("lee 2026-03 → lee 2026-02"))
        let clear = try hoebi(["clear", "t1"], in: d)
        #expect(clear.out.contains("minji 2026-01 → lee 2026-01"), "\(clear.out)")
        // By name; a stranger's text is learned, and `clear` takes the rule back.
        let byName = try hoebi(["assign", "t7", "박민지"], in: d)
        #expect(byName.out.contains("rule: deposits with the text '이슬기' are 박민지 (minji)"), "\(byName.out)\(byName.err)")
        let back = try hoebi(["clear", "t7"], in: d)
        #expect(back.out.contains("removed the rule '이슬기' → minji"), "\(back.out)")
        #expect(try hoebi(["review"], in: d).out.contains("이슬기"))
        #expect(try hoebi(["clear", "t7"], in: d).err.contains("no decision to withdraw"))
        // Ignoring a member's deposit never teaches Hoebi to swallow their dues.
        let ignore = try hoebi(["ignore", "t5", "--reason", "회식비"], in: d)
        #expect(ignore.out.contains("none learned for '박민지'"), "\(ignore.out)")
        let ambiguous = try hoebi(["assign", "t3", "이지우"], in: d)
        #expect(ambiguous.status == 64 && ambiguous.err.contains("jiwoo1 (이지우), jiwoo2 (이지우)"))
    }

    @Test func anOldIgnoreRuleOnANewMembersNameIsAConflict() throws {
        let d = try folder()
        #expect(try hoebi(["ignore", "t7", "--reason", "잘못 들어온 돈"], in: d).out.contains("are not dues from now on"))
        // 이슬기 joins; the rule would swallow her dues.
        try Data(
            String(decoding: try Data(contentsOf: d.appendingPathComponent("hoebi.json")), as: UTF8.self)
                .replacingOccurrences(of: "\"이서연\"}", with: "\"이서연\"}, {\"id\": \"seul\", \"name\": \"이슬기\"}").utf8
        )
        .write(to: d.appendingPathComponent("hoebi.json"))
        let match = try hoebi(["match"], in: d)
        #expect(match.err.contains("contradicts the configuration") && match.err.contains("이슬기"), "\(match.err)")
        // t7 keeps its own decision; a new deposit with the text goes to review as a conflict.
        try Data("datetime,amount,text\n2026-04-07 10:00,30000,이슬기\n".utf8).write(to: d.appendingPathComponent("s2.csv"))
        #expect(try hoebi(["import", "s2.csv"], in: d).status == 0)
        #expect(try hoebi(["review"], in: d).out.contains("conflict"))
    }
}

/// `runs`, `undo` and `revert` (issue 11, point 2).
@Suite struct UndoCLITests {
    @Test func undoTheLastDecisionAndRevertAnImport() throws {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"schedule": [{"from": "2026-01", "amount": 30000}]},
              "members": [{"id": "hong", "name": "홍길동"}, {"id": "lee", "name": "이서연"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data("datetime,amount,text\n2026-01-05 10:00,30000,홍길동\n2026-01-06 10:00,30000,모르는사람\n".utf8).write(to: d.appendingPathComponent("a.csv"))
        try Data("datetime,amount,text\n2026-01-06 10:00,30000,모르는사람\n2026-02-05 10:00,30000,이서연\n".utf8).write(to: d.appendingPathComponent("b.csv"))
        #expect(try hoebi(["import", "a.csv"], in: d).status == 0)
        #expect(try hoebi(["import", "b.csv"], in: d).out.contains("1 new, 1 already known"))
        #expect(try hoebi(["ignore", "t2", "--reason", "환불"], in: d).status == 0)
        #expect(try hoebi(["assign", "t2", "hong"], in: d).status == 0)
        // A dry run says what undo would change, the same list as the undo itself, and writes nothing.
        let dry = try hoebi(["undo", "--dry-run"], in: d)
        #expect(
            dry.out.contains("undoing d2 on t2 (assign hong) would") && dry.out.contains("put the rule on '모르는사람' back to !ignore")
                && dry.out.contains("hong 2026-02 → not dues") && dry.out.contains("dry run"), "\(dry.out)")
        #expect(try hoebi(["undo", "--dry-run"], in: d).out == dry.out)
        // Undo takes back the assignment: the ignore before it is in force again, with its rule.
        let undo = try hoebi(["undo"], in: d)
        #expect(undo.out.contains("took back d2 on t2 (assign hong)") && undo.out.contains("rule on '모르는사람': back to !ignore"), "\(undo.out)")
        #expect(undo.out.contains("hong 2026-02 → not dues"))
        // A decision that left no rule puts no rule back.
        #expect(try hoebi(["assign", "t3", "hong"], in: d).out.contains("reads as member lee's name"))
        let plain = try hoebi(["undo"], in: d)
        #expect(plain.out.contains("took back d4 on t3") && !plain.out.contains("rule on"), "\(plain.out)")
        let runs = try json("{\"r\": " + (try hoebi(["runs", "--format", "json"], in: d).out) + "}")["r"] as? [[String: String]] ?? []
        #expect(runs.contains { $0["id"] == "d2" && $0["status"]?.hasPrefix("undone") == true })
        let first = try #require(runs.first { $0["kind"] == "import" && $0["what"]?.contains("a.csv") == true }?["id"])
        // Reverting the first import removes 홍길동's row; the stranger's row stays (b.csv brought it too).
        let preview = try hoebi(["revert", first, "--dry-run"], in: d)
        #expect(
            preview.out.contains("would remove 1 row(s) and keep 1") && preview.out.contains("hong 2026-01 → removed")
                && preview.out.contains("dry run"), "\(preview.out)\(preview.err)")
        let revert = try hoebi(["revert", first], in: d)
        #expect(revert.out.contains("1 row(s) removed, 1 kept") && revert.out.contains("hong 2026-01 → removed"), "\(revert.out)\(revert.err)")
        let again = try hoebi(["revert", first], in: d)
        #expect(again.status != 0 && again.err.contains("already reverted"))
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2026-01", "--to", "2026-02"], in: d).out)
        #expect(doc["transactions"] as? Int == 2)
        #expect(try hoebi(["runs"], in: d).out.contains("reverted"))
    }
}

/// `history` and `transactions` (issue 11, point 3).
@Suite struct FindCLITests {
    @Test func aMembersHistoryAndALedgerSearch() throws {
        let d = try demoFolder()
        #expect(try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d).status == 0)
        let history = try hoebi(["history", "홍길동"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(
            history.status == 0 && history.out.contains("홍길동 (hong) 납부 내역") && history.out.contains("2026-02") && history.out.contains("합계"),
            "\(history.out)\(history.err)")
        let doc = try json(try hoebi(["history", "hong", "--format", "json"], in: d).out)
        let deposits = try #require(doc["deposits"] as? [[String: Any]])
        #expect(!deposits.isEmpty && deposits.allSatisfy { ($0["paid"] as? [[String: Any]])?.isEmpty == false })
        // Every deposit the history lists is one `transactions --member` finds, and only those.
        let found = try hoebi(["transactions", "--member", "hong", "--format", "json"], in: d).out
        let rows = try JSONSerialization.jsonObject(with: Data(found.utf8)) as? [[String: Any]] ?? []
        #expect(rows.map { $0["id"] as? String } == deposits.map { $0["id"] as? String })
        let march = try hoebi(["transactions", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"], in: d).out
        let marchRows = try JSONSerialization.jsonObject(with: Data(march.utf8)) as? [[String: Any]] ?? []
        #expect(!marchRows.isEmpty && marchRows.allSatisfy { ($0["date"] as? String)?.hasPrefix("2026-03") == true })
        let text = try hoebi(["transactions", "--text", "이자"], in: d)
        #expect(text.out.contains("not dues"), "\(text.out)")
        #expect(try hoebi(["transactions", "--text", "이자"], in: d, env: ["HOEBI_LANG": "ko"]).out.contains("회비 아님"))
        #expect(try hoebi(["history", "nobody"], in: d).status == 64)
        #expect(try hoebi(["transactions", "--from", "2026-3-1"], in: d).err.contains("YYYY-MM-DD"))
    }
}

/// `init`, `member …` and strict configuration from the command line (issue 11, point 4).
@Suite struct ConfigCLITests {
    @Test func initAndMemberCommands() throws {
        let d = try tempDir()
        let missing = try hoebi(["init", "--name", "산악회"], in: d)
        #expect(missing.status == 64 && missing.err.contains("is needed"), "\(missing.err)")
        let made = try hoebi(
            [
                "init", "--name", "북한산 산악회", "--bank", "kakaobank", "--account", "3333-01-1234567", "--amount", "30000",
                "--member", "홍길동", "--member", "김솔", "--from", "2026-01"
            ], in: d)
        #expect(made.status == 0, "\(made.err)")
        #expect(try hoebi(["init", "--name", "x", "--bank", "y", "--account", "1", "--amount", "1"], in: d).err.contains("never overwritten"))
        #expect(try hoebi(["member", "add", "이지우", "--joined", "2026-03-17"], in: d).out.contains("added 이지우 (m3)"))
        #expect(try hoebi(["member", "add", "이지우"], in: d).out.contains("m3 has the same name"))
        #expect(try hoebi(["member", "edit", "m3", "--display", "큰 지우"], in: d).status == 0)
        #expect(try hoebi(["member", "leave", "김솔", "--last", "2026-09"], in: d).status == 0)
        let before = try Data(contentsOf: d.appendingPathComponent("hoebi.json"))
        // A change that would make the configuration invalid writes nothing.
        let bad = try hoebi(["member", "edit", "m1", "--amount=-5"], in: d)
        #expect(bad.status == 78 && bad.err.contains("members[0].amount"), "\(bad.err)")
        #expect(try Data(contentsOf: d.appendingPathComponent("hoebi.json")) == before)
        let list = try JSONSerialization.jsonObject(with: Data(try hoebi(["member", "list", "--format", "json"], in: d).out.utf8)) as? [[String: Any]] ?? []
        #expect(list.map { $0["shownAs"] as? String } == ["홍길동", "김솔", "큰 지우", "이지우"])
        #expect(list[1]["left"] as? String == "2026-09" && list[2]["joined"] as? String == "2026-03")
        #expect(FileManager.default.fileExists(atPath: d.appendingPathComponent("hoebi.json.bak").path))
        // The written file is one Hoebi reads.
        #expect(try hoebi(["report", "--format", "json"], in: d).status == 0)
    }

    @Test func aMisspeltKeyOrATrailingCommaIsRefused() throws {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "1"},
              "dues": {"schedule": [{"from": "2026-01", "amount": 30000}]},
              "members": [{"id": "a", "name": "홍길동", "ammount": 10000}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        let typo = try hoebi(["report"], in: d)
        #expect(
            typo.status == 78 && typo.err.contains("groups[0].members[0].ammount: unknown key") && typo.err.contains("did you mean 'amount'?"), "\(typo.err)")
        try Data("{\"groups\": [\n  {\"id\": \"g\"},\n]}".utf8).write(to: d.appendingPathComponent("hoebi.json"))
        let comma = try hoebi(["report"], in: d)
        #expect(comma.status == 78 && comma.err.contains("line 3, column 1") && comma.err.contains("comma"), "\(comma.err)")
    }
}

/// Notices and reminders from the command line (issue 12, point 5).
@Suite struct NoticeCLITests {
    @Test func maskUnpaidOnlyRemindAndTemplateErrors() throws {
        let d = try demoFolder()
        #expect(try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d).status == 0)
        let masked = try hoebi(["notice", "--period", "2026-10", "--mask"], in: d).out
        #expect(masked.contains("남**수") && masked.contains("3333-01-1234567") && masked.contains("입출금까지 반영"), "\(masked)")
        #expect(try hoebi(["notice", "--period", "2026-10", "--mask", "--mask-account"], in: d).out.contains("3333-**-***4567"))
        let unpaid = try hoebi(["notice", "--period", "2026-10", "--unpaid-only"], in: d).out
        #expect(unpaid.contains("❌") && !unpaid.contains("✅"))
        let remind = try hoebi(["remind", "최유나", "--period", "2026-10"], in: d)
        #expect(remind.status == 0 && remind.out.contains("최유나님") && remind.out.contains("2026년 10월 35,000원"), "\(remind.out)\(remind.err)")
        try Data("{{% CONTENT_TYPE: TEXT}}\n{{groupNme}}".utf8).write(to: d.appendingPathComponent("t.mustache"))
        let bad = try hoebi(["notice", "--template", "t.mustache"], in: d)
        #expect(bad.status == 65 && bad.err.contains("t.mustache, line 2") && bad.err.contains("did you mean 'groupName'?"), "\(bad.err)")
        let narrow = try hoebi(["report", "--from", "2026-01", "--to", "2026-12"], in: d, env: ["COLUMNS": "80"]).out
        #expect(narrow.contains("--wide") && !narrow.contains("26.01 "))
        #expect(try hoebi(["report", "--from", "2026-01", "--to", "2026-12", "--wide"], in: d, env: ["COLUMNS": "80"]).out.contains("26.01"))
        let book = try hoebi(["report", "--format", "xlsx", "--output", "r.xlsx", "--from", "2026-01", "--to", "2026-10"], in: d)
        #expect(book.status == 0 && book.out.contains("wrote r.xlsx"), "\(book.err)")
        #expect(try Data(contentsOf: d.appendingPathComponent("r.xlsx")).prefix(2) == Data("PK".utf8))
        let html = try hoebi(["report", "--format", "html", "--mask", "--output", "r.html"], in: d)
        let page = try String(contentsOf: d.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.status == 0 && page.contains("<!doctype html>") && !page.contains("남궁민수"))
    }
}

/// Korean by default, English when the locale or HOEBI_LANG says so (issue 12, point 1 — first part).
@Suite struct LanguageCLITests {
    @Test func errorsAndSummariesInBothLanguages() throws {
        let d = try tempDir()
        let unset = ["HOEBI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]
        let ko = try hoebi(["report"], in: d, env: unset)
        #expect(ko.status == 66 && ko.err.contains("설정 파일이 없습니다") && ko.err.contains("hoebi init"), "\(ko.err)")
        let en = try hoebi(["report"], in: d, env: unset.merging(["LANG": "en_US.UTF-8"]) { $1 })
        #expect(en.err.contains("no configuration at"))
        let demo = try demoFolder()
        let imported = try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: demo, env: unset.merging(["LANG": "ko_KR.UTF-8"]) { $1 })
        #expect(imported.out.contains("새 거래 51건") && imported.out.contains("회비로 배정"), "\(imported.out)")
        #expect(try hoebi(["explain", "t99999"], in: demo, env: unset).err.contains("거래가 없습니다"))
        #expect(try hoebi(["explain", "t99999"], in: demo, env: ["HOEBI_LANG": "en"]).err.contains("no transaction 't99999'"))

        // Review reasons and explain are stored once and read in either language; JSON stays English.
        let koReview = try hoebi(["review"], in: demo, env: ["HOEBI_LANG": "ko"]).out
        let enReview = try hoebi(["review"], in: demo, env: ["HOEBI_LANG": "en"]).out
        #expect(koReview.contains("확인이 필요한 입금") && enReview.contains("to review"), "\(koReview)\n\(enReview)")
        #expect(!koReview.contains("unknown depositor") && !koReview.contains("\u{1E}"), "\(koReview)")
        let koJSON = try hoebi(["review", "--format", "json"], in: demo, env: ["HOEBI_LANG": "ko"]).out
        #expect(koJSON == (try hoebi(["review", "--format", "json"], in: demo, env: ["HOEBI_LANG": "en"]).out))
        let first = try #require((try JSONSerialization.jsonObject(with: Data(koJSON.utf8)) as? [[String: Any]])?.first)
        let id = try #require(first["id"] as? String)
        let koExplain = try hoebi(["explain", id], in: demo, env: ["HOEBI_LANG": "ko"]).out
        #expect(koExplain.contains("입금자명:") && koExplain.contains("결과: 확인 필요"), "\(koExplain)")
        #expect(try hoebi(["explain", id], in: demo, env: ["HOEBI_LANG": "en"]).out.contains("decided: review"))

        // A bad row in either language names the file, row and column.
        try "date,amount,text\n2026-03-01 10:00,30000,홍길동\n2026-03-02 10:00,3만원,김철수\n".write(
            to: demo.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let koBad = try hoebi(["import", "bad.csv"], in: demo, env: ["HOEBI_LANG": "ko"])
        #expect(koBad.status == 65 && koBad.err.contains("3행") && koBad.err.contains("원 단위 금액이 아닙니다") && koBad.err.contains("도움말"), "\(koBad.err)")
        let enBad = try hoebi(["import", "bad.csv"], in: demo, env: ["HOEBI_LANG": "en"])
        #expect(enBad.status == 65 && enBad.err.contains("row 3") && enBad.err.contains("not an amount"), "\(enBad.err)")

        // "language" in the configuration beats the locale; HOEBI_LANG beats both.
        let config = demo.appendingPathComponent("hoebi.json")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "{", with: "{\n  \"language\": \"en\",", options: [], range: text.range(of: "{"))
        try text.write(to: config, atomically: true, encoding: .utf8)
        let configured = try hoebi(["review"], in: demo, env: unset.merging(["LANG": "ko_KR.UTF-8"]) { $1 })
        #expect(configured.out.contains("to review"), "\(configured.out + configured.err)")
        #expect(try hoebi(["review"], in: demo, env: ["HOEBI_LANG": "ko"]).out.contains("확인이 필요한 입금"))
        try text.replacingOccurrences(of: "\"en\"", with: "\"fr\"").write(to: config, atomically: true, encoding: .utf8)
        let bad = try hoebi(["review"], in: demo, env: ["HOEBI_LANG": "ko"])
        #expect(bad.status == 78 && bad.err.contains("language"), "\(bad.err)")
    }
}

/// Every command's help exists in Korean and English (issue 12, point 1 — abstracts so far).
@Suite struct HelpLanguageTests {
    @Test func everyCommandsHelpInBothLanguages() throws {
        let d = try tempDir()
        let commands = [
            [], ["import"], ["match"], ["review"], ["assign"], ["ignore"], ["unassign"], ["clear"], ["undo"], ["runs"], ["revert"],
            ["history"], ["transactions"], ["aliases"], ["explain"], ["init"], ["member"], ["member", "list"], ["member", "add"],
            ["member", "edit"], ["member", "leave"], ["member", "exempt"], ["member", "pause"], ["group"], ["group", "show"],
            ["group", "edit"], ["dues"], ["dues", "show"], ["dues", "set"], ["dues", "remove"], ["dues", "cycle"], ["household"],
            ["household", "add"], ["household", "remove"], ["collect"], ["split"], ["closing"], ["remind"], ["report"], ["notice"], ["sync"], ["connect"],
            ["accounts"],
            ["sandbox"], ["formats"], ["parse"], ["evaluate"], ["demo"], ["bench"], ["serve"], ["user"], ["user", "add"],
            ["user", "passwd"], ["user", "remove"], ["user", "list"], ["token"], ["token", "create"], ["token", "revoke"],
            ["token", "list"], ["backup"], ["user", "role"], ["event"], ["event", "add"], ["event", "edit"], ["event", "close"], ["event", "list"],
            ["event", "show"], ["event", "pay"], ["event", "settle"], ["category"], ["category", "list"], ["category", "set"], ["category", "rule"],
            ["category", "undo"], ["receipt"], ["receipt", "add"], ["receipt", "list"], ["receipt", "get"], ["receipt", "remove"], ["export"],
            ["import-bundle"]
        ]
        func overview(_ text: String) -> String {
            text.split(separator: "\n").first { $0.hasPrefix("OVERVIEW:") }.map(String.init) ?? ""
        }
        func hangul(_ s: Substring) -> Bool { s.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        for c in commands {
            // HOEBI_CHECK_MESSAGES reports any option help or discussion with no Korean.
            let koRun = try hoebi(c + ["--help"], in: d, env: ["HOEBI_LANG": "ko", "HOEBI_CHECK_MESSAGES": "1"])
            let enRun = try hoebi(c + ["--help"], in: d, env: ["HOEBI_LANG": "en"])
            let ko = overview(koRun.out), en = overview(enRun.out)
            #expect(!ko.isEmpty && !en.isEmpty && ko != en, "\(c): \(ko) | \(en)")
            #expect(hangul(Substring(ko)), "\(c): \(ko)")
            #expect(!koRun.err.contains("no Korean"), "\(c): \(koRun.err)")
            // Every option of ours (not argument-parser's own --help/--version) explains itself in
            // Korean; a long option name puts its help on the next line.
            var entries: [String] = []
            for line in koRun.out.split(separator: "\n").map(String.init) {
                if line.hasPrefix("  -") { entries.append(line) } else if line.hasPrefix("      "), !entries.isEmpty { entries[entries.count - 1] += line }
            }
            for entry in entries where !entry.contains("--help") && !entry.contains("--version") {
                #expect(hangul(Substring(entry)), "\(c): \(entry)")
            }
        }
    }
}
