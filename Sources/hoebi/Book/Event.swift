import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// Events with their own fee: `hoebi event add 송년회 --date 2026-12-20 --fee 30000`.
    struct EventCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event", abstract: Messages.help("event"),
            subcommands: [Add.self, Edit.self, Close.self, List.self, Show.self, Pay.self, Settle.self])

        /// The event's settings as `hoebi.json` holds them, shared by add and edit.
        struct Settings: ParsableArguments {
            @Option(help: h("The day (2026-12-20).")) var date: String?
            @Option(help: h("What each attendee pays (30000, 3만원); leave out to settle by the real cost.")) var fee: String?
            @Option(help: h("Who takes part: all (default), signup (whoever paid) or names separated by commas.")) var members: String?
            @Option(help: h("Another word deposits for it carry (뒷풀이); may be repeated.")) var word: [String] = []
            @Option(help: h("The real cost, when no withdrawal shows it (cash paid on the day).")) var cost: String?
            @Option(help: h("How settling shares the cost: even (1/N) or fee (the fee stays, the club pays the rest).")) var settle: String?

            func apply(to e: inout [String: Any], members raw: [[String: Any]]) throws {
                if let date {
                    guard let day = SeoulTime(parsing: date), date.filter(\.isASCIIDigit).count == 8 else {
                        throw AppError.usage(Messages.t("event.badDate", date))
                    }
                    e["date"] = String(day.iso8601.prefix(10))
                }
                if let fee { e["fee"] = try duesAmount(fee) }
                if let cost { e["cost"] = try duesAmount(cost) }
                if let settle { e["settle"] = settle }
                if let members {
                    switch members {
                    case "all", "모두": e["members"] = nil
                    case "signup", "신청": e["members"] = "signup"
                    default:
                        e["members"] = try members.split(separator: ",").map { try RawMembers.id(of: $0.trimmingCharacters(in: .whitespaces), in: raw) }
                    }
                }
                if !word.isEmpty { e["words"] = Array(Set((e["words"] as? [String] ?? []) + word.map(Normalise.nfc))).sorted() }
            }
        }

        /// Hands the named event's entry to `change`; the whole file is checked before it is saved.
        static func edit(_ o: MemberCommand.Options, _ name: String, _ change: (inout [String: Any], [[String: Any]]) throws -> String) async throws {
            try await changeSettings(o) { g, group in
                guard let e = group.event(named: name) else { throw AppError.usage(Ledger.unknownEvent(name, group)) }
                var events = g["events"] as? [[String: Any]] ?? []
                guard let i = events.firstIndex(where: { Normalise.letters($0["name"] as? String ?? "") == Normalise.letters(e.name) }) else {
                    throw AppError.usage(Ledger.unknownEvent(name, group))
                }
                let said = try change(&events[i], g["members"] as? [[String: Any]] ?? [])
                g["events"] = events
                return said
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("event.add"), discussion: tr("Example: hoebi event add 송년회 --date 2026-12-20 --fee 30000 --word 뒷풀이"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("The event's name (송년회).")) var name: String
            @OptionGroup var settings: Settings

            func run() async throws {
                guard settings.date != nil else { throw AppError.usage(Messages.t("event.badDate", "")) }
                try await changeSettings(options) { g, group in
                    guard group.event(named: name) == nil else { throw AppError.usage(Messages.t("event.exists", name)) }
                    var e: [String: Any] = ["name": Normalise.nfc(name.trimmingCharacters(in: .whitespaces))]
                    try settings.apply(to: &e, members: g["members"] as? [[String: Any]] ?? [])
                    g["events"] = (g["events"] as? [[String: Any]] ?? []) + [e]
                    return Messages.t("event.added", name, e["date"] as? String ?? "")
                }
            }
        }

        struct Edit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("event.edit"), discussion: tr("Example: hoebi event edit 송년회 --fee 35000 --members signup"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("The event's name.")) var name: String
            @Option(help: h("A new name.")) var rename: String?
            @Option(help: h("A word to stop reading as this event.")) var removeWord: [String] = []
            @OptionGroup var settings: Settings

            func run() async throws {
                try await EventCommand.edit(options, name) { e, raw in
                    try settings.apply(to: &e, members: raw)
                    if let rename { e["name"] = Normalise.nfc(rename) }
                    if !removeWord.isEmpty {
                        let gone = Set(removeWord.map(Normalise.letters))
                        e["words"] = (e["words"] as? [String] ?? []).filter { !gone.contains(Normalise.letters($0)) }
                    }
                    return Messages.t("event.changed", e["name"] as? String ?? name)
                }
            }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("event.close"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("The event's name.")) var name: String
            @Flag(help: h("Open it again.")) var reopen = false

            func run() async throws {
                try await EventCommand.edit(options, name) { e, _ in
                    e["closed"] = reopen ? nil : true
                    return Messages.t(reopen ? "event.reopened" : "event.closed", e["name"] as? String ?? name)
                }
            }
        }
    }
}
