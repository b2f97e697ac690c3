import Foundation
import HoebiTestSupport
import Testing

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiStore
@testable import HoebiWiring

/// An engine behind the store protocols, opened fresh for one test (issue 25: the same suite runs
/// on every engine; SQLite today, PostgreSQL when its store exists).
struct Engine: Sendable, CustomTestStringConvertible {
    typealias AnyStore = any LedgerStore & CredentialStore
    let name: String
    /// The store, the group registered in it, a second store on the same data (another process's
    /// view: its own connections) and what ends the engine (a cluster of its own).
    let open: @Sendable () async throws -> (store: AnyStore, group: Group, other: @Sendable () async throws -> AnyStore, done: @Sendable () -> Void)
    var testDescription: String { name }

    static let sqlite = Engine(name: "SQLite") {
        let (ws, g, dir) = try await workspace()
        let config = dir.appendingPathComponent("hoebi.json").path
        return (ws.store, g, { try await Workspace.open(config: config).store }, {})
    }

    /// A throwaway cluster per test (about a second), reached through the configuration's URL as
    /// a hosted Hoebi reaches its server.
    static let postgres = Engine(name: "PostgreSQL") {
        let cluster = try ThrowawayPostgres()
        do {
            let (ws, g, dir) = try await workspace(database: cluster.url("postgres"))
            let config = dir.appendingPathComponent("hoebi.json").path
            return (ws.store, g, { try await Workspace.open(config: config).store }, { cluster.stop() })
        } catch {
            cluster.stop()
            throw error
        }
    }

    static var all: [Engine] { [sqlite, postgres] }
}

/// What every engine must do, asked through `LedgerStore`, `AccountStore` and `CredentialStore`
/// alone (no SQL, no file): exactly-once storage with identical legitimate rows kept, the match's
/// compare-and-set, decisions and their undo, runs and revert, money past int4, secrets' expiry to
/// the second, the club's book. The races SQLite's single writer hides (postgres.md §1.4.3–4) are
/// here too: they pass trivially on SQLite and must keep passing on an engine that allows them.
@Suite struct StoreConformanceTests {
    static func rows(_ g: Group, _ specs: [(String, Won, String)], balanceFrom: Won = 0) -> [Transaction] {
        var balance = balanceFrom
        return specs.map { time, amount, text in
            balance += amount
            return Transaction(
                account: g.account.key, time: SeoulTime(parsing: time)!, direction: amount >= 0 ? .deposit : .withdrawal, amount: Swift.abs(amount),
                balance: balance,
                text: text, source: "conformance", raw: "\(time),\(amount),\(text)")
        }
    }

    static func importRows(_ store: any LedgerStore, _ g: Group, _ rows: [Transaction], source: String = "s.csv") async throws -> ImportCounts {
        try await store.importTransactions(
            group: g, source: source, format: "csv", note: { "" },
            produce: { insert in
                for r in rows { try insert(r) }
                return 0
            })
    }

    /// Matches the ledger as the use cases do: the input, the allocator, the compare-and-set save.
    static func match(_ store: any LedgerStore, _ g: Group) async throws -> Bool {
        let input = try await store.matchInput(of: g)
        var allocator = Allocator(group: g, learnedAliases: input.aliases)
        let result = allocator.run(deposits: input.deposits, decisions: input.decisions, withdrawals: input.withdrawals)
        return try await store.saveMatch(group: g, deposits: input.deposits, result: result, generation: input.generation)
    }

    @Test(arguments: Engine.all) func everyRowOnceAndIdenticalRowsKept(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        // Two identical 30,000 deposits from one person on one day are two payments (a bank that
        // gives no ids): both stay; the same statement again adds nothing.
        let rows = Self.rows(g, [("2026-01-05 10:00", 30000, "홍길동"), ("2026-01-05 10:00", 30000, "홍길동"), ("2026-01-06 09:00", 30000, "이서연")])
        let first = try await Self.importRows(store, g, rows)
        #expect(first.new == 3 && first.known == 0)
        let again = try await Self.importRows(store, g, rows + Self.rows(g, [("2026-02-05 10:00", 30000, "홍길동")], balanceFrom: 90000), source: "s2.csv")
        #expect(again.new == 1 && again.known == 3, "\(again)")
        #expect(try await store.continuityRows(account: g.account.key).count == 4)
        #expect(try await store.latestTime(account: g.account.key) == SeoulTime(parsing: "2026-02-05 10:00"))
    }

