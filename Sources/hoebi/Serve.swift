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
                ws = try Workspace.open(config: common.config)
                Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
            }
            if try ws.store.treasurers().isEmpty { printErr(Messages.t("serve.noTreasurer") + "\n") }
            guard let format = HoebiLogHandler.Format(rawValue: logFormat) else {
                printErr("hoebi: " + Messages.t("error.choice", "--log-format", "text, json") + "\n")
                throw ExitCode(64)
            }
            var logger = Logger(label: "hoebi", factory: { HoebiLogHandler(label: $0, format: format) })
            logger.logLevel = ProcessInfo.processInfo.environment["HOEBI_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            let service = HoebiService(config: ws.config, store: ws.store, configURL: ws.configURL, logger: logger)
            try await HoebiServer.run(service: service, host: host, port: port, logger: logger) { bound in
                printOut(Messages.t("serve.listening", host, bound) + "\n")
            }
        }
    }

    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("user"), subcommands: [Add.self, Passwd.self, Remove.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.add"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @OptionGroup var secret: NewPassword
            func run() throws {
                let (ws, _) = try common.openAny()
                let password = try secret.read(for: name)
                guard try ws.store.passwordHash(of: name) == nil else { throw AppError.usage(Messages.t("user.exists", name)) }
                try ws.store.addTreasurer(name: name, passwordHash: Credentials.hashPassword(password))
                printOut(Messages.t("user.added", name) + "\n")
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.passwd"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @OptionGroup var secret: NewPassword
            func run() throws {
                let (ws, _) = try common.openAny()
                let password = try secret.read(for: name)
                guard try ws.store.setPassword(name: name, passwordHash: Credentials.hashPassword(password)) else {
                    throw AppError.usage(Messages.t("user.none", name))
                }
                printOut(Messages.t("user.changed", name) + "\n")
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.remove"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            func run() throws {
                let (ws, _) = try common.openAny()
                guard try ws.store.removeTreasurer(name: name) else { throw AppError.usage(Messages.t("user.none", name)) }
                printOut(Messages.t("user.removed", name) + "\n")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.list"))
            @OptionGroup var common: Common
            @OptionGroup var listing: ListFormat
            func run() throws {
                let (ws, _) = try common.openAny()
                let all = try ws.store.treasurers()
                if listing.json {
                    try printJSON(all.map { ["name": $0.name] })
                    return
                }
                for t in all { printOut(t.name + "\n") }
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("token"), subcommands: [Create.self, Revoke.self, List.self])

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.create"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer the token acts as.")) var name: String
            @Option(help: h("What the token is for (shown in `hoebi token list`).")) var label = "script"
            func run() throws {
                let (ws, _) = try common.openAny()
                let token = Credentials.newToken()
                guard let id = try ws.store.createToken(treasurer: name, label: label, tokenHash: Credentials.hash(token)) else {
                    throw AppError.usage(Messages.t("user.none", name))
                }
                printErr(Messages.t("token.created", id) + "\n")
                printOut(token + "\n")
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.revoke"))
            @OptionGroup var common: Common
            @Argument(help: h("Token number from `hoebi token list`.")) var id: Int64
            func run() throws {
                let (ws, _) = try common.openAny()
                guard try ws.store.revokeToken(id: id) else { throw AppError.usage(Messages.t("token.none", id)) }
                printOut(Messages.t("token.revoked", id) + "\n")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.list"))
            @OptionGroup var common: Common
            @OptionGroup var listing: ListFormat
            func run() throws {
                let (ws, _) = try common.openAny()
                if listing.json {
                    try printJSON(
                        try ws.store.tokens().map {
                            ["id": $0.id, "treasurer": $0.treasurer, "label": $0.label, "createdAt": $0.createdAt, "revoked": $0.revoked] as [String: Any]
                        })
                    return
                }
                for t in try ws.store.tokens() {
                    printOut("\(t.id)  \(t.treasurer)  \(t.label)  \(t.createdAt.prefix(16))\(t.revoked ? "  " + Messages.t("token.revokedMark") : "")\n")
                }
            }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("backup"), discussion: Messages.help("backup.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("The copy to write (must not exist yet).")) var file: String
        func run() throws {
            let (ws, _) = try common.openAny(.read)
            guard !FileManager.default.fileExists(atPath: file) else { throw AppError.usage(Messages.t("error.exists", file)) }
            try ws.store.backup(to: file)
            chmod(file, 0o600)
            printOut(Messages.t("backup.done", file) + "\n")
        }
    }
}

/// A new password: asked twice at the terminal, or read from a file or an environment variable
/// (for scripts and tests), never from the command line (it would show in `ps`).
struct NewPassword: ParsableArguments {
    @Option(help: h("File whose first line is the password.")) var passwordFile: String?
    @Option(help: h("Environment variable holding the password.")) var passwordEnv: String?

    func read(for name: String) throws -> String {
        var password: String
        if let f = passwordFile {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw ExitCodeError.notFound(f) }
            password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else if let v = passwordEnv {
            guard let p = ProcessInfo.processInfo.environment[v] else { throw AppError.usage(Messages.t("error.passwordEnv", v)) }
            password = p
        } else {
            guard isatty(0) != 0, let a = getpass(Messages.t("user.ask", name)), let b = getpass(Messages.t("user.again")) else {
                throw AppError.usage(Messages.t("error.noPassword"))
            }
            guard String(cString: a) == String(cString: b) else { throw AppError.usage(Messages.t("user.mismatch")) }
            password = String(cString: a)
        }
        if let problem = Credentials.problem(with: password) { throw AppError.usage(problem) }
        return password
    }
}
