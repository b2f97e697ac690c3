import Foundation
import HoebiApp
import HoebiCore
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HoebiServer

/// The auditor (issue 24): a read-only user sees every page and answer and changes nothing. Every
/// route the router holds is tried, so a route added later without the rule fails here.
@Suite struct ViewerTests {
    /// Every parameter filled with something that exists (the group, t1, run 1, receipt 1).
    static func uri(_ path: String) -> String {
        path.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") || part.hasPrefix("{") else { return String(part) }
            return part.contains("group") ? "hiking" : part.contains("token") ? "nope" : "1"
        }.reduce("") { $0 + "/" + $1 }
    }

    @Test func aViewerReadsEveryRouteAndWritesNone() async throws {
        let (service, treasurerToken) = try await RouterTests.service()
        try await service.store.addTreasurer(name: "감사", passwordHash: "x", role: .viewer)
        let token = Credentials.newToken()
        _ = try await service.store.createToken(treasurer: "감사", label: "audit", tokenHash: Credentials.hash(token))
        let router = try HoebiServer.router(service, runner: SyncRunner(service: service, logger: Logger(label: "test")), logger: Logger(label: "test"))
        let routes = router.routes.map { ($0.method, "\($0.path)") }
        let app = Application(router: router)
        let decisionsBefore = try await service.store.matchInput(of: service.config.groups[0]).decisions.count
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        let tried = routes.filter { !(["/login", "/healthz", "/static/app.js", "/logout"].contains($0.1) || $0.1.hasPrefix("/m/")) }
        let writes = tried.filter { $0.0 != .get && $0.0 != .head }.count, reads = tried.count - writes
        try await app.test(.router) { client in
            for (method, path) in tried {
                try await client.execute(uri: Self.uri(path), method: method, headers: auth, body: ByteBuffer(string: "{}")) { r in
                    if method == .get || method == .head {
                        #expect(r.status != .forbidden && r.status != .unauthorized, "\(method) \(path): a viewer reads (\(r.status))")
                    } else {
                        #expect(r.status == .forbidden, "\(method) \(path): a viewer may not write (\(r.status))")
                    }
                }
            }
            // The treasurer's token still writes (the refusal is the role's, not the route's).
            try await client.execute(
                uri: "/api/v1/groups/hiking/decisions", method: .post, headers: [.authorization: "Bearer \(treasurerToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"transaction": "t2", "action": "ignore", "reason": "찬조", "dryRun": true}"#)
            ) { r in #expect(r.status == .ok, "\(String(buffer: r.body))") }
        }
        // Made a treasurer (`hoebi user role 감사 treasurer`), the same token writes.
        #expect(try await service.store.setRole(name: "감사", role: .treasurer))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/groups/hiking/decisions", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"transaction": "t2", "action": "ignore", "reason": "찬조", "dryRun": true}"#)
            ) { r in #expect(r.status == .ok, "\(String(buffer: r.body))") }
        }
        #expect(writes >= 15 && reads >= 15, "every route was tried: \(writes) writes, \(reads) reads")
        #expect(try await service.store.matchInput(of: service.config.groups[0]).decisions.count == decisionsBefore, "nothing was decided")
    }
}
