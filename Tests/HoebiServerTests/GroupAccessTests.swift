import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HoebiServer

/// Groups kept as data and who may see them (issue 25): two clubs on one service, a treasurer of
/// each, and the operator who sees both. Every route the router holds is tried by each treasurer
/// on the other's group, so a route added later without the rule fails here.
@Suite struct GroupAccessTests {
    static let twoClubs = """
        {"database": "ledger.sqlite", "groups": [
          {"id": "hiking", "name": "북한산 산악회", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
           "dues": {"dueDay": 10, "schedule": [{"from": "2026-01", "amount": 30000}]},
           "members": [{"id": "hong", "name": "홍길동"}, {"id": "lee", "name": "이서연"}]},
          {"id": "choir", "name": "새봄 합창단", "account": {"bank": "kakaobank", "number": "3333-02-7654321"},
           "dues": {"dueDay": 10, "schedule": [{"from": "2026-01", "amount": 20000}]},
           "members": [{"id": "kim", "name": "김솔"}]}]}
        """

    /// The service with both clubs' configurations moved into the ledger (as `hoebi config import
    /// --remove-from-file` leaves a hosted service), a statement in each, and three API tokens.
    static func service() async throws -> (HoebiService, tokens: [String: String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("hoebi.json")
        try Data(twoClubs.utf8).write(to: config)
        var ws = try await Workspace.open(config: config.path)
        let groups = (try JSONSerialization.jsonObject(with: Data(twoClubs.utf8)) as? [String: Any])?["groups"] as? [[String: Any]] ?? []
        for g in groups {
            _ = try await ws.store.saveStoredGroup(id: g["id"] as? String ?? "", body: try #require(ConfigInForce.text(g)), expected: nil, by: "test")
        }
        try Data(#"{"database": "ledger.sqlite"}"#.utf8).write(to: config)
        ws = try await Workspace.open(config: config.path)
        #expect(ws.config.groups.map(\.id).sorted() == ["choir", "hiking"] && ws.inForce.origin(of: "choir") != .file)
        for (g, line) in [("hiking", "2026-01-05 10:00,30000,홍길동"), ("choir", "2026-01-06 10:00,20000,모르는사람")] {
            let statement = dir.appendingPathComponent("\(g).csv")
            try Data("datetime,amount,text\n\(line)\n".utf8).write(to: statement)
            _ = try await Ledger(store: ws.store).importFile(statement, group: try ws.config.group(g), format: nil, password: nil, shownAs: "\(g).csv")
        }
        var tokens: [String: String] = [:]
        for (name, scope) in [("산악회총무", GroupScope.listed(["hiking"])), ("합창단총무", .listed(["choir"])), ("운영자", .all)] {
            try await ws.store.addTreasurer(name: name, passwordHash: "x")
            _ = try await ws.store.setScope(name: name, scope: scope)
            let token = Credentials.newToken()
            _ = try await ws.store.createToken(treasurer: name, label: "access", tokenHash: Credentials.hash(token))
            tokens[name] = token
        }
        return (HoebiService(inForce: ws.inForce, store: ws.store), tokens)
    }

    static func uri(_ path: String, group: String) -> String {
        path.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") || part.hasPrefix("{") else { return String(part) }
            return part.contains("group") ? group : part.contains("token") ? "nope" : "1"
        }.reduce("") { $0 + "/" + $1 }
    }

    @Test func eachTreasurerReachesOnlyTheirOwnGroupRouteByRoute() async throws {
        let (service, tokens) = try await Self.service()
        let router = try HoebiServer.router(service, runner: SyncRunner(service: service, logger: Logger(label: "test")), logger: Logger(label: "test"))
        let routes = router.routes.map { ($0.method, "\($0.path)") }.filter { $0.1.contains(":group") || $0.1.contains("{group}") }
        let app = Application(router: router)
        let auth: @Sendable (String) -> HTTPFields = { who in [.authorization: "Bearer \(tokens[who] ?? "")", .contentType: "application/json"] }
        let choir = try service.config.group("choir"), hiking = try service.config.group("hiking")
        let before = (try await service.store.matchInput(of: choir).decisions.count, try await service.store.matchInput(of: hiking).decisions.count)
        let refused = try await app.test(.router) { client in
            var refused = 0
            // Each treasurer, every route, the other club's group: answered exactly as a group that
            // does not exist ("nope") — 404, or the 400 the API gives any body it cannot read.
            for (who, other) in [("산악회총무", "choir"), ("합창단총무", "hiking")] {
                for (method, path) in routes {
                    let (status, body) = try await client.execute(
                        uri: Self.uri(path, group: other), method: method, headers: auth(who), body: ByteBuffer(string: "{}")
                    ) { r in (r.status, String(buffer: r.body)) }
                    let nothing = try await client.execute(
                        uri: Self.uri(path, group: "nope"), method: method, headers: auth(who), body: ByteBuffer(string: "{}")
                    ) { r in r.status }
                    #expect(status == nothing, "\(who) \(method) \(Self.uri(path, group: other)): \(status), a missing group: \(nothing)")
                    #expect(!body.contains(other == "choir" ? "합창단" : "산악회"), "the other club's name is not shown")
                    if status == .notFound { refused += 1 }
                }
            }
            // The same reads of their own group, and the operator's of both, are answered: the 404s
            // above are the scope's, not the routes'.
            var answered = 0
            for (who, group) in [("산악회총무", "hiking"), ("합창단총무", "choir"), ("운영자", "hiking"), ("운영자", "choir")] {
                for (method, path) in routes where method == .get && path.filter({ $0 == ":" || $0 == "{" }).count == 1 {
                    let status = try await client.execute(uri: Self.uri(path, group: group), method: .get, headers: auth(who)) { r in r.status }
                    #expect(status != .notFound, "\(who) GET \(Self.uri(path, group: group)): \(status)")
                    answered += 1
                }
            }
            #expect(answered >= 4 * 12, "\(answered) reads answered")
            // Lists name only the treasurer's own groups; the operator's metrics are the operator's.
            try await client.execute(uri: "/api/v1/groups", method: .get, headers: auth("산악회총무")) { r in
                let ids = (try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == ["hiking"], "\(String(buffer: r.body))")
            }
            try await client.execute(uri: "/api/v1/groups", method: .get, headers: auth("운영자")) { r in
                let ids = (try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(Set(ids ?? []) == ["hiking", "choir"])
            }
            try await client.execute(uri: "/", method: .get, headers: auth("합창단총무")) { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/g/choir", "one group: straight to it")
            }
            try await client.execute(uri: "/metrics", method: .get, headers: auth("합창단총무")) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get, headers: auth("운영자")) { r in #expect(r.status == .ok) }
            return refused
        }
        #expect(refused >= 2 * (routes.count - 2) && routes.count >= 30, "\(refused) refused of \(routes.count) routes, twice")
        let after = (try await service.store.matchInput(of: choir).decisions.count, try await service.store.matchInput(of: hiking).decisions.count)
        #expect(after == before, "nothing was decided in the other club")
        #expect(try await service.store.storedGroups().allSatisfy { $0.updatedBy == "test" }, "no configuration was written")
    }

    /// A stored group edited through the API: the version read must be the latest, the whole
    /// group is checked (a problem named by field, nothing written), and the service and the
    /// ledger hold the new configuration at once.
    @Test func theAPIEditsAStoredGroupByVersion() async throws {
        let (service, tokens) = try await Self.service()
        let router = try HoebiServer.router(service, runner: SyncRunner(service: service, logger: Logger(label: "test")), logger: Logger(label: "test"))
        let app = Application(router: router)
        let auth: HTTPFields = [.authorization: "Bearer \(tokens["합창단총무"] ?? "")", .contentType: "application/json"]
        try await app.test(.router) { client in
            var doc: [String: Any] = [:]
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .get, headers: auth) { r in
                #expect(r.status == .ok)
                doc = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any] ?? [:]
            }
            #expect(doc["kept"] as? String == "ledger")
            var group = try #require(doc["group"] as? [String: Any])
            let version = try #require(doc["version"] as? String)
            group["members"] = (group["members"] as? [[String: Any]] ?? []) + [["id": "park", "name": "박하늘"]]
            // A broken schedule: refused by field, nothing written.
            var broken = group
            broken["dues"] = ["dueDay": 40, "schedule": [["from": "2026-01", "amount": 20000]]]
            let body = { (g: [String: Any], v: String) in
                ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["version": v, "group": g]))
            }
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .put, headers: auth, body: try body(broken, version)) { r in
                #expect(r.status == .badRequest && String(buffer: r.body).contains("dueDay"), "\(String(buffer: r.body))")
            }
            var next = ""
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .put, headers: auth, body: try body(group, version)) { r in
                #expect(r.status == .ok, "\(String(buffer: r.body))")
                next = (try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])?["version"] as? String ?? ""
            }
            #expect(next != version && next.hasPrefix("r"))
            // The same old version again: someone changed it since, so refused.
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .put, headers: auth, body: try body(group, version)) { r in
                #expect(r.status == .conflict, "\(String(buffer: r.body))")
            }
            // Pointed at the other club's account (the ledger keeps rows by account), it would show
            // them the other club's money: only the operator changes an account.
            var moved = group
            moved["account"] = ["bank": "kakaobank", "number": "3333-01-1234567"]
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .put, headers: auth, body: try body(moved, next)) { r in
                let said = String(buffer: r.body)
                #expect(r.status == .badRequest && (said.contains("operator") || said.contains("운영자")), "\(said)")
            }
            // Another group's id inside the body is refused, not written into this one.
            var renamed = group
            renamed["id"] = "hiking"
            try await client.execute(uri: "/api/v1/groups/choir/config", method: .put, headers: auth, body: try body(renamed, next)) { r in
                #expect(r.status == .badRequest)
            }
        }
        #expect(try service.config.group("choir").members.map(\.name) == ["김솔", "박하늘"], "in force at once")
        let stored = try #require(try await service.store.storedGroups().first { $0.id == "choir" })
        #expect(stored.updatedBy == "합창단총무" && stored.body.contains("박하늘") && stored.previous?.contains("박하늘") == false)
        #expect(try await service.store.storedGroups().first { $0.id == "hiking" }?.updatedBy == "test", "the other club untouched")
    }
}
