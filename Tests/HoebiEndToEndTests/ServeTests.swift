import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `hoebi serve` over loopback, driven as people and scripts use it (issue 13).
@Suite(.serialized) struct ServeTests {
    /// A running service on a demo ledger with one treasurer and one API token.
    final class Running: @unchecked Sendable {
        let dir: URL, process: Process, port: Int, token: String
        init(folder: URL? = nil, env: [String: String] = [:], log: URL? = nil) throws {
            if let folder {
                dir = folder
            } else {
                dir = try demoFolder()
                #expect(try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: dir).status == 0)
            }
            try "correct horse battery\n".write(to: dir.appendingPathComponent("pw"), atomically: true, encoding: .utf8)
            let add = try hoebi(["user", "add", "총무", "--password-file", "pw"], in: dir)
            #expect(add.status == 0, "\(add.err)")
            let made = try hoebi(["token", "create", "총무", "--label", "tests"], in: dir)
            token = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
            // The pages speak Korean unless a test asks otherwise (the tests' own default is English).
            process = try hoebiProcess(["serve", "--port", "0"], in: dir, env: ["HOEBI_LANG": "ko"].merging(env) { _, given in given })
            var logFile: FileHandle?
            if let log {
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                logFile = try FileHandle(forWritingTo: log)
            }
            port = try startAndReadPort(process, until: "Ctrl-C", stderr: logFile)
        }
        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
        var base: String { "http://127.0.0.1:\(port)" }
    }

