import Foundation
import HoebiTestSupport
import Testing

/// Several `hoebi serve` instances on one PostgreSQL database (issue 25): each account synced
/// once per scheduled slot, whichever instance wakes first; a killed instance's account taken
/// over when its lease runs out, nothing lost or doubled.
@Suite(.serialized) struct PostgresServeTests {
    /// The demo club synced from the Woori sandbox every hour, its ledger on a new cluster.
    final class Setup: @unchecked Sendable {
        let dir: URL, cluster: ThrowawayPostgres, bank: Process, env: [String: String]
        var instances: [Process] = []

        init(faults: [String] = []) throws {
            dir = try tempDir()
            #expect(try hoebi(["demo", "--source", "woori", "--dir", "."], in: dir).status == 0)
            for f in ["hoebi.sqlite", "hoebi.sqlite-wal", "hoebi.sqlite-shm"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent(f)) }
            bank = try hoebiProcess(["sandbox", "--port", "0"] + faults.flatMap { ["--fault", $0] }, in: dir)
            let bankPort = try ServeTests.startAndReadPort(bank, until: "Ctrl-C stops")
            let url = dir.appendingPathComponent("hoebi.json")
            var config = try String(contentsOf: url, encoding: .utf8)
            config = config.replacingOccurrences(of: #"127\.0\.0\.1:[0-9]+"#, with: "127.0.0.1:\(bankPort)", options: .regularExpression)
            config = config.replacingOccurrences(of: #""source" : "woori""#, with: #""source" : "woori", "every" : "1h""#)
            try config.write(to: url, atomically: true, encoding: .utf8)
            cluster = try ThrowawayPostgres()
            // A lease longer than the longest stall of its heartbeat: on a loaded 2-core machine the
            // re-match after a sync (a debug build) can hold both of the pool's threads for
            // seconds, and a lease that runs out meanwhile is (rightly) given to the other instance.
            env = ["HOEBI_DATABASE_URL": cluster.url("postgres"), "HOEBI_SYNC_JITTER": "0", "HOEBI_SYNC_LEASE": "20"]
        }

        /// Starts one more service instance on the same database; returns its address.
        @discardableResult func start() throws -> String {
            let p = try hoebiProcess(["serve", "--port", "0"], in: dir, env: env)
            let log = dir.appendingPathComponent("serve-\(instances.count).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let port = try ServeTests.startAndReadPort(p, until: "Ctrl-C", stderr: try FileHandle(forWritingTo: log))
            instances.append(p)
            return "http://127.0.0.1:\(port)"
        }

        func sql(_ query: String) throws -> String {
            try cluster.psql("postgres", ["-c", query]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits until `query` answers `expected` (or the time is up); returns the last answer.
        func wait(_ query: String, for expected: (String) -> Bool, seconds: Double) async throws -> String {
            var answer = ""
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                answer = try sql(query)
                if expected(answer) { return answer }
                try await Task.sleep(for: .milliseconds(200))
            }
            return answer
        }

        deinit {
            for p in instances + [bank] where p.isRunning {
                p.terminate()
                p.waitUntilExit()
            }
            cluster.stop()
        }
    }

    /// Two instances start together on a ledger never synced: the catch-up slot is synced once,
    /// by one of them; the other is told the slot is done and waits for the next.
    @Test func twoInstancesSyncEachAccountOncePerSlot() async throws {
        let s = try Setup()
        try s.start()
        try s.start()
        let ok = try await s.wait("SELECT count(*) FROM runs WHERE kind = 'sync' AND status = 'ok'", for: { $0 == "1" }, seconds: 150)
        #expect(ok == "1")
        // Long enough for the other instance to have asked again after the lease's time.
        try await Task.sleep(for: .seconds(22))
        #expect(try s.sql("SELECT count(*) FROM runs WHERE kind = 'sync'") == "1", "the slot was synced more than once")
        #expect(try s.sql("SELECT last_slot, holder IS NULL FROM sync_leases") == "first|t")
        // Both instances are alive and serve the same ledger.
        #expect(s.instances.allSatisfy { $0.isRunning })
        #expect(try s.sql("SELECT count(*) = count(DISTINCT identity) FROM transactions") == "t")
    }

    /// An instance killed mid-sync (the bank slow to answer): the other takes the account over
    /// when the lease runs out, closes the dead run as interrupted and syncs everything once.
    @Test func aKilledInstancesAccountIsTakenOver() async throws {
        let s = try Setup(faults: ["slow:20000"])
        try s.start()
        let running = try await s.wait("SELECT count(*) FROM runs WHERE kind = 'sync' AND status = 'running'", for: { $0 == "1" }, seconds: 30)
        #expect(running == "1")
        kill(s.instances[0].processIdentifier, SIGKILL)
        s.instances[0].waitUntilExit()
        try s.start()
        let statuses = try await s.wait(
            "SELECT string_agg(status, ',' ORDER BY id) FROM runs WHERE kind = 'sync'", for: { $0 == "interrupted,ok" }, seconds: 150)
        #expect(statuses == "interrupted,ok")
        #expect(try s.sql("SELECT count(*) = count(DISTINCT identity) FROM transactions") == "t")
        // Nothing was lost: a sync by hand now finds nothing new in the bank's history (once the
        // instance has finished its re-match and given the lease back).
        _ = try await s.wait("SELECT bool_and(holder IS NULL) FROM sync_leases", for: { $0 == "t" }, seconds: 60)
        let again = try hoebi(["sync", "--json"], in: s.dir, env: s.env)
        #expect(again.status == 0 && again.out.contains("\"new\":0"), "\(again.out)\(again.err)")
    }

    /// Sessions, CSRF and the sign-in limit live in the database: signed in on one instance is
    /// signed in on all, and guessing on one is counted on the other.
    @Test func aSignInAndItsLimitCountOnEveryInstance() async throws {
        let s = try Setup()
        try "correct horse battery\n".write(to: s.dir.appendingPathComponent("pw"), atomically: true, encoding: .utf8)
        #expect(try hoebi(["user", "add", "총무", "--password-file", "pw"], in: s.dir, env: s.env).status == 0)
        let a = try s.start(), b = try s.start()
        let t = ServeTests()
        func signIn(_ base: String, _ fields: String) async throws -> ServeTests.Answer {
            let page = try await t.call("GET", base + "/login")
            let csrf =
                page.body.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression).map { String(page.body[$0].dropFirst(19).dropLast()) } ?? ""
            return try await t.call("POST", base + "/login", cookie: ServeTests.cookie("hoebi_login", in: page), body: fields + "&csrf=" + csrf)
        }
        let signedIn = try await signIn(a, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery")
        let log = (try? String(contentsOf: s.dir.appendingPathComponent("serve-0.log"), encoding: .utf8)) ?? ""
        let cookie = try #require(ServeTests.cookie("hoebi_session", in: signedIn), "\(log.suffix(1500))")
        let onB = try await t.call("GET", b + "/g/club", cookie: cookie)
        #expect(onB.status == 200 && onB.body.contains("action=\"/logout\""), "\(onB.status)")
        // Five wrong passwords on one instance: the other refuses even the right one for a while.
        for _ in 0..<5 { #expect(try await signIn(a, "name=%EC%B4%9D%EB%AC%B4&password=wrong").status == 401) }
        #expect(try await signIn(b, "name=%EC%B4%9D%EB%AC%B4&password=correct+horse+battery").status == 429)
        #expect(try s.sql("SELECT count(*) > 0 AND bool_and(key !~ '총무') FROM sign_in_failures") == "t", "names are kept hashed")
    }

    /// Groups kept in the database are one configuration for every instance: a member added by
    /// the command line, and a club put in by `hoebi config import`, reach both running instances
    /// without a restart; a treasurer of one club is shown that club alone on either.
    @Test func storedGroupsReachEveryInstance() async throws {
        let s = try Setup()
        #expect(try hoebi(["config", "import", "--remove-from-file"], in: s.dir, env: s.env).status == 0)
        try "correct horse battery\n".write(to: s.dir.appendingPathComponent("pw"), atomically: true, encoding: .utf8)
        #expect(try hoebi(["user", "add", "운영자", "--password-file", "pw"], in: s.dir, env: s.env).status == 0)
        let token = try #require(
            try hoebi(["token", "create", "운영자"], in: s.dir, env: s.env).out.split(whereSeparator: \.isWhitespace).map(String.init).last)
        let a = try s.start(), b = try s.start()
        let t = ServeTests()
        func members(_ base: String) async throws -> String { try await t.call("GET", base + "/api/v1/groups/club/config", token: token).body }
        #expect(try await members(a).contains("\"kept\":\"ledger\""))
        #expect(try hoebi(["member", "add", "박하늘"], in: s.dir, env: s.env).status == 0)
        // Each instance looks at the stored groups twice a second.
        for base in [a, b] {
            var body = ""
            for _ in 0..<50 where !body.contains("박하늘") {
                try await Task.sleep(for: .milliseconds(200))
                body = try await members(base)
            }
            #expect(body.contains("박하늘"), "\(base) still has the old members: \(body.prefix(300))")
        }
        // A second club put in while both run: listed by both, and a treasurer of it sees it alone.
        var config = try json(String(decoding: try Data(contentsOf: s.dir.appendingPathComponent("hoebi.json.bak")), as: UTF8.self))
        var club = try #require((config["groups"] as? [[String: Any]])?.first)
        club["id"] = "choir"
        club["name"] = "새봄 합창단"
        club["account"] = ["bank": "kakaobank", "number": "3333-02-7654321"]
        club["sync"] = nil
        config["groups"] = [club]
        try JSONSerialization.data(withJSONObject: config).write(to: s.dir.appendingPathComponent("choir.json"))
        let put = try hoebi(["config", "import", "--from", "choir.json"], in: s.dir, env: s.env)
        #expect(put.status == 0, "\(put.err)")
        #expect(try hoebi(["user", "add", "합창단총무", "--password-file", "pw", "--for", "choir"], in: s.dir, env: s.env).status == 0)
        let choirToken = try #require(
            try hoebi(["token", "create", "합창단총무"], in: s.dir, env: s.env).out.split(whereSeparator: \.isWhitespace).map(String.init).last)
        for base in [a, b] {
            var listed = ""
            for _ in 0..<50 where !listed.contains("choir") {
                try await Task.sleep(for: .milliseconds(200))
                listed = try await t.call("GET", base + "/api/v1/groups", token: token).body
            }
            #expect(listed.contains("choir") && listed.contains("club"), "\(base): \(listed.prefix(300))")
            let theirs = try await t.call("GET", base + "/api/v1/groups", token: choirToken).body
            #expect(theirs.contains("choir") && !theirs.contains("club"), "\(base): \(theirs.prefix(300))")
            #expect(try await t.call("GET", base + "/g/club", token: choirToken).status == 404)
        }
    }
}
