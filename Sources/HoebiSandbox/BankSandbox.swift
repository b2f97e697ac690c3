import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird
import Logging
import NIOCore

/// A local bank: Woori, CODEF, KFTC Open Banking and Koscom on 127.0.0.1, the way the references
/// describe them, over one generated history. For tests, the demo and trying Hoebi without a bank.
public struct BankSandbox: Sendable {
    /// Fixed sandbox credentials; printed by `hoebi sandbox` and written into the demo config.
    public enum Credentials {
        public static let wooriAppKey = "sandbox-woori-appkey"
        public static let wooriAccount = "1002123456789"
        public static let codefClientID = "sandbox-codef-client"
        public static let codefClientSecret = "sandbox-codef-secret"
        public static let codefOrganization = "0020"
        public static let codefAccountPassword = "1234"
        public static let kftcClientID = "sandbox-kftc-client"
        public static let kftcClientSecret = "sandbox-kftc-secret"
        public static let kftcClientUseCode = "M202600001"
        public static let kftcFintechUseNum = "120260000100000000000001"
        public static let koscomAPIKey = "sandbox-koscom-key"
        public static let koscomVirtualAccount = "160731060768600001"
    }

    let state: SandboxState
    let codefKey: CodefKeys
    public let history: SandboxHistory

    public init(seed: UInt64 = 1, members: Int = 48, faults: [Fault] = []) throws {
        history = SandboxHistory(seed: seed, memberCount: members)
        state = SandboxState(history: history, faults: faults)
        codefKey = try CodefKeys()
    }

    /// The RSA public key (base64 DER, the CODEF style) a client encrypts passwords with.
    public var codefPublicKey: String { codefKey.publicKeyBase64 }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: FaultMiddleware(state: state))
        addWoori(router)
        addCodef(router)
        addKFTC(router)
        addKoscom(router)
        router.post("_sandbox/faults") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            let obj = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
            if obj["clear"] as? Bool == true {
                await state.disarm()
                return json(["ok": true])
            }
            guard let kind = (obj["kind"] as? String).flatMap(Fault.Kind.init(rawValue:)) else {
                return json(["error": "kind must be one of \(Fault.Kind.allCases.map(\.rawValue))"], status: .badRequest)
            }
            await state.arm(
                Fault(
                    kind: kind, count: obj["count"] as? Int ?? 1, after: obj["after"] as? Int ?? 0,
                    path: obj["path"] as? String ?? "", milliseconds: obj["milliseconds"] as? Int ?? 1500))
            return json(["ok": true])
        }
        router.post("_sandbox/token-lifetime") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 12)
            await state.setTokenLifetime(TimeInterval(String(buffer: body).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 7_775_999)
            return json(["ok": true])
        }
        router.get("_sandbox/codef-public-key") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: codefKey.publicKeyBase64))) }
        return router
    }

    /// Serves until cancelled. `onRunning` receives the bound port (useful with port 0).
    public func run(port: Int, quiet: Bool = false, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "hoebi.sandbox")
        // In the background (tests, demo) a cancelled server's shutdown chatter is noise.
        logger.logLevel = quiet ? .critical : .warning
        let app = Application(
            router: router(), configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                await state.setPort(bound)
                await onRunning(bound)
            }, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
    }

    /// Starts in the background and returns once listening (for tests and the demo).
    public func start() async throws -> RunningSandbox {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await run(port: 0, quiet: true) { continuation.yield($0) } }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return RunningSandbox(port: port, task: task, sandbox: self)
    }
}

public struct RunningSandbox: Sendable {
    public let port: Int
    let task: Task<Void, any Error>
    public let sandbox: BankSandbox
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public func stop() { task.cancel() }
    public func arm(_ fault: Fault) async { await sandbox.state.arm(fault) }
    public func disarm() async { await sandbox.state.disarm() }
    /// Faults armed but not yet met (a test's proof that its fault really happened).
    public func armedFaults() async -> Int { await sandbox.state.armed }
    public func setTokenLifetime(_ seconds: TimeInterval) async { await sandbox.state.setTokenLifetime(seconds) }
    /// Every request received, as "METHOD /path?query", oldest first: what a test holds against the
    /// vendors' documents (the request side of the contract, which the sandbox's own answers cannot show).
    public func requests() async -> [String] { await sandbox.state.requests }
}

/// Applies armed faults before a request reaches its handler. Faults that need to speak a
/// bank's own dialect (expired token, rate limit) are passed on in the context-free way: the
/// handler asks `state` again via the `x-sandbox-applied` marker.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        var request = request
        // A POST's body is logged with it (CODEF and Woori send their parameters there), for the
        // request-side contract tests; collected once, the handler reads the same bytes.
        var line = "\(request.method.rawValue) \(request.uri.description)"
        if request.method == .post { line += " " + String(buffer: try await request.collectBody(upTo: 1 << 20)) }
        await state.log(line)
        guard let fault = await state.fault(for: path, header: request.headers[HTTPField.Name("X-Sandbox-Fault")!]) else {
            return try await next(request, context)
        }
        switch fault.kind {
        case .serverError:
            return Response(
                status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "<html><body>503 Service Temporarily Unavailable</body></html>")))
        case .slow:
            try await Task.sleep(for: .milliseconds(fault.milliseconds))
            return try await next(request, context)
        case .malformed:
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"dataBody\": {\"GRID\": [{\"TRN_DT\"")))
        case .expired, .rateLimit, .endless, .repeatPage:
            var head = request.head
            head.headerFields[HTTPField.Name("x-sandbox-applied")!] = fault.kind.rawValue
            return try await next(Request(head: head, body: request.body), context)
        }
    }
}

/// What a handler should simulate for this request, set by `FaultMiddleware`.
func applied(_ request: Request) -> Fault.Kind? {
    request.headers[HTTPField.Name("x-sandbox-applied")!].flatMap(Fault.Kind.init(rawValue:))
}

func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
    let data = SortedJSON.text(object).map { Data($0.utf8) } ?? Data("{}".utf8)
    return Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

func header(_ request: Request, _ name: String) -> String? { request.headers[HTTPField.Name(name)!] }

func bodyJSON(_ request: Request) async throws -> [String: Any] {
    let body = try await request.body.collect(upTo: 1 << 20)
    return (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
}

extension SandboxHistory.Row {
    var yyyymmdd: String { day }
    var hhmmss: String { String(time.iso8601.dropFirst(11).prefix(8)).replacingOccurrences(of: ":", with: "") }
}
