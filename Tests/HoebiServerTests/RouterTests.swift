import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HoebiServer

/// The router in process (HummingbirdTesting) over a real SQLite ledger in a temporary folder:
/// the API's generated server, the problem documents it answers with, the 405 table and the
/// decision forms, without starting the binary (ServeTests keep start-up, shutdown and backup).
@Suite struct RouterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A folder with a configuration, a ledger holding one statement, and an API token.
    static func service() async throws -> (HoebiService, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-router-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = """
            {"database": "ledger.sqlite", "groups": [{"id": "hiking", "name": "북한산 산악회",
              "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"dueDay": 10, "schedule": [{"from": "2026-01", "amount": 30000}]},
              "members": [{"id": "hong", "name": "홍길동"}, {"id": "lee", "name": "이서연"}]}]}
            """
        try Data(config.utf8).write(to: dir.appendingPathComponent("hoebi.json"))
        let ws = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path)
        let statement = dir.appendingPathComponent("s.csv")
        try Data("datetime,amount,text\n2026-01-05 10:00,30000,홍길동\n2026-01-06 10:00,30000,모르는사람\n".utf8).write(to: statement)
        _ = try await Ledger(store: ws.store).importFile(statement, group: try ws.config.group(nil), format: nil, password: nil, shownAs: "s.csv")
        try await ws.store.addTreasurer(name: "총무", passwordHash: "x")
        let token = Credentials.newToken()
        _ = try await ws.store.createToken(treasurer: "총무", label: "router", tokenHash: Credentials.hash(token))
        return (HoebiService(inForce: ws.inForce, store: ws.store), token)
    }

    static func app() async throws -> (some ApplicationProtocol, String) {
        let (service, token) = try await service()
        let router = try HoebiServer.router(service, runner: SyncRunner(service: service, logger: Logger(label: "test")), logger: Logger(label: "test"))
        return (Application(router: router), token)
    }

    @Test func theAPIAnswersWithTheDocumentsAndItsProblems() async throws {
        let (app, token) = try await Self.app()
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/groups/hiking/review", method: .get, headers: auth) { r in
                #expect(r.status == .ok && r.headers[.cacheControl] == "no-store")
                let items = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [[String: Any]]
                #expect(items?.count == 1 && items?.first?["text"] as? String == "모르는사람", "\(String(buffer: r.body))")
            }
            // A group that is not there, a period that is not one, a limit out of range: the
            // document's own 404 and 400, as problems.
            for (uri, status) in [
                ("/api/v1/groups/nope/review", HTTPResponse.Status.notFound), ("/api/v1/groups/hiking/report?from=March", .badRequest),
                ("/api/v1/groups/hiking/transactions?limit=0", .badRequest), ("/api/v1/groups/hiking/transactions?amount=lots", .badRequest)
            ] {
                try await client.execute(uri: uri, method: .get, headers: auth) { r in
                    let problem = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                    #expect(r.status == status && problem?["error"] is String, "\(uri): \(r.status) \(String(buffer: r.body))")
                }
            }
            // A body that is not the decision document is the client's mistake, not the server's.
            var json = auth
            json[.contentType] = "application/json"
            try await client.execute(uri: "/api/v1/groups/hiking/decisions", method: .post, headers: json, body: ByteBuffer(string: #"{"action": 3}"#)) { r in
                #expect(r.status == .badRequest, "\(String(buffer: r.body))")
            }
            try await client.execute(
                uri: "/api/v1/groups/hiking/decisions", method: .post, headers: json,
                body: ByteBuffer(string: #"{"transaction": "t2", "action": "assign", "member": "lee", "dryRun": true}"#)
            ) { r in
                let effect = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                #expect(r.status == .ok && effect?["dryRun"] as? Bool == true && effect?["after"] as? String != effect?["before"] as? String)
            }
            // One deposit as two members' dues (collect) and as dues plus other money (split):
            // previewed, checked against the amount, with the members and parts the document names.
            try await client.execute(
                uri: "/api/v1/groups/hiking/decisions", method: .post, headers: json,
                body: ByteBuffer(string: #"{"transaction": "t2", "action": "collect", "members": ["hong", "lee"], "periods": ["2026-02"], "dryRun": true}"#)
            ) { r in
                let effect = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                // 30,000 is not two members' 60,000: the preview keeps it in review, with the reason.
                #expect(r.status == .ok && effect?["after"] as? String == "review", "\(String(buffer: r.body))")
            }
            try await client.execute(
                uri: "/api/v1/groups/hiking/decisions", method: .post, headers: json,
                body: ByteBuffer(
                    string:
                        #"{"transaction": "t2", "action": "split", "parts": [{"member": "lee", "amount": 20000}, {"label": "뒷풀이", "amount": 10000}], "dryRun": true}"#
                )
            ) { r in
                let effect = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                #expect(r.status == .ok && effect?["after"] as? String == "lee 2026-01", "\(String(buffer: r.body))")
            }
            for body in [
                #"{"transaction": "t2", "action": "split", "parts": [{"member": "lee", "amount": 20000}]}"#,  // 20,000 of 30,000
                #"{"transaction": "t2", "action": "collect", "members": ["nobody"]}"#
            ] {
                try await client.execute(uri: "/api/v1/groups/hiking/decisions", method: .post, headers: json, body: ByteBuffer(string: body)) { r in
                    #expect(r.status == .badRequest || r.status == .unprocessableContent, "\(body): \(r.status)")
                }
            }
            // The wrong method on a known path: 405 and what it takes, from the document.
            try await client.execute(uri: "/api/v1/groups/hiking/sync", method: .get, headers: auth) { r in
                #expect(r.status == .methodNotAllowed && r.headers[.allow] == "POST")
            }
            // A group without sync settings cannot be synced: the document's 409.
            try await client.execute(uri: "/api/v1/groups/hiking/sync", method: .post, headers: auth) { r in
                #expect(r.status == .conflict)
            }
            // The document itself, as the repository has it.
            try await client.execute(uri: "/api/v1/openapi.json", method: .get, headers: auth) { r in
                let file = try String(contentsOf: Self.root.appendingPathComponent("api/openapi.json"), encoding: .utf8)
                #expect(String(buffer: r.body) == file.trimmingCharacters(in: .newlines))
            }
        }
    }

    @Test func withoutATokenNothingIsOpen() async throws {
        let (app, _) = try await Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/groups", method: .get) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/g/hiking/review", method: .get) { r in
                #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/login") == true)
            }
            try await client.execute(uri: "/healthz", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    /// The club's book through the API (issue 24): the 결산 of a range with its kinds adding up,
    /// bad ranges refused as problems, and the events with their attendees.
    @Test func theClosingAndTheEventsThroughTheAPI() async throws {
        let (app, token) = try await Self.app()
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/groups/hiking/closing?from=2026-01&to=2026-01", method: .get, headers: auth) { r in
                let doc = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let income = doc?["income"] as? [String: Any]
                #expect(r.status == .ok && income?["total"] as? Int == 60000, "\(String(buffer: r.body))")
                // 홍길동's 30,000 are dues; the stranger's 30,000 waits in review.
                #expect((income?["kinds"] as? [String: Int]) == ["dues": 30000, "checking": 30000], "\(income ?? [:])")
                #expect(doc?["bankBalance"] == nil, "no row of this statement states a balance: absent")
            }
            // One month alone: the twelve months from it.
            try await client.execute(uri: "/api/v1/groups/hiking/closing?from=2026-03", method: .get, headers: auth) { r in
                let doc = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                #expect(r.status == .ok && doc?["from"] as? String == "2026-03" && doc?["to"] as? String == "2027-02", "\(String(buffer: r.body))")
            }
            for uri in ["/api/v1/groups/hiking/closing?from=2026-05&to=2026-01", "/api/v1/groups/hiking/closing?from=2026-13&to=2026-14"] {
                try await client.execute(uri: uri, method: .get, headers: auth) { r in
                    #expect(r.status == .badRequest, "\(uri): \(r.status)")
                }
            }
            try await client.execute(uri: "/api/v1/groups/hiking/events", method: .get, headers: auth) { r in
                #expect(r.status == .ok && String(buffer: r.body) == "[]", "no events configured: \(String(buffer: r.body))")
            }
        }
    }
}
