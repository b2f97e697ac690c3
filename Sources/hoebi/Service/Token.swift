import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiServer
import HoebiWiring
import Logging

extension Hoebi {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("token"), subcommands: [Create.self, Revoke.self, List.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.create"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer the token acts as.")) var name: String
            @Option(help: h("What the token is for (shown in `hoebi token list`).")) var label = "script"
            func run() async throws {
                let (ws, _) = try await common.openAny()
                let token = Credentials.newToken()
                guard let id = try await ws.store.createToken(treasurer: name, label: label, tokenHash: Credentials.hash(token)) else {
                    throw AppError.usage(Messages.t("user.none", name))
                }
                printErr(Messages.t("token.created", id) + "\n")
                printOut(token + "\n")
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.revoke"))
            @OptionGroup var common: Common
            @Argument(help: h("Token number from `hoebi token list`.")) var id: Int64
            func run() async throws {
                let (ws, _) = try await common.openAny()
                guard try await ws.store.revokeToken(id: id) else { throw AppError.usage(Messages.t("token.none", id)) }
                printOut(Messages.t("token.revoked", id) + "\n")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("token.list"))
            @OptionGroup var common: Common
            @OptionGroup var listing: ListFormat
            func run() async throws {
                let (ws, _) = try await common.openAny()
                if listing.json {
                    try await printJSON(
                        try ws.store.tokens().map {
                            ["id": $0.id, "treasurer": $0.treasurer, "label": $0.label, "createdAt": $0.createdAt, "revoked": $0.revoked] as [String: Any]
                        })
                    return
                }
                for t in try await ws.store.tokens() {
                    printOut("\(t.id)  \(t.treasurer)  \(t.label)  \(t.createdAt.prefix(16))\(t.revoked ? "  " + Messages.t("token.revokedMark") : "")\n")
                }
            }
        }
    }
}