    /// Starts a process that prints "…http://127.0.0.1:PORT…" and returns the port.
    static func startAndReadPort(_ process: Process, until marker: String, stderr: FileHandle? = nil) throws -> Int {
        let out = Pipe()
        process.standardOutput = out
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains(marker) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let r = seen.range(of: "127.0.0.1:") else { throw CLIError("no address in: \(seen)") }
        return Int(seen[r.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) { completionHandler(nil) }
    }
    /// Cookies only as each test sends them.
    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.httpShouldSetCookies = false
        c.httpCookieAcceptPolicy = .never
        return URLSession(configuration: c, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// A cookie's `name=value` among a response's Set-Cookie headers.
    static func cookie(_ name: String, in a: Answer) -> String? {
        let all = a.headers["Set-Cookie"] as? String ?? ""
        return all.range(of: name + #"=[A-Za-z0-9_-]*"#, options: .regularExpression).map { String(all[$0]) }
    }

    /// Posts the sign-in form as a browser does: its page first, for the form token and its cookie.
    func signIn(_ s: Running, _ fields: String) async throws -> Answer {
        let page = try await call("GET", s.base + "/login")
        let csrf =
            page.body.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
            .map { String(page.body[$0].dropFirst(19).dropLast()) } ?? ""
        return try await call("POST", s.base + "/login", cookie: Self.cookie("hoebi_login", in: page), body: fields + "&csrf=" + csrf)
    }

    struct Answer {
        var status: Int
        var body: String
        var headers: [AnyHashable: Any]
    }

    func call(
        _ method: String, _ url: String, token: String? = nil, cookie: String? = nil, body: String? = nil,
        type: String = "application/x-www-form-urlencoded"
    ) async throws -> Answer {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        if let token { r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let cookie { r.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let body {
            r.httpBody = Data(body.utf8)
            r.setValue(type, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: r)
        let http = response as! HTTPURLResponse
        return Answer(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: http.allHeaderFields)
    }

    /// `HOEBI_LANG=en` gives an English dashboard: the pages' words come from the catalogue.
    @Test func theDashboardSpeaksEnglishWhenAsked() async throws {
        let s = try Running(env: ["HOEBI_LANG": "en"])
        let login = try await call("GET", s.base + "/login")
        #expect(login.body.contains("<html lang=\"en\">") && login.body.contains("Hoebi · treasurer sign-in"), "\(login.body.prefix(400))")
        #expect(!login.body.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "no Hangul on the English sign-in page")
    }

    /// Every route, walked without signing in: 303 to the sign-in page for pages, 401 for the API
    /// and writes; open only the sign-in page, /healthz, the script and a members' link.
    @Test func everyRouteDeniesByDefault() async throws {
        let s = try Running()
        let pages = [
            "/", "/g/hiking", "/g/hiking/grid", "/g/hiking/review", "/g/hiking/notice", "/g/hiking/members/m1", "/g/hiking/runs",
            "/g/hiking/share", "/g/hiking/upload", "/metrics"
        ]
        for p in pages {
            let a = try await call("GET", s.base + p)
            #expect(a.status == 303 && (a.headers["Location"] as? String ?? "").hasPrefix("/login"), "GET \(p): \(a.status)")
        }
        let writes = [
            "/logout", "/g/hiking/review/t5/preview", "/g/hiking/review/t5/apply", "/g/hiking/undo/preview", "/g/hiking/undo",
            "/g/hiking/runs/r1/revert", "/g/hiking/runs/r1/revert/preview", "/g/hiking/share", "/g/hiking/upload", "/g/hiking/sync"
        ]
        for p in writes {
            let a = try await call("POST", s.base + p, body: "action=ignore")
            #expect(a.status == 401, "POST \(p): \(a.status)")
        }
        for p in [
            "/api/v1/openapi.json", "/api/v1/groups", "/api/v1/groups/hiking/report", "/api/v1/groups/hiking/review",
            "/api/v1/groups/hiking/transactions", "/api/v1/groups/hiking/runs"
        ] {
            #expect(try await call("GET", s.base + p).status == 401, "GET \(p)")
        }
        for p in ["/api/v1/groups/hiking/decisions", "/api/v1/groups/hiking/imports", "/api/v1/groups/hiking/sync"] {
            #expect(try await call("POST", s.base + p, body: "{}", type: "application/json").status == 401, "POST \(p)")
        }
        // A wrong or revoked token is no token.
        #expect(try await call("GET", s.base + "/api/v1/groups", token: "not-a-token").status == 401)
        #expect(try await call("GET", s.base + "/api/v1/groups", token: s.token).status == 200)
        let tokens = try JSONSerialization.jsonObject(with: Data(try hoebi(["token", "list", "--format", "json"], in: s.dir).out.utf8)) as? [[String: Any]]
        let mine = try #require(tokens?.first { $0["label"] as? String == "tests" })
        #expect(mine["revoked"] as? Bool == false && mine["treasurer"] as? String == "총무" && mine["id"] != nil)
        #expect(try hoebi(["token", "revoke", "\(mine["id"] ?? "")"], in: s.dir).status == 0)
        #expect(try await call("GET", s.base + "/api/v1/groups", token: s.token).status == 401)
        #expect(try hoebi(["user", "list", "--format", "json"], in: s.dir).out.contains(#""name" : "총무""#))
        // The open ones.
        #expect(try await call("GET", s.base + "/healthz").status == 200)
        #expect(try await call("GET", s.base + "/login").status == 200)
        #expect(try await call("GET", s.base + "/static/app.js").status == 200)
        #expect(try await call("GET", s.base + "/m/not-a-share-link").status == 404)
    }

    /// A depositor text and a member's name are whatever people typed: every page escapes them.
    @Test func hostileTextsAreEscapedOnEveryPage() async throws {
        let d = try demoFolder()
        #expect(try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d).status == 0)
        let added = try hoebi(["member", "add", "<img src=x onerror=alert(1)>&\"q\"", "--id", "evil", "--joined", "2026-01"], in: d)
        #expect(added.status == 0, "\(added.err)")
        try Data("datetime,amount,text\n2026-11-20 10:00,30000,<script>alert(1)</script>&\"x\"\n".utf8).write(to: d.appendingPathComponent("evil.csv"))
        #expect(try hoebi(["import", "evil.csv"], in: d).status == 0)
        let s = try Running(folder: d)
        let signedIn = try await signIn(s, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery")
        let cookie = try #require(Self.cookie("hoebi_session", in: signedIn))
        let review = try await call("GET", s.base + "/g/hiking/review", cookie: cookie)
        #expect(review.status == 200 && review.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;"), "\(review.body)")
        let grid = try await call("GET", s.base + "/g/hiking/grid", cookie: cookie)
        #expect(grid.status == 200 && grid.body.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&quot;"), "\(grid.body)")
        let csrf = try #require(
            review.body.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
                .map { String(review.body[$0].dropFirst(19).dropLast()) })
        #expect(try await call("POST", s.base + "/g/hiking/share", cookie: cookie, body: "csrf=\(csrf)").status == 303)
        let share = try await call("GET", s.base + "/g/hiking/share", cookie: cookie)
        let link = try #require(share.body.range(of: #"/m/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(share.body[$0]) })
        var pages = [review, grid, share, try await call("GET", s.base + link)]
        for p in ["/g/hiking", "/g/hiking/notice", "/g/hiking/members/evil", "/g/hiking/runs"] {
            pages.append(try await call("GET", s.base + p, cookie: cookie))
        }
        for page in pages {
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert") && !page.body.contains("<img src=x"), "\(page.body)")
        }
    }

    /// The API answers with the command line's own JSON documents.
    @Test func theAPISaysWhatTheCommandLineSays() async throws {
        let s = try Running()
        let report = try await call("GET", s.base + "/api/v1/groups/hiking/report?from=2026-01&to=2026-11", token: s.token)
        let cli = try hoebi(["report", "--from", "2026-01", "--to", "2026-11", "--format", "json"], in: s.dir)
        #expect(report.status == 200)
        let a = try JSONSerialization.jsonObject(with: Data(report.body.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(cli.out.utf8)) as? NSDictionary
        #expect(a != nil && a == b, "the API's report differs from `hoebi report --format json`")
        let review = try await call("GET", s.base + "/api/v1/groups/hiking/review", token: s.token)
        let cliReview = try hoebi(["review", "--format", "json"], in: s.dir)
        let items = try JSONSerialization.jsonObject(with: Data(review.body.utf8)) as? NSArray
        let cliItems = try JSONSerialization.jsonObject(with: Data(cliReview.out.utf8)) as? NSArray
        #expect(items != nil && items == cliItems)
        let first = try #require((items?.firstObject as? [String: Any])?["id"] as? String)
        // A dry run changes nothing; the decision then does, and the review shrinks by one.
        let dry = try await call(
            "POST", s.base + "/api/v1/groups/hiking/decisions", token: s.token,
            body: #"{"transaction": "\#(first)", "action": "ignore", "reason": "test", "dryRun": true}"#, type: "application/json")
        #expect(dry.status == 200 && dry.body.contains("\"dryRun\":true"), "\(dry.body)")
        #expect(try await call("GET", s.base + "/api/v1/groups/hiking/review", token: s.token).body == review.body)
        let done = try await call(
            "POST", s.base + "/api/v1/groups/hiking/decisions", token: s.token,
            body: #"{"transaction": "\#(first)", "action": "ignore", "reason": "test"}"#, type: "application/json")
        #expect(done.status == 200 && done.body.contains("\"dryRun\":false"), "\(done.body)")
        let after =
            try JSONSerialization.jsonObject(with: Data(try await call("GET", s.base + "/api/v1/groups/hiking/review", token: s.token).body.utf8)) as? NSArray
        #expect(after?.count == (items?.count ?? 0) - 1)
        #expect(try hoebi(["runs", "--format", "json"], in: s.dir).out.contains("not dues (test)"))
        // Bad input is a 4xx with a reason, never a 5xx.
        #expect(try await call("GET", s.base + "/api/v1/groups/hiking/report?from=March", token: s.token).status == 400)
        #expect(try await call("GET", s.base + "/api/v1/groups/nope/review", token: s.token).status == 404)
        #expect(try await call("POST", s.base + "/api/v1/groups/hiking/decisions", token: s.token, body: "[", type: "application/json").status == 400)
        #expect(
            try await call(
                "POST", s.base + "/api/v1/groups/hiking/decisions", token: s.token,
                body: #"{"transaction": "t999999", "action": "ignore"}"#, type: "application/json"
            ).status == 422)
        let junk = try await call("POST", s.base + "/api/v1/groups/hiking/imports", token: s.token, body: "not a statement", type: "application/octet-stream")
        #expect(junk.status == 422 && junk.body.contains("error"), "\(junk.body)")
        // Uploads stop at 16 MB: 413, and nothing is imported.
        let runsBefore = try hoebi(["runs", "--format", "json"], in: s.dir).out
        let huge = try await call(
            "POST", s.base + "/api/v1/groups/hiking/imports", token: s.token,
            body: String(repeating: "x", count: 17 << 20), type: "application/octet-stream")
        #expect(huge.status == 413, "\(huge.status) \(huge.body.prefix(200))")
        #expect(try hoebi(["runs", "--format", "json"], in: s.dir).out == runsBefore)
        // An upload is named as the user named it, never by its private temporary path.
        var upload = URLRequest(url: URL(string: s.base + "/api/v1/groups/hiking/imports")!)
        upload.httpMethod = "POST"
        upload.setValue("Bearer \(s.token)", forHTTPHeaderField: "Authorization")
        upload.setValue("%EC%B9%B4%EC%B9%B4%EC%98%A4.xlsx", forHTTPHeaderField: "X-File-Name")
        upload.httpBody = try Data(contentsOf: s.dir.appendingPathComponent("카카오뱅크_거래내역.xlsx"))
        let (sent, _) = try await Self.session.data(for: upload)
        let answer = String(decoding: sent, as: UTF8.self)
        #expect(answer.contains(#""file":"카카오.xlsx""#) && answer.contains(#""new":0"#) && !answer.contains("hoebi-upload"), "\(answer)")
        #expect(!(try hoebi(["runs", "--format", "json"], in: s.dir).out.contains("hoebi-upload")))
        // The compiled-in OpenAPI document is the repository's.
        let doc = try await call("GET", s.base + "/api/v1/openapi.json", token: s.token)
        let file = try String(contentsOf: root.appendingPathComponent("api/openapi.json"), encoding: .utf8)
        #expect(doc.body == file.trimmingCharacters(in: .newlines), "the build embeds api/openapi.json (Plugins/EmbedFiles)")
    }

    /// Signing in: a session cookie (HttpOnly, SameSite=Strict), CSRF on every form, a rate limit.
    @Test func signInSessionsCSRFAndTheRateLimit() async throws {
        let s = try Running()
        // The sign-in form itself needs its token: a post from elsewhere is refused.
        #expect(try await call("POST", s.base + "/login", body: "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery").status == 403)
        let signedIn = try await signIn(s, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery&next=%2Fg%2Fhiking")
        #expect(signedIn.status == 303 && signedIn.headers["Location"] as? String == "/g/hiking")
        let setCookie = signedIn.headers["Set-Cookie"] as? String ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), "\(setCookie)")
        let cookie = try #require(Self.cookie("hoebi_session", in: signedIn))
        let review = try await call("GET", s.base + "/g/hiking/review", cookie: cookie)
        #expect(review.status == 200 && review.body.contains("확인이 필요한 입금"))
        let csrf = try #require(
            review.body.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
                .map { String(review.body[$0].dropFirst(19).dropLast()) })
        // The upload form works without its script too (multipart/form-data), CSRF field and all.
        func multipart(_ fields: [(String, String)]) throws -> Data {
            var body = Data()
            for (k, v) in fields { body += Data("--XyZ\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8) }
            body += Data(
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"카카오;거래내역.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += try Data(contentsOf: s.dir.appendingPathComponent("카카오뱅크_거래내역.xlsx"))
            body += Data("\r\n--XyZ--\r\n".utf8)
            return body
        }
        for (fields, expected) in [([("password", "")], 403), ([("csrf", csrf), ("password", "")], 200)] {
            var form = URLRequest(url: URL(string: s.base + "/g/hiking/upload")!)
            form.httpMethod = "POST"
            form.setValue(cookie, forHTTPHeaderField: "Cookie")
            form.setValue("multipart/form-data; boundary=XyZ", forHTTPHeaderField: "Content-Type")
            form.httpBody = try multipart(fields)
            let (data, response) = try await Self.session.data(for: form)
            let page = String(decoding: data, as: UTF8.self)
            #expect((response as? HTTPURLResponse)?.statusCode == expected, "\(page.prefix(300))")
            if expected == 200 { #expect(page.contains("카카오;거래내역.xlsx (kakaobank)") && page.contains("51"), "\(page)") }
        }
        // A decision from the review queue, then undo's preview: what it takes back and what changes.
        let form = try #require(review.body.range(of: #"/g/hiking/review/t[0-9]+/preview"#, options: .regularExpression).map { String(review.body[$0]) })
        let apply = form.replacingOccurrences(of: "/preview", with: "/apply")
        #expect(try await call("POST", s.base + apply, cookie: cookie, body: "csrf=\(csrf)&action=ignore&reason=test&only=1").status == 303)
        let undo = try await call("POST", s.base + "/g/hiking/undo/preview", cookie: cookie, body: "csrf=\(csrf)")
        #expect(
            undo.status == 200 && undo.body.contains("결정을 되돌립니다") && undo.body.contains("회비 아님 →")
                && undo.body.contains("action=\"/g/hiking/undo\""), "\(undo.body)")
        #expect(try await call("POST", s.base + "/g/hiking/undo", cookie: cookie, body: "csrf=\(csrf)").status == 303)
        let none = try await call("POST", s.base + "/g/hiking/undo/preview", cookie: cookie, body: "csrf=\(csrf)")
        #expect(none.body.contains("되돌릴 결정이 없습니다") && !none.body.contains("이대로 적용"))
        #expect(try await call("POST", s.base + "/g/hiking/share", cookie: cookie, body: "x=1").status == 403)
        #expect(try await call("POST", s.base + "/g/hiking/share", cookie: cookie, body: "csrf=wrong").status == 403)
        #expect(try await call("POST", s.base + "/g/hiking/share", cookie: cookie, body: "csrf=\(csrf)").status == 303)
        // The members' page: names masked, no deposit texts, noindex.
        let share = try await call("GET", s.base + "/g/hiking/share", cookie: cookie)
        let link = try #require(share.body.range(of: #"/m/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(share.body[$0]) })
        let members = try await call("GET", s.base + link)
        #expect(members.status == 200 && members.body.contains("noindex") && members.body.contains("완납"))
        // The grid's names are masked; the account holder's name stays, as members need it to pay.
        #expect(!members.body.contains(">홍길동<") && members.body.contains("홍*동"), "names must be masked")
        // No deposit texts: every distinctive text in this ledger (month memos, a misspelt name,
        // a parent paying, event money) is absent from the members' page.
        let texts =
            try JSONSerialization.jsonObject(with: Data(try hoebi(["transactions", "--limit", "1000", "--format", "json"], in: s.dir).out.utf8))
            as? [[String: Any]] ?? []
        let distinctive = Set(texts.compactMap { $0["text"] as? String }.filter { $0.contains("월") || ["남궁민주", "송채원엄마", "뒷풀이 정산"].contains($0) })
        #expect(distinctive.count >= 10 && distinctive.contains("홍길동1월회비") && distinctive.contains("남궁민주"), "\(distinctive)")
        for text in distinctive { #expect(!members.body.contains(text), "the members' page shows the deposit text \(text)") }
        #expect(members.headers["Referrer-Policy"] as? String == "no-referrer")
        // Rotating the link closes the old one.
        #expect(try await call("POST", s.base + "/g/hiking/share", cookie: cookie, body: "csrf=\(csrf)").status == 303)
        #expect(try await call("GET", s.base + link).status == 404)
        // Signing out ends the session on the server, not only in the browser.
        #expect(try await call("POST", s.base + "/logout", cookie: cookie, body: "csrf=\(csrf)").status == 303)
        #expect(try await call("GET", s.base + "/g/hiking", cookie: cookie).status == 303)
        // Five wrong passwords, then even the right one is refused for a while.
        for _ in 0..<5 { #expect(try await signIn(s, "name=x&password=wrong").status == 401) }
        #expect(try await signIn(s, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery").status == 429)
    }

    /// A group with `"every"` in its sync settings is synced by the service itself; a ledger never
    /// synced is caught up at start. The result shows in the runs and in /metrics.
    @Test func scheduledSyncRunsInsideTheService() async throws {
        let d = try tempDir()
        #expect(try hoebi(["demo", "--source", "woori", "--dir", "."], in: d).status == 0)
        for f in ["hoebi.sqlite", "hoebi.sqlite-wal", "hoebi.sqlite-shm"] { try? FileManager.default.removeItem(at: d.appendingPathComponent(f)) }
        let bank = try hoebiProcess(["sandbox", "--port", "0"], in: d)
        let bankPort = try Self.startAndReadPort(bank, until: "Ctrl-C stops")
        defer {
            bank.terminate()
            bank.waitUntilExit()
        }
        let configURL = d.appendingPathComponent("hoebi.json")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: #"127\.0\.0\.1:[0-9]+"#, with: "127.0.0.1:\(bankPort)", options: .regularExpression)
        config = config.replacingOccurrences(
            of: #""source" : "woori""#, with: #""source" : "woori", "every" : "1h", "notice" : "공지.txt", "noticeMask" : "true""#)
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let s = try Running(folder: d, env: ["HOEBI_SYNC_JITTER": "0"])
        var runs = ""
        for _ in 0..<120 where !runs.contains(#""kind":"sync""#) || runs.contains(#""status":"running""#) {
            try await Task.sleep(for: .milliseconds(500))
            runs = try await call("GET", s.base + "/api/v1/groups/club/runs", token: s.token).body
        }
        #expect(runs.contains(#""kind":"sync""#) && runs.contains(#""status":"ok""#), "\(runs)")
        // The run's row is written before the sync re-matches; the counter follows when it is done.
        var metrics = ""
        for _ in 0..<60 where !metrics.contains("hoebi_syncs_total") {
            metrics = try await call("GET", s.base + "/metrics", token: s.token).body
            if !metrics.contains("hoebi_syncs_total") { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(metrics.contains(#"hoebi_syncs_total{group="club",result="ok"} 1"#), "\(metrics)")
        #expect(metrics.contains("hoebi_review_size") && metrics.contains("http_server_request_duration"), "\(metrics)")
        let rows = try hoebi(["transactions", "--format", "json", "--limit", "5"], in: d).out
        #expect(rows.contains("\"id\""))
        // The notice was written after the sync, names masked, the same text as `hoebi notice --mask`.
        let written = try String(contentsOf: d.appendingPathComponent("공지.txt"), encoding: .utf8)
        #expect(written == (try hoebi(["notice", "--mask"], in: d).out) && written.contains("*"), "\(written)")
        let cli = try hoebi(["sync"], in: d, env: ["HOEBI_LANG": "en"])
        #expect(cli.status == 0 && cli.out.contains("notice written to") && cli.out.contains("공지.txt"), "\(cli.out)\(cli.err)")
    }

    /// An edited configuration reaches the running service (the CLI reads it each time; the two
    /// must agree); a broken edit keeps the last good one and says so on the dashboard.
    @Test func editingTheConfigurationReachesTheService() async throws {
        let s = try Running()
        let url = s.dir.appendingPathComponent("hoebi.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var groups = try #require(object["groups"] as? [[String: Any]])
        var members = try #require(groups[0]["members"] as? [[String: Any]])
        members.append(["id": "newbie", "name": "신입회원"])
        groups[0]["members"] = members
        object["groups"] = groups
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        var report = ""
        for _ in 0..<40 where !report.contains("신입회원") {
            try await Task.sleep(for: .milliseconds(250))
            report = try await call("GET", s.base + "/api/v1/groups/hiking/report?from=2026-01&to=2026-11", token: s.token).body
        }
        let cli = try hoebi(["report", "--from", "2026-01", "--to", "2026-11", "--format", "json"], in: s.dir)
        let a = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(cli.out.utf8)) as? NSDictionary
        #expect(report.contains("신입회원") && a == b, "the service's report differs from the command line's after an edit")
        // A broken edit: the service goes on with the last good configuration and says why.
        try Data("{\"groups\": [".utf8).write(to: url)
        try await Task.sleep(for: .milliseconds(1200))
        let signedIn = try await signIn(s, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery")
        let cookie = try #require(Self.cookie("hoebi_session", in: signedIn))
        let overview = try await call("GET", s.base + "/g/hiking", cookie: cookie)
        #expect(overview.status == 200 && overview.body.contains("이전 설정으로 계속합니다"), "\(overview.body.prefix(400))")
        #expect(try await call("GET", s.base + "/api/v1/groups/hiking/report?from=2026-01&to=2026-11", token: s.token).body.contains("신입회원"))
    }

    /// SIGTERM: the service stops at once and cleanly; `hoebi backup` copies a ledger in use.
    @Test func gracefulShutdownAndBackup() async throws {
        let log = try tempDir().appendingPathComponent("serve.log")
        let s = try Running(env: ["HOEBI_LOG_FORMAT": "json"], log: log)
        // Logs are JSON lines naming route patterns, never paths, tokens or members' names.
        #expect(try await call("GET", s.base + "/api/v1/groups/hiking/report", token: s.token).status == 200)
        #expect(try await call("GET", s.base + "/m/secret-share-token").status == 404)
        let copy = s.dir.appendingPathComponent("copy.sqlite")
        let backup = try hoebi(["backup", copy.path], in: s.dir)
        #expect(backup.status == 0, "\(backup.err)")
        #expect(try hoebi(["backup", copy.path], in: s.dir).status == 64, "an existing file is never overwritten")
        let started = Date()
        s.process.terminate()
        s.process.waitUntilExit()
        #expect(s.process.terminationStatus == 0 && Date().timeIntervalSince(started) < 10)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(!lines.isEmpty && objects.count == lines.count, "every log line is a JSON object: \(lines.prefix(3))")
        #expect(objects.allSatisfy { $0["time"] is String && $0["level"] is String && $0["message"] is String })
        #expect(objects.contains { $0["route"] as? String == "/api/v1/groups/{group}/report" && $0["status"] as? String == "200" }, "\(objects)")
        let text = lines.joined(separator: "\n")
        #expect(!text.contains(s.token) && !text.contains("secret-share-token") && !text.contains("홍길동"))
        // The copy is a whole ledger: the same transactions.
        try FileManager.default.copyItem(at: s.dir.appendingPathComponent("hoebi.json"), to: s.dir.appendingPathComponent("copy.json"))
        var config = try String(contentsOf: s.dir.appendingPathComponent("copy.json"), encoding: .utf8)
        config = config.replacingOccurrences(of: "\"hoebi.sqlite\"", with: "\"copy.sqlite\"")
        try config.write(to: s.dir.appendingPathComponent("copy.json"), atomically: true, encoding: .utf8)
        let a = try hoebi(["transactions", "--format", "json", "--limit", "10000"], in: s.dir).out
        let b = try hoebi(["transactions", "--format", "json", "--limit", "10000", "--config", "copy.json"], in: s.dir).out
        #expect(!a.isEmpty && a == b)
    }
}
