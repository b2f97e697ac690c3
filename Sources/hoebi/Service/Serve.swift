import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiServer
import HoebiWiring
import Logging

extension Hoebi {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("serve"), discussion: Messages.help("serve.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("Address to listen on (127.0.0.1: only this machine; put a TLS proxy in front for others).")) var host = "127.0.0.1"
        @Option(help: h("Port (0 = any free port; the chosen one is printed).")) var port = 8080
        @Option(help: h("Log lines as text or json (one JSON object per line, for journald or a log shipper).")) var logFormat: String =
            ProcessInfo.processInfo.environment["HOEBI_LOG_FORMAT"] ?? "text"

        func run() async throws {
            let ws: Workspace
            do {
                ws = try await Workspace.open(config: common.config)
                Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
            }
            if try await ws.store.treasurers().isEmpty { printErr(Messages.t("serve.noTreasurer") + "\n") }
            guard let format = HoebiLogHandler.Format(rawValue: logFormat) else {
                printErr("hoebi: " + Messages.t("error.choice", "--log-format", "text, json") + "\n")
                throw ExitCode(64)
            }
            var logger = Logger(label: "hoebi", factory: { HoebiLogHandler(label: $0, format: format) })
            logger.logLevel = ProcessInfo.processInfo.environment["HOEBI_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            let service = HoebiService(inForce: ws.inForce, store: ws.store, logger: logger)
            try await HoebiServer.run(service: service, host: host, port: port, logger: logger) { bound in
                printOut(Messages.t("serve.listening", host, bound) + "\n")
            }
        }
    }
}
