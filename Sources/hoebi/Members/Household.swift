import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore

extension Hoebi {
    /// Members who pay one rate together (a couple, a parent and child): `hoebi household add`.
    struct HouseholdCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "household", abstract: Messages.help("household"), subcommands: [Add.self, Remove.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("household.add"), discussion: tr("Example: hoebi household add 김솔 김하늘 --amount 25000"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("Two or more members, by name or id.")) var members: [String]
            @Option(help: h("Household id (default: h1, h2, …).")) var id: String?
            @Option(help: h("What they pay together per period (default: the schedule's).")) var amount: String?

            func run() async throws {
                try await changeSettings(options) { g, _ in
                    let raw = g["members"] as? [[String: Any]] ?? []
                    let ids = try members.map { try RawMembers.id(of: $0, in: raw) }
                    var households = g["households"] as? [[String: Any]] ?? []
                    let taken = Set(households.compactMap { $0["id"] as? String } + raw.compactMap { $0["id"] as? String })
                    let newID = id ?? (1...).lazy.map { "h\($0)" }.first { !taken.contains($0) } ?? "h\(taken.count + 1)"
                    var hh: [String: Any] = ["id": newID, "members": ids]
                    if let amount { hh["amount"] = try duesAmount(amount) }
                    households.append(hh)
                    g["households"] = households
                    return Messages.t("household.added", newID, ids.map { RawMembers.name(of: $0, in: raw) }.joined(separator: "·"))
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("household.remove"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("Household id, or one of its members.")) var household: String

            func run() async throws {
                try await changeSettings(options) { g, _ in
                    let raw = g["members"] as? [[String: Any]] ?? []
                    var households = g["households"] as? [[String: Any]] ?? []
                    let member = try? RawMembers.id(of: household, in: raw)
                    guard
                        let i = households.firstIndex(where: { hh in
                            hh["id"] as? String == household || (member.map { (hh["members"] as? [String] ?? []).contains($0) } ?? false)
                        })
                    else { throw AppError.usage(Messages.t("error.noHousehold", household)) }
                    let removed = households.remove(at: i)
                    g["households"] = households.isEmpty ? nil : households
                    return Messages.t("household.removed", removed["id"] as? String ?? household)
                }
            }
        }
    }
}
