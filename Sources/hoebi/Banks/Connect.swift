import ArgumentParser
import AsyncHTTPClient
import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import HoebiWiring
import Hummingbird
import Logging

extension Hoebi {
    struct Connect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("connect"),
            discussion: Messages.help("connect.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("kftc")) var source: String
        @Option(help: h("Loopback port for the callback.")) var port: Int = 8765
        @Flag(help: h("Open the consent URL from here (for the sandbox, which consents at once).")) var open = false

        func run() async throws {
            guard source == "kftc" else { throw ValidationError("only kftc needs `connect`; the other sources use keys from the configuration") }
            let ws: Workspace
            let group: Group
            (ws, group) = try await common.open()
            guard let sync = group.sync, sync.source == "kftc" else {
                printErr("hoebi: " + Messages.t("connect.noSettings", group.id) + "\n")
                throw ExitCode(78)
            }
            do {
                try await HTTPTransport.using { transport in
                    let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: ws.configURL.deletingLastPathComponent())
                    let settings = engine.settings(sync)
                    let clientID = try settings.secrets["clientId"]?.value("clientId") ?? ""
                    let secret = try settings.secrets["clientSecret"]?.value("clientSecret") ?? ""
                    let state = String((0..<32).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
                    let (stream, continuation) = AsyncStream<(code: String, state: String)>.makeStream()
                    let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
                    let router = Router()
                    router.get("callback") { request, _ -> String in
                        let q = request.uri.queryParameters
                        continuation.yield((q.get("code") ?? "", q.get("state") ?? ""))
                        return "Hoebi received the consent. You can close this window."
                    }
                    var logger = Logger(label: "hoebi.connect")
                    logger.logLevel = .warning
                    let app = Application(
                        router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                        onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
                    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
                    var portIterator = portStream.makeAsyncIterator()
                    let bound = await portIterator.next() ?? port
                    let redirect = "http://127.0.0.1:\(bound)/callback"
                    let url = KFTCTokens.authorizeURL(baseURL: settings.baseURL, clientID: clientID, redirect: redirect, state: state)
                    printOut(Messages.t("connect.open", url, redirect) + "\n")
                    if open {
                        let reply = try await engine.transport.send(HTTPExchange("GET", url), source: "kftc")
                        if let location = reply.location { _ = try await engine.transport.send(HTTPExchange("GET", location), source: "kftc") }
                    }
                    var it = stream.makeAsyncIterator()
                    let answer = await it.next()
                    server.cancel()
                    guard let answer, answer.state == state, !answer.code.isEmpty else {
                        throw SourceError("kftc", .auth, code: "state", "the callback's state did not match; start again")
                    }
                    try await KFTCTokens.exchange(
                        code: answer.code, baseURL: settings.baseURL, clientID: clientID, clientSecret: secret,
                        redirect: redirect, transport: engine.transport, credentials: ws.store)
                    printOut(Messages.t("connect.done") + "\n")
                }
            }
        }
    }
}