    @Test(arguments: Engine.all) func aMatchIsSavedOnlyForTheLatestInput(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        _ = try await Self.importRows(store, g, Self.rows(g, [("2026-01-05 10:00", 30000, "홍길동")]))
        #expect(try await store.owesMatch(g))
        let stale = try await store.matchInput(of: g)
        _ = try await Self.importRows(store, g, Self.rows(g, [("2026-02-05 10:00", 30000, "홍길동")], balanceFrom: 30000), source: "s2.csv")
        #expect(try await Self.match(store, g))
        #expect(try await !store.owesMatch(g))
        #expect(try await store.isCurrent(g, fingerprint: "f1"))
        // A match of the older input, saved after the newer one: refused, the newer stands.
        var allocator = Allocator(group: g, learnedAliases: [:])
        let old = allocator.run(deposits: stale.deposits, decisions: [:])
        #expect(try await !store.saveMatch(group: g, deposits: stale.deposits, result: old, generation: stale.generation))
        let report = try await store.snapshot(of: g, periods: Period.range(Period("2026-01")!, Period("2026-02")!))
        #expect(report.allocations.map(\.amount).reduce(0, +) == 60000, "\(report.allocations)")
    }

    /// Race 1 (postgres.md §1.4.3): two re-matches of one input saved at once write the
    /// allocations once, not twice.
    @Test(arguments: Engine.all) func concurrentMatchesDoNotDoubleAllocations(_ engine: Engine) async throws {
        let (store, g, other, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        _ = try await Self.importRows(
            store, g,
            Self.rows(
                g,
                (1...600).map {
                    ("2026-\(String(format: "%02d", $0 % 12 + 1))-\(String(format: "%02d", $0 % 28 + 1)) 10:00", 30000, $0 % 2 == 0 ? "홍길동" : "이서연")
                }))
        // What one match allocates, worked out in memory.
        let input = try await store.matchInput(of: g)
        var allocator = Allocator(group: g, learnedAliases: input.aliases)
        let once = allocator.run(deposits: input.deposits, decisions: input.decisions).allocations.map(\.amount).reduce(0, +)
        #expect(once > 0)
        var stores: [Engine.AnyStore] = [store]
        for _ in 0..<5 { stores.append(try await other()) }
        for s in stores { _ = try await s.owesMatch(g) }
        let processes = stores
        let saved = await withTaskGroup(of: Bool.self) { tasks in
            // Several processes at once, each with connections of its own.
            for s in processes { tasks.addTask { await (try? Self.match(s, g)) == true } }
            return await tasks.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(saved >= 1)
        let report = try await store.snapshot(of: g, periods: Period.range(Period("2026-01")!, Period("2036-12")!))
        #expect(report.allocations.map(\.amount).reduce(0, +) == once, "allocated once: \(report.allocations.count) rows")
    }

    /// Race 2: processes registering one group at once (each first run of a fresh service) all
    /// succeed; the ledger owes one match. (On PostgreSQL the group row's upsert, the first
    /// statement, already makes the others wait; a register that rewrote members first would
    /// meet duplicate keys here.)
    @Test(arguments: Engine.all) func concurrentRegistersBothSucceed(_ engine: Engine) async throws {
        let (store, g, other, done) = try await engine.open()
        defer { done() }
        var stores: [Engine.AnyStore] = [store]
        for _ in 0..<5 { stores.append(try await other()) }
        for s in stores { _ = try await s.owesMatch(g) }
        let processes = stores
        // Many members, so each registration's transaction lasts long enough to meet another.
        let many: Group = {
            var m = g
            m.members = (1...300).map { Member(id: "m\($0)", name: "회원\($0)", aliases: ["별명\($0)"]) }
            return m
        }()
        let failures = await withTaskGroup(of: Bool.self) { tasks in
            for (i, s) in processes.enumerated() { tasks.addTask { await (try? s.register(many, fingerprint: "f\(i)")) == nil } }
            return await tasks.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 0)
        await #expect(try store.owesMatch(g))
    }

    /// Race 3: a re-match reads the deposits and the generation from one snapshot: while imports
    /// run, every input read has exactly the deposits of its generation.
    @Test(arguments: Engine.all) func aMatchInputIsOneSnapshot(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        let batches = (0..<6).map { b in
            Self.rows(
                g, (1...20).map { ("2026-\(String(format: "%02d", b + 1))-\(String(format: "%02d", $0)) 10:00", 10000, "홍길동") }, balanceFrom: Won(b * 200_000))
        }
        let base = try await store.matchInput(of: g).generation
        let seen = await withTaskGroup(of: [(Int64, Int)].self) { tasks in
            tasks.addTask {
                for (i, b) in batches.enumerated() { _ = try? await Self.importRows(store, g, b, source: "b\(i).csv") }
                return []
            }
            tasks.addTask {
                var out: [(Int64, Int)] = []
                for _ in 0..<60 { if let i = try? await store.matchInput(of: g) { out.append((i.generation, i.deposits.count)) } }
                return out
            }
            return await tasks.reduce(into: []) { $0 += $1 }
        }
        // Each import adds 20 deposits and moves the generation on by one (or more, with the
        // match-state bookkeeping): deposits never run ahead of, or behind, their generation.
        var countFor: [Int64: Int] = [:]
        for (generation, n) in seen {
            if let known = countFor[generation] { #expect(known == n, "generation \(generation) seen with \(known) and \(n) deposits") }
            countFor[generation] = n
            #expect(generation >= base && n % 20 == 0)
        }
    }

    @Test(arguments: Engine.all) func decisionsAreUndoneAsTheyWereMade(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        _ = try await Self.importRows(store, g, Self.rows(g, [("2026-01-05 10:00", 30000, "모르는사람"), ("2026-01-06 10:00", 30000, "또모름")]))
        _ = try await Self.match(store, g)
        let ids = try await store.continuityRows(account: g.account.key).map(\.id)
        try await store.decide(group: g, [DecisionWrite(transaction: ids[0], action: .assign, member: "hong")], by: "총무")
        try await store.decide(group: g, ids.map { DecisionWrite(transaction: $0, action: .ignore, reason: "찬조") }, by: "총무")
        #expect(try await store.rules(of: g).contains { $0.text == "모르는사람" })
        let plan = try await store.nextUndo(group: g)
        #expect(plan != nil)
        let undone = try await #require(try store.undoLastDecision(group: g, by: "총무"))
        #expect(undone.together.count + 1 == 2, "the batch of two is taken back together")
        #expect(try await store.matchInput(of: g).decisions[ids[0]] == .assign(member: "hong", periods: []))
        #expect(try await store.undoLastDecision(group: g, by: "총무") != nil)
        #expect(try await store.undoLastDecision(group: g, by: "총무") == nil)
    }

    @Test(arguments: Engine.all) func aRevertTakesBackOnlyWhatItsRunAlone(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        let a = Self.rows(g, [("2026-01-05 10:00", 30000, "홍길동"), ("2026-01-06 10:00", 30000, "이서연")])
        let first = try await Self.importRows(store, g, a)
        let second = try await Self.importRows(store, g, a + Self.rows(g, [("2026-02-05 10:00", 30000, "김솔")], balanceFrom: 60000), source: "s2.csv")
        // The first run's rows were brought again by the second: reverting the first keeps them all.
        let plan = try await store.revertPlan(group: g, run: first.runID)
        #expect(plan.removing.isEmpty && plan.kept == 2, "\(plan)")
        let r = try await store.revert(group: g, run: first.runID, by: "총무")
        #expect(r.removed == 0 && r.kept == 2)
        #expect(try await store.continuityRows(account: g.account.key).count == 3)
        await #expect(throws: StoreError.self) { try await store.revert(group: g, run: first.runID, by: "총무") }
        // The second now holds all three rows alone.
        #expect(try await store.revert(group: g, run: second.runID, by: "총무").removed == 3)
        #expect(try await store.continuityRows(account: g.account.key).isEmpty)
        #expect(try await store.runs(of: g, limit: 10).contains { $0.id == "r\(first.runID)" })
    }

    /// Money is Int64 won (3,000,000,000 won overflows an int4), and an expiry keeps its second
    /// (a float4 column was off by 50 s in the brief's measurement).
    @Test(arguments: Engine.all) func moneyAndTimesKeepEveryDigit(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        _ = try await Self.importRows(store, g, Self.rows(g, [("2026-01-05 10:00", 3_000_000_000, "홍길동 적금 만기")]))
        let line = try await #require(try store.continuityRows(account: g.account.key).first)
        #expect(line.signedAmount == 3_000_000_000 && line.balance == 3_000_000_000)
        let expires = Date(timeIntervalSince1970: 1_798_000_123)
        try await store.setCredential("codef:token", value: "secret", expires: expires)
        let back = try await #require(try store.credential("codef:token"))
        #expect(back.value == "secret" && Swift.abs((back.expires ?? .distantPast).timeIntervalSince(expires)) < 1)
    }

    @Test(arguments: Engine.all) func accountsSessionsTokensAndRoles(_ engine: Engine) async throws {
        let (store, _, _, done) = try await engine.open()
        defer { done() }
        try await store.addTreasurer(name: "총무", passwordHash: "h1")
        try await store.addTreasurer(name: "감사", passwordHash: "h2", role: .viewer)
        #expect(try await store.treasurers().map(\.role.rawValue).sorted() == ["treasurer", "viewer"])
        let (t, hash) = try await #require(try store.passwordHash(of: "감사"))
        #expect(hash == "h2" && t.role == .viewer)
        try await store.createSession(treasurer: t.id, tokenHash: "s", csrf: "c", expires: SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970) + 3600))
        #expect(try await store.session(tokenHash: "s", now: .now)?.treasurer.role == .viewer)
        #expect(try await store.setRole(name: "감사", role: .treasurer))
        #expect(try await store.session(tokenHash: "s", now: .now) == nil, "a changed role signs the user out")
        let token = try await #require(try store.createToken(treasurer: "총무", label: "script", tokenHash: "th"))
        #expect(try await store.tokenOwner(tokenHash: "th")?.name == "총무")
        #expect(try await store.revokeToken(id: token))
        #expect(try await store.tokenOwner(tokenHash: "th") == nil)
        try await store.setShareToken(group: "hiking", token: "share")
        #expect(try await store.group(forShareToken: "share") == "hiking")
    }

    /// Groups kept as data: written by compare-and-set on the revision (a second writer from the
    /// same revision is refused, never merged), the body replaced kept for undo, a stamp that
    /// moves with every write and removal; and who may see which group, read back with the session.
    @Test(arguments: Engine.all) func storedGroupsAreComparedAndSetAndScopesKept(_ engine: Engine) async throws {
        let (store, _, other, done) = try await engine.open()
        defer { done() }
        // The second store is opened first: these bodies are no group a configuration could read.
        let second = try await other()
        let stamp0 = try await store.storedGroupsStamp()
        let r1 = try #require(try await store.saveStoredGroup(id: "choir", body: #"{"v":1}"#, expected: nil, by: "김총무"))
        #expect(try await store.saveStoredGroup(id: "choir", body: #"{"v":9}"#, expected: nil, by: "박총무") == nil, "a second insert is refused")
        let stamp1 = try await store.storedGroupsStamp()
        #expect(stamp1 != stamp0)
        // Two stores (two processes) both editing revision r1: exactly one write lands.
        async let a = store.saveStoredGroup(id: "choir", body: #"{"v":2}"#, expected: r1, by: "김총무")
        async let b = second.saveStoredGroup(id: "choir", body: #"{"v":3}"#, expected: r1, by: "박총무")
        let (ra, rb) = try await (a, b)
        #expect((ra == nil) != (rb == nil), "one of two editors of one revision wins: \(String(describing: ra)), \(String(describing: rb))")
        let now = try #require(try await store.storedGroups().first { $0.id == "choir" })
        #expect(now.revision == (ra ?? rb) && now.revision > r1)
        #expect(now.body == (ra != nil ? #"{"v":2}"# : #"{"v":3}"#) && now.previous == #"{"v":1}"#)
        #expect(now.updatedBy == (ra != nil ? "김총무" : "박총무") && SeoulTime(parsing: now.updatedAt) != nil)
        let stamp2 = try await store.storedGroupsStamp()
        #expect(stamp2 != stamp1)
        #expect(try await store.removeStoredGroup(id: "choir", expected: r1) == false, "a stale removal is refused")
        #expect(try await store.removeStoredGroup(id: "choir", expected: now.revision))
        let empty = try await store.storedGroups().isEmpty, stamp3 = try await store.storedGroupsStamp()
        #expect(empty && stamp3 != stamp2)
        // A re-added group starts above every revision seen, so no stamp comes back.
        let again = try #require(try await store.saveStoredGroup(id: "choir", body: "{}", expected: nil, by: "x"))
        #expect(again > now.revision)

        try await store.addTreasurer(name: "김총무", passwordHash: "h")
        #expect(try await store.passwordHash(of: "김총무")?.0.scope == .all, "everyone starts with every group")
        #expect(try await store.setScope(name: "김총무", scope: .listed(["hiking", "choir"])))
        #expect(try await store.setScope(name: "없는사람", scope: .all) == false)
        let (t, _) = try #require(try await store.passwordHash(of: "김총무"))
        #expect(t.scope == .listed(["hiking", "choir"]))
        try await store.createSession(treasurer: t.id, tokenHash: "s", csrf: "c", expires: SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970) + 3600))
        _ = try await store.createToken(treasurer: "김총무", label: "script", tokenHash: "th")
        #expect(try await store.session(tokenHash: "s", now: .now)?.treasurer.scope == .listed(["hiking", "choir"]))
        #expect(try await store.tokenOwner(tokenHash: "th")?.scope == .listed(["hiking", "choir"]))
        #expect(try await store.setScope(name: "김총무", scope: .listed([])))
        #expect(try await store.tokenOwner(tokenHash: "th")?.scope == .listed([]), "listed with none sees nothing (not everything)")
        #expect(try await store.setScope(name: "김총무", scope: .all))
        #expect(try await store.treasurers().first?.scope == .all)
    }

    /// Failed sign-ins are counted per key within the window, forgotten after it, cleared on success.
    @Test(arguments: Engine.all) func signInFailuresAreCountedAlike(_ engine: Engine) async throws {
        let (store, _, _, done) = try await engine.open()
        defer { done() }
        for t in [100, 200, 300] as [Int64] { try await store.recordSignInFailure(["ip", "name"], at: t, forget: 0) }
        try await store.recordSignInFailure(["ip"], at: 400, forget: 150)
        #expect(try await store.signInFailures(["ip", "name"], since: 0) == 3, "the one at 100 was forgotten")
        #expect(try await store.signInFailures(["name"], since: 250) == 1)
        #expect(try await store.signInFailures(["other"], since: 0) == 0)
        try await store.clearSignInFailures(["ip"])
        #expect(try await store.signInFailures(["ip"], since: 0) == 0)
        #expect(try await store.signInFailures(["ip", "name"], since: 0) == 2)
    }

    @Test(arguments: Engine.all) func theClubsBookAndItsChecksum(_ engine: Engine) async throws {
        let (store, g, _, done) = try await engine.open()
        defer { done() }
        try await store.register(g, fingerprint: "f1")
        _ = try await Self.importRows(store, g, Self.rows(g, [("2026-01-05 10:00", 30000, "홍길동"), ("2026-01-20 19:00", -20000, "북한산대피소")]))
        let out = try await #require(try store.continuityRows(account: g.account.key).last?.id)
        #expect(try await store.categorise(group: g, [out], as: "대관료", by: "총무") == 1)
        #expect(try await store.categoryDecisions(of: g).map(\.category) == ["대관료"])
        let receipt = try await store.addReceipt(
            group: g, transaction: out, file: ReceiptFile(name: "r.pdf", mediaType: "application/pdf", bytes: Array("%PDF-1.4".utf8)), by: "총무")
        #expect(try await store.receiptFile(group: g, id: receipt.id)?.bytes == Array("%PDF-1.4".utf8))
        let before = try await store.contentDigest()
        #expect(before.counts["receipts"] == 1 && before.counts["categories"] == 1)
        #expect(try await store.contentDigest() == before, "the checksum is the content's, not the moment's")
        #expect(try await store.undoCategories(group: g)?.category == "대관료")
        #expect(try await store.contentDigest() != before)
        let rows = try await store.bookRows(of: g, from: SeoulTime(parsing: "2026-01-01")!, to: SeoulTime(parsing: "2026-02-01")!)
        #expect(rows.contains { $0.line.id == out && !$0.incoming })
    }
}
