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
            abstract: Messages.help("user"), subcommands: [Add.self, Passwd.self, Role.self, Groups.self, Remove.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("user.add"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @OptionGroup var secret: NewPassword
            @Option(help: h("treasurer (decides) or viewer (an auditor: sees everything, decides nothing).")) var role: String = "treasurer"
            @Option(name: .customLong("for"), help: h("A group they may see (repeat for more; default: every group).", value: "group")) var groups: [String] =
                []
            func run() async throws {
                let r = try User.role(role)
                let (ws, _) = try await common.openAny()
                try User.known(groups, ws.config)
                let password = try secret.read(for: name)
                guard try await ws.store.passwordHash(of: name) == nil else { throw AppError.usage(Messages.t("user.exists", name)) }
                try await ws.store.addTreasurer(name: name, passwordHash: Credentials.hashPassword(password), role: r)
                if !groups.isEmpty { _ = try await ws.store.setScope(name: name, scope: .listed(Set(groups))) }
                printOut(Messages.t(r == .viewer ? "user.addedViewer" : "user.added", name) + "\n")
                if !groups.isEmpty { printOut(Messages.t("user.scopeListed", name, User.names(groups, ws.config)) + "\n") }
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

        /// A group id that is not in force is refused: access to a group nobody can see is a typo.
        static func known(_ groups: [String], _ config: Configuration) throws {
            if let id = groups.first(where: { id in !config.groups.contains { $0.id == id } }) {
                throw AppError.usage(Messages.t("config.noGroup", id, config.groups.map(\.id).joined(separator: ", ")))
            }
        }

        static func names(_ groups: [String], _ config: Configuration) -> String {
            groups.sorted().map { id in config.groups.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id }.joined(separator: ", ")
        }

        struct Groups: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("user.groups"), discussion: tr("Example: hoebi user groups 김총무 hiking choir  ·  hoebi user groups 운영자 --all"))
            @OptionGroup var common: Common
            @Argument(help: h("The treasurer's sign-in name.")) var name: String
            @Argument(help: h("The groups they may see from now on.")) var groups: [String] = []
            @Flag(help: h("Every group, now and later (the operator's).")) var all = false
            func run() async throws {
                guard all != !groups.isEmpty else { throw AppError.usage(Messages.t("user.groupsOrAll")) }
                let (ws, _) = try await common.openAny()
                try User.known(groups, ws.config)
                guard try await ws.store.setScope(name: name, scope: all ? .all : .listed(Set(groups))) else {
                    throw AppError.usage(Messages.t("user.none", name))
                }
                printOut((all ? Messages.t("user.scopeAll", name) : Messages.t("user.scopeListed", name, User.names(groups, ws.config))) + "\n")
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
                func groups(_ t: Treasurer) -> [String]? {
                    if case .listed(let ids) = t.scope { return ids.sorted() }
                    return nil
                }
                if listing.json {
                    try printJSON(all.map { t -> [String: Any] in ["name": t.name, "role": t.role.rawValue, "groups": groups(t) ?? "all"] })
                    return
                }
                let width = all.map { DisplayWidth.of($0.name) }.max() ?? 0
                for t in all {
                    let scope = groups(t).map { User.names($0, ws.config) } ?? Messages.t("user.everyGroup")
                    printOut(DisplayWidth.padRight(t.name, to: width) + "  " + Messages.t("user.role.\(t.role.rawValue)") + "  " + scope + "\n")
                }
            }
        }
    }
}
