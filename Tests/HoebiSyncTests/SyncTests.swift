import Foundation
import GRDB
import Testing

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiSandbox
@testable import HoebiSources
@testable import HoebiStore
@testable import HoebiWiring

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A sandbox on a free loopback port and a workspace syncing from it through `source`.
struct Rig {
    let sandbox: RunningSandbox
    let workspace: Workspace
    let group: Group
    let engine: SyncEngine
    let source: String

    static func make(_ source: String, seed: UInt64 = 1, timeout: Int64 = 3) async throws -> Rig {
        let running = try await BankSandbox(seed: seed).start()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = try running.sandbox.writeConfig(
            to: dir, source: source, baseURL: running.baseURL,
            migrations: root.appendingPathComponent("migrations").path)
        let ws = try await Workspace.open(config: config.path)
        let transport = HTTPTransport(timeout: .seconds(timeout), attempts: 4, backoff: .milliseconds(20))
        let rig = Rig(
            sandbox: running, workspace: ws, group: try ws.config.group(nil),
            engine: SyncEngine(store: ws.store, transport: transport, baseFolder: dir), source: source)
        if source == "kftc" { try await rig.consent() }
        return rig
    }

    /// The consent a person gives in the browser: the sandbox approves at once and redirects.
    func consent() async throws {
        try await KFTCTokens.consentWithoutAPerson(
            baseURL: sandbox.baseURL, clientID: BankSandbox.Credentials.kftcClientID,
            clientSecret: BankSandbox.Credentials.kftcClientSecret, transport: engine.transport,
            credentials: workspace.store)
        await #expect(try workspace.store.credential("kftc:access:" + sandbox.baseURL) != nil)
    }

    var expected: Int { sandbox.sandbox.history.rows.count }

    func stored() throws -> Int {
        try #require(workspace.store as? Store).db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM transactions") ?? -1 }
    }

    /// What each API carries of a row, per its vendor's documents: Koscom's securities account
    /// history has a date, a signed amount and a type only; Woori's kind is its own code ("0068").
    var fields: (time: Bool, balance: Bool, text: Bool, kind: Bool) {
        switch source {
        case "koscom": return (false, false, false, false)
        case "woori": return (true, true, true, false)
        default: return (true, true, true, true)
        }
    }

    /// One row as a line: the time (to the second, or the day), the signed amount, then what the
    /// source carries. A source that dropped the time, swapped text and memo or misread the
    /// balance differs here. (The API codecs store the text in NFKC, not NFC — compatibility jamo
    /// such as 'ㅇ' become conjoining ones — so texts are compared in NFKC; see the closing note of
    /// issue 20.)
    func line(time: String, signed: Int64, balance: Int64?, text: String, kind: String) -> String {
        let f = fields
        var s = (f.time ? time : String(time.prefix(10))) + " \(signed)"
        if f.balance { s += " \(balance.map(String.init) ?? "-")" }
        if f.text { s += " " + Normalise.compatible(text) }
        if f.kind { s += " [\(kind)]" }
        return s
    }

    func storedLines() throws -> [String] {
        try #require(workspace.store as? Store).db.read { db in
            try Row.fetchAll(db, sql: "SELECT occurred_at, direction, amount, balance, text, kind FROM transactions").map { r in
                let dir: String = r[1], amount: Int64 = r[2]
                return line(time: r[0], signed: dir == "in" ? amount : -amount, balance: r[3], text: r[4], kind: r[5])
            }.sorted()
        }
    }

    var sandboxLines: [String] {
        sandbox.sandbox.history.rows.map { line(time: $0.time.iso8601, signed: $0.signed, balance: $0.balance, text: $0.text, kind: $0.kind) }.sorted()
    }

    /// The first line where the stored history and the sandbox's differ, for the failure message.
    func difference() -> String {
        guard let a = try? storedLines() else { return "the stored rows cannot be read" }
        let b = sandboxLines
        guard let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) else { return "\(a.count) stored, \(b.count) in the sandbox" }
        return "stored \(a[i]) | sandbox \(b[i])"
    }

    func stop() async {
        sandbox.stop()
        await engine.transport.shutdown()
    }
}

