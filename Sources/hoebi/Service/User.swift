import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiServer
import HoebiWiring
import Logging

extension Hoebi {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("user"), subcommands: [Add.self, Passwd.self, Role.self, Remove.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.add"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @OptionGroup var secret: NewPassword
            @Option(help: h("treasurer (decides) or viewer (an auditor: sees everything, decides nothing).")) var role: String = "treasurer"
            func run() async throws {
                let r = try User.role(role)
                let (ws, _) = try await common.openAny()
                let password = try secret.read(for: name)
                guard try await ws.store.passwordHash(of: name) == nil else { throw AppError.usage(Messages.t("user.exists", name)) }
                try await ws.store.addTreasurer(name: name, passwordHash: Credentials.hashPassword(password), role: r)
                printOut(Messages.t(r == .viewer ? "user.addedViewer" : "user.added", name) + "\n")
            }
        }

        struct Passwd: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.passwd"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @OptionGroup var secret: NewPassword
            func run() async throws {
                let (ws, _) = try await common.openAny()
                let password = try secret.read(for: name)
                guard try await ws.store.setPassword(name: name, passwordHash: Credentials.hashPassword(password)) else {
                    throw AppError.usage(Messages.t("user.none", name))
                }
                printOut(Messages.t("user.changed", name) + "\n")
            }
        }

        /// treasurer or viewer, also in Korean (총무, 감사).
        static func role(_ text: String) throws -> Treasurer.Role {
            guard let r = Treasurer.Role(rawValue: text) ?? (text == "감사" ? .viewer : text == "총무" ? .treasurer : nil) else {
                throw AppError.usage(Messages.t("user.badRole", text))
            }
            return r
        }

        struct Role: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.role"), discussion: tr("Example: hoebi user role 감사 viewer"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @Argument(help: h("treasurer (decides) or viewer (an auditor: sees everything, decides nothing).")) var role: String
            func run() async throws {
                let r = try User.role(role)
                let (ws, _) = try await common.openAny()
                guard try await ws.store.setRole(name: name, role: r) else { throw AppError.usage(Messages.t("user.none", name)) }
                printOut(Messages.t("user.roleSet", name, Messages.t("user.role.\(r.rawValue)")) + "\n")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.remove"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            func run() async throws {
                let (ws, _) = try await common.openAny()
                guard try await ws.store.removeTreasurer(name: name) else { throw AppError.usage(Messages.t("user.none", name)) }
                printOut(Messages.t("user.removed", name) + "\n")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.list"))
            @OptionGroup var common: Common
            @OptionGroup var listing: ListFormat
            func run() async throws {
                let (ws, _) = try await common.openAny()
                let all = try await ws.store.treasurers()
                if listing.json {
                    try printJSON(all.map { ["name": $0.name, "role": $0.role.rawValue] })
                    return
                }
                for t in all { printOut(t.name + "  " + Messages.t("user.role.\(t.role.rawValue)") + "\n") }
            }
        }
    }
}
