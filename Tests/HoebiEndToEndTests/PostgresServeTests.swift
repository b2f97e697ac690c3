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
            env = ["HOEBI_DATABASE_URL": cluster.url("postgres"), "HOEBI_SYNC_JITTER": "0", "HOEBI_SYNC_LEASE": "6"]
        }

        /// Starts one more service instance on the same database.
        func start() throws {
            let p = try hoebiProcess(["serve", "--port", "0"], in: dir, env: env)
            _ = try ServeTests.startAndReadPort(p, until: "Ctrl-C")
            instances.append(p)
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
        let ok = try await s.wait("SELECT count(*) FROM runs WHERE kind = 'sync' AND status = 'ok'", for: { $0 == "1" }, seconds: 60)
        #expect(ok == "1")
        // Long enough for the other instance to have asked again after the lease's time.
        try await Task.sleep(for: .seconds(8))
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
            "SELECT string_agg(status, ',' ORDER BY id) FROM runs WHERE kind = 'sync'", for: { $0 == "interrupted,ok" }, seconds: 60)
        #expect(statuses == "interrupted,ok")
        #expect(try s.sql("SELECT count(*) = count(DISTINCT identity) FROM transactions") == "t")
        // Nothing was lost: a sync by hand now finds nothing new in the bank's history.
        let again = try hoebi(["sync", "--json"], in: s.dir, env: s.env)
        #expect(again.status == 0 && again.out.contains("\"new\":0"), "\(again.out)\(again.err)")
    }
}