@Suite(.serialized) struct SyncTests {
    @Test(arguments: BankAPI.all.map(\.name))
    func everySourceBringsTheWholeHistoryOnce(source: String) async throws {
        let rig = try await Rig.make(source)
        let first = await rig.engine.sync(rig.group)
        #expect(first.error == nil, "\(String(describing: first.error))")
        #expect(first.new == rig.expected)
        #expect(try rig.storedLines() == rig.sandboxLines, "\(rig.difference())")
        let again = await rig.engine.sync(rig.group)
        #expect(again.error == nil && again.new == 0)
        // An overlapping sync over the whole history adds nothing either.
        let overlap = await rig.engine.sync(rig.group, since: "2023-01-01")
        #expect(overlap.error == nil && overlap.new == 0 && overlap.known == rig.expected)
        #expect(try rig.stored() == rig.expected)
        await #expect(try rig.workspace.store.coveredUntil(account: rig.group.account.key, source: source) != nil)
        if source == "woori" || source == "kftc" {
            // The bank's own balance call agrees with the ledger's last row.
            #expect(first.bankBalance == rig.sandbox.sandbox.history.rows.last?.balance)
            #expect(first.bankBalance == first.ledgerBalance && !first.balanceMismatch)
        }
        await rig.stop()
    }

    @Test(arguments: ["woori", "codef", "kftc"])
    func accountDiscovery(source: String) async throws {
        let rig = try await Rig.make(source)
        let accounts = try await Sources.make(rig.engine.settings(rig.group.sync!), transport: rig.engine.transport, credentials: rig.workspace.store)
            .accounts()
        let wanted = source == "kftc" ? BankSandbox.Credentials.kftcFintechUseNum : BankSandbox.Credentials.wooriAccount
        #expect(accounts.contains { $0.id == wanted }, "\(accounts)")
        await rig.stop()
    }

    @Test func depositsAreMatchedAfterASync() async throws {
        let rig = try await Rig.make("codef")
        let r = await rig.engine.sync(rig.group)
        let m = try #require(r.match)
        #expect(m.allocated > m.deposits * 8 / 10)  // most depositor texts carry a member's name
        #expect(m.other > 0)  // interest and 뒷풀이 money
        await rig.stop()
    }

    @Test(arguments: ["kftc", "codef", "woori"])
    func transientFailuresAreRetried(source: String) async throws {
        let rig = try await Rig.make(source)
        await rig.sandbox.arm(Fault(kind: .serverError, count: 2))
        await rig.sandbox.arm(Fault(kind: .rateLimit, count: 1))
        let r = await rig.engine.sync(rig.group)
        #expect(await rig.sandbox.armedFaults() == 0)
        #expect(r.error == nil, "\(String(describing: r.error))")
        #expect(try rig.stored() == rig.expected)
        await rig.stop()
    }

    @Test func slowResponsesTimeOutAndAreRetried() async throws {
        let rig = try await Rig.make("woori", timeout: 1)
        // The slow answer comes after 6 s: only the 1 s timeout and a retry finish the sync sooner.
        await rig.sandbox.arm(Fault(kind: .slow, count: 1, milliseconds: 6000))
        let r = await rig.engine.sync(rig.group)
        #expect(await rig.sandbox.armedFaults() == 0)
        #expect(r.error == nil)
        #expect(r.seconds >= 1 && r.seconds < 5, "the sync took \(r.seconds) s: no timeout cut the slow answer short")
        #expect(try rig.stored() == rig.expected)
        await rig.stop()
    }

    @Test(arguments: ["codef", "kftc", "woori"])
    func expiredTokensAreRenewedOnce(source: String) async throws {
        let rig = try await Rig.make(source)
        await rig.sandbox.arm(Fault(kind: .expired, count: 1, after: 1))
        let r = await rig.engine.sync(rig.group)
        #expect(await rig.sandbox.armedFaults() == 0)
        #expect(r.error == nil, "\(String(describing: r.error))")
        #expect(try rig.stored() == rig.expected)
        await rig.stop()
    }

    /// The request side of the KFTC contract, held against the vendor's document (api-kftc.md §2),
    /// not against what the sandbox happens to accept: every parameter transaction_list requires, in
    /// its format; a bank_tran_id that starts with the client use code + "U" and never repeats; the
    /// cursor absent on a range's first page and carried on every later one.
    @Test func kftcRequestsFollowTheVendorDocument() async throws {
        let rig = try await Rig.make("kftc")
        let r = await rig.engine.sync(rig.group)
        #expect(r.error == nil, "\(String(describing: r.error))")
        let lists = await rig.sandbox.requests().filter { $0.hasPrefix("GET /v2.0/account/transaction_list/fin_num?") }
        #expect(lists.count > 10, "\(lists.count) transaction_list requests")
        var ids = Set<String>()
        var previousRange = ""
        for line in lists {
            let query = URLComponents(string: String(line.dropFirst(4)))?.queryItems ?? []
            var q: [String: String] = [:]
            for item in query { q[item.name] = item.value ?? "" }
            func matches(_ name: String, _ pattern: String) -> Bool { q[name].map { $0.wholeMatch(of: try! Regex(pattern)) != nil } ?? false }
            #expect(matches("bank_tran_id", "M202600001U[0-9A-Z]{9}"), "\(line)")
            #expect(ids.insert(q["bank_tran_id"] ?? "").inserted, "bank_tran_id repeated: \(line)")
            #expect(matches("fintech_use_num", "[0-9]{24}") || !(q["fintech_use_num"] ?? "").isEmpty, "\(line)")
            #expect(["A", "I", "O"].contains(q["inquiry_type"] ?? "") && ["D", "T"].contains(q["inquiry_base"] ?? ""), "\(line)")
            #expect(matches("from_date", "20[0-9]{6}") && matches("to_date", "20[0-9]{6}") && (q["from_date"] ?? "") <= (q["to_date"] ?? ""), "\(line)")
            #expect(["D", "A"].contains(q["sort_order"] ?? "") && matches("tran_dtime", "20[0-9]{12}"), "\(line)")
            // From time only with inquiry_base T.
            #expect(q["inquiry_base"] == "T" || (q["from_time"] == nil && q["to_time"] == nil), "\(line)")
            let range = (q["from_date"] ?? "") + (q["to_date"] ?? "")
            if range != previousRange {
                #expect(q["befor_inquiry_trace_info"] == nil, "a range's first page carries a cursor: \(line)")
            } else {
                #expect(!(q["befor_inquiry_trace_info"] ?? "").isEmpty, "a later page without the cursor: \(line)")
            }
            previousRange = range
        }
        await rig.stop()
    }

    /// A logged POST's parameters: "POST /path {json}" (CODEF's body URL-encoded, as its
    /// document has clients send it; Woori's plain JSON).
    static func posted(_ lines: [String], _ path: String) -> [[String: Any]] {
        lines.filter { $0.hasPrefix("POST \(path) ") }.compactMap { line in
            let body = String(line.dropFirst("POST \(path) ".count))
            let json = body.hasPrefix("{") ? body : (body.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "")
            return try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        }
    }

    /// The request side of CODEF's transaction-list (api-codef-woori-koscom.md §1.3, §1.6): the body
    /// URL-encoded JSON, every required parameter as a string in its format, the account PIN
    /// encrypted (never the PIN itself), and each later call starting after the range before it.
    @Test func codefRequestsFollowTheVendorDocument() async throws {
        let rig = try await Rig.make("codef")
        let r = await rig.engine.sync(rig.group)
        #expect(r.error == nil, "\(String(describing: r.error))")
        let lines = await rig.sandbox.requests()
        let raw = lines.filter { $0.hasPrefix("POST /v1/kr/bank/p/account/transaction-list ") }
        #expect(!raw.isEmpty && raw.allSatisfy { !$0.dropFirst("POST /v1/kr/bank/p/account/transaction-list ".count).hasPrefix("{") }, "not URL-encoded")
        let calls = Self.posted(lines, "/v1/kr/bank/p/account/transaction-list")
        #expect(calls.count == raw.count && !calls.isEmpty)
        var lastStart = ""
        for q in calls {
            func text(_ k: String) -> String? { q[k] as? String }
            func matches(_ k: String, _ pattern: String) -> Bool { text(k).map { $0.wholeMatch(of: try! Regex(pattern)) != nil } ?? false }
            #expect(!(text("connectedId") ?? "").isEmpty && matches("organization", "[0-9]{4}") && matches("account", "[0-9]+"), "\(q)")
            #expect(matches("startDate", "20[0-9]{6}") && matches("endDate", "20[0-9]{6}") && (text("startDate") ?? "") <= (text("endDate") ?? ""), "\(q)")
            #expect(["0", "1"].contains(text("orderBy") ?? "") && text("inquiryType") != nil, "\(q)")
            // RSA-encrypted PIN: base64 of a 2048-bit block, never the digits themselves.
            #expect((text("accountPassword") ?? "").count > 100, "the account PIN is not encrypted: \(q)")
            #expect((text("startDate") ?? "") > lastStart, "a call starts where an earlier one did: \(q)")
            lastStart = text("startDate") ?? ""
        }
        await rig.stop()
    }

    /// The request side of Woori's getAccTransList (§2.2, §2.3): the dataHeader's eight fields as
    /// strings, the account and the range in dataBody as YYYYMMDD, ranges that meet without gap or
    /// overlap and cover the sync from its first day to its last.
    @Test func wooriRequestsFollowTheVendorDocument() async throws {
        let rig = try await Rig.make("woori")
        let r = await rig.engine.sync(rig.group)
        #expect(r.error == nil, "\(String(describing: r.error))")
        let calls = Self.posted(await rig.sandbox.requests(), "/oai/wb/v1/finance/getAccTransList")
        #expect(calls.count > 10, "\(calls.count) getAccTransList calls")
        let header = [
            "UTZPE_CNCT_IPAD", "UTZPE_CNCT_MCHR_UNQ_ID", "UTZPE_CNCT_TEL_NO_TXT", "UTZPE_CNCT_MCHR_IDF_SRNO", "UTZ_MCHR_OS_DSCD",
            "UTZ_MCHR_OS_VER_NM", "UTZ_MCHR_MDL_NM", "UTZ_MCHR_APP_VER_NM"
        ]
        var ranges: [(String, String)] = []
        for q in calls {
            let h = q["dataHeader"] as? [String: Any] ?? [:]
            #expect(header.allSatisfy { h[$0] is String }, "\(h)")
            let b = q["dataBody"] as? [String: Any] ?? [:]
            let (start, end) = (b["INQ_STA_DT"] as? String ?? "", b["INQ_END_DT"] as? String ?? "")
            #expect((b["INQ_ACNO"] as? String)?.wholeMatch(of: /[0-9]{1,15}/) != nil, "\(b)")
            #expect(start.wholeMatch(of: /20[0-9]{6}/) != nil && end.wholeMatch(of: /20[0-9]{6}/) != nil && start <= end, "\(b)")
            ranges.append((start, end))
        }
        ranges.sort { $0.0 < $1.0 }
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            #expect(Days.after(a.1) == b.0, "a gap or an overlap between \(a) and \(b)")
        }
        await rig.stop()
    }

    @Test func kftcExpiredTokenRefreshesThroughTheRefreshToken() async throws {
        let rig = try await Rig.make("kftc")
        await rig.sandbox.setTokenLifetime(0)  // tokens issued from now on are born expired…
        try await rig.consent()
        await rig.sandbox.setTokenLifetime(7_775_999)  // …and the refreshed one is good
        let r = await rig.engine.sync(rig.group)
        #expect(r.error == nil, "\(String(describing: r.error))")
        #expect(try rig.stored() == rig.expected)
        await rig.stop()
    }

    @Test(arguments: ["kftc", "koscom"])
    func aPagerThatNeverEndsIsStopped(source: String) async throws {
        let rig = try await Rig.make(source)
        await rig.sandbox.arm(Fault(kind: .endless, count: 1000))
        let r = await rig.engine.sync(rig.group)
        #expect(r.pages < 200)  // stopped at the repeated page, not looping
        #expect(try rig.stored() <= rig.expected)
        await rig.sandbox.disarm()
        let again = await rig.engine.sync(rig.group, since: "2023-01-01")
        #expect(again.error == nil)
        #expect(try rig.storedLines() == rig.sandboxLines, "\(rig.difference())")
        await rig.stop()
    }

    /// A pager that sends a page again under a new cursor must not double its rows: before, the
    /// run-wide occurrence counter numbered the repeats as genuine identical rows (KFTC +25, Koscom +50).
    @Test(arguments: ["kftc", "koscom"])
    func aRepeatedPageIsNotStoredTwice(source: String) async throws {
        let rig = try await Rig.make(source)
        // Three separate repeats (pages 3, 7 and 11): each fault counts its `after` once the one before is used.
        for after in [2, 3, 3] { await rig.sandbox.arm(Fault(kind: .repeatPage, count: 1, after: after)) }
        let r = await rig.engine.sync(rig.group)
        #expect(r.error == nil, "\(String(describing: r.error))")
        #expect(await rig.sandbox.armedFaults() == 0)
        // (Koscom's short monthly chunks: a fault that meets a chunk's first page has no page to repeat.)
        #expect(source == "kftc" ? r.repeatedPages == 3 : r.repeatedPages >= 1)
        #expect(r.new == rig.expected)
        #expect(try rig.storedLines() == rig.sandboxLines, "\(rig.difference())")
        await rig.stop()
    }

    @Test func malformedBodiesFailTheAccountAndLoseNothing() async throws {
        let rig = try await Rig.make("woori")
        await rig.sandbox.arm(Fault(kind: .malformed, count: 1, after: 3))
        let r = await rig.engine.sync(rig.group)
        #expect(r.error?.kind == .malformed)
        let kept = try rig.stored()
        #expect(kept > 0 && kept < rig.expected)
        let again = await rig.engine.sync(rig.group)
        #expect(again.error == nil)
        #expect(try rig.storedLines() == rig.sandboxLines, "\(rig.difference())")
        await rig.stop()
    }

    /// A sync that dies at page N and is run again ends with exactly the sandbox's rows.
    @Test(arguments: [("kftc", 1), ("kftc", 7), ("kftc", 40), ("codef", 2), ("woori", 11), ("koscom", 3)])
    func interruptedAtAnyPageResumes(source: String, page: Int) async throws {
        let rig = try await Rig.make(source)
        await rig.sandbox.arm(Fault(kind: .serverError, count: 1000, after: page))
        let broken = await rig.engine.sync(rig.group)
        #expect(broken.error?.isTransient == true)
        #expect(try rig.stored() < rig.expected)
        await rig.sandbox.disarm()
        let resumed = await rig.engine.sync(rig.group)
        #expect(resumed.error == nil)
        #expect(try rig.storedLines() == rig.sandboxLines, "\(rig.difference())")
        await rig.stop()
    }

    @Test func wrongSecretsAreReportedWithoutTheSecret() async throws {
        let rig = try await Rig.make("codef")
        let dir = rig.workspace.configURL.deletingLastPathComponent()
        try Data("not-the-secret-xyz".utf8).write(to: dir.appendingPathComponent("secrets/codef-client-secret"))
        let r = await rig.engine.sync(rig.group)
        #expect(r.error?.kind == .auth)
        #expect(!(r.error?.description.contains("not-the-secret-xyz") ?? true))
        await rig.stop()
    }

    @Test func oneSyncAtATime() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString).sqlite").path
        var held: SyncLock? = try SyncLock(database: path)
        let refused = try #require(throws: StoreError.self) { try SyncLock(database: path) }
        guard case .syncRunning(let holder) = refused else {
            Issue.record("\(refused)")
            return
        }
        #expect(holder == "\(getpid())")
        withExtendedLifetime(held) {}
        // Released with its value: the next sync takes it.
        held = nil
        #expect(throws: Never.self) { _ = try SyncLock(database: path) }
    }
}
