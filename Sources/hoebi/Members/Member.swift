import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    struct MemberCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: Messages.help("member"),
            subcommands: [List.self, Add.self, Edit.self, Leave.self, Exempt.self, Pause.self])

        struct Options: ParsableArguments {
            @Option(name: .long, help: h("Configuration file (default: $HOEBI_CONFIG or ./hoebi.json).")) var config: String?
            @Option(name: .long, help: h("Group id (optional when there is only one).")) var group: String?
        }

        /// Hands the group's members array to `change`; checked and written where the group is
        /// kept (hoebi.json or the ledger) by `GroupEdit`.
        static func edit(_ o: Options, _ change: (inout [[String: Any]], Group) throws -> String) async throws {
            let said = try await Hoebi.editGroup(o) { g, group in
                var members = g["members"] as? [[String: Any]] ?? []
                let message = try change(&members, group)
                g["members"] = members
                return message
            }
            printOut(said + "\n")
        }

        static func index(of text: String, in members: [[String: Any]], group: Group) throws -> Int {
            try MemberEdit.index(of: text, in: members)
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("member.list"))
            @OptionGroup var options: Options
            @OptionGroup var listing: ListFormat

            func run() async throws {
                let g = try await loadGroup(options)
                let shown = g.displayNames()
                if listing.json {
                    let doc = g.members.map { m -> [String: Any] in
                        var d: [String: Any] = ["id": m.id, "name": m.name, "shownAs": shown[m.id] ?? m.name, "aliases": m.aliases]
                        if let j = m.joined { d["joined"] = j.description }
                        if let l = m.left { d["left"] = l.description }
                        if let a = m.amount { d["amount"] = a }
                        if let c = m.cycle { d["cycle"] = c.rawValue }
                        return d
                    }
                    try printJSON(doc)
                    return
                }
                let width = g.members.map { DisplayWidth.of(shown[$0.id] ?? $0.name) }.max() ?? 4
                let idWidth = (g.members.map { DisplayWidth.of($0.id) }.max() ?? 8) + 2
                for m in g.members {
                    var extra: [String] = []
                    if let j = m.joined { extra.append(Messages.t("member.joined", j)) }
                    if let l = m.left { extra.append(Messages.t("member.left", l)) }
                    if let a = m.amount { extra.append(Messages.t("member.amount", a.grouped)) }
                    if let c = m.cycle { extra.append(Messages.language == .ko ? c.korean + "납" : c.rawValue) }
                    if !m.aliases.isEmpty { extra.append(Messages.t("member.aliases", m.aliases.joined(separator: ", "))) }
                    printOut(
                        DisplayWidth.padRight(m.id, to: idWidth) + DisplayWidth.padRight(shown[m.id] ?? m.name, to: width) + "  "
                            + extra.joined(separator: " · ") + "\n")
                }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("member.add"), discussion: tr("Example: hoebi member add 김하늘 --joined 2026-03-17"))
            @OptionGroup var options: Options
            @Argument(help: h("The member's name as the bank shows it.")) var name: String
            @Option(help: h("Member id (default: m1, m2, …).")) var id: String?
            @Option(help: h("First period owed: 2026-03, or the day they joined, 2026-03-17.")) var joined: String?
            @Option(help: h("Their own dues per period (default: the schedule's).")) var amount: Int64?
            @Option(help: h("Their own cycle: monthly, quarterly, half-yearly or yearly.")) var cycle: String?
            @Option(help: h("Another depositor name that means them (a parent's); repeat for more.")) var alias: [String] = []
            @Option(help: h("How people see them when names collide (\"큰 지우\").")) var display: String?

            func run() async throws {
                let change = MemberEdit.add(.init(name: name, id: id, joined: joined, amount: amount, cycle: cycle, aliases: alias, display: display))
                try await MemberCommand.edit(options) { members, group in try change.apply(to: &members, group: group) }
            }
        }

        struct Edit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("member.edit"))
            @OptionGroup var options: Options
            @Argument(help: h("Member id or name.")) var member: String
            @Option(help: h("New name.")) var name: String?
            @Option(help: h("Their own dues per period; 0 removes it (back to the schedule).")) var amount: Int64?
            @Option(help: h("Their own cycle; 'group' removes it.")) var cycle: String?
            @Option(help: h("First period owed (2026-03 or 2026-03-17).")) var joined: String?
            @Option(help: h("Display name; '' removes it.")) var display: String?
            @Option(help: h("Add a depositor name that means them; repeat for more.")) var addAlias: [String] = []
            @Option(help: h("Last period as a member; '' says they did not leave.")) var left: String?

            func run() async throws {
                let change = MemberEdit.edit(
                    member: member, .init(name: name, amount: amount, cycle: cycle, joined: joined, display: display, addAliases: addAlias, left: left))
                try await MemberCommand.edit(options) { members, group in try change.apply(to: &members, group: group) }
            }
        }

        struct Leave: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("member.leave"),
                discussion: tr("Their history stays; money they send later is kept as credit and shown in the report."))
            @OptionGroup var options: Options
            @Argument(help: h("Member id or name.")) var member: String
            @Option(help: h("Last month (or period) as a member (default: this month).")) var last: String?

            func run() async throws {
                let lastPeriod = try period(last, "--last") ?? SeoulTime.now.period
                try await MemberCommand.edit(options) { members, group in
                    try MemberEdit.leave(member: member, last: lastPeriod).apply(to: &members, group: group)
                }
            }
        }

        struct Exempt: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("member.exempt"), discussion: tr("Example: hoebi member exempt 김솔 2026-05 2026-06"))
            @OptionGroup var options: Options
            @Argument(help: h("Member id or name.")) var member: String
            @Argument(help: h("Periods they owe nothing for (2026-05, 2026-Q2, 2026).")) var periods: [String]
            @Flag(help: h("Take these exemptions back.")) var remove = false

            func run() async throws {
                let given = try periods.map { try requiredPeriod($0, "PERIOD") }
                try await MemberCommand.edit(options) { members, group in
                    let i = try MemberCommand.index(of: member, in: members, group: group)
                    var list = members[i]["exempt"] as? [String] ?? []
                    for p in given.map(\.description) {
                        if remove {
                            guard let at = list.firstIndex(of: p) else { throw AppError.usage(Messages.t("error.notExempt", p)) }
                            list.remove(at: at)
                        } else if !list.contains(p) {
                            list.append(p)
                        }
                    }
                    members[i]["exempt"] = list.isEmpty ? nil : list.sorted()
                    let who = members[i]["name"] as? String ?? member
                    return Messages.t(remove ? "member.unexempt" : "member.exempted", who, given.map(\.description).joined(separator: ", "))
                }
            }
        }

        struct Pause: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("member.pause"), discussion: tr("Example: hoebi member pause 김솔 --from 2026-05 --to 2026-08"))
            @OptionGroup var options: Options
            @Argument(help: h("Member id or name.")) var member: String
            @Option(help: h("First month of the leave (휴회).")) var from: String
            @Option(help: h("Last month of the leave (default: until further notice).")) var to: String?
            @Flag(help: h("Take back the leave starting at --from.")) var remove = false

            func run() async throws {
                let start = try requiredPeriod(from, "--from")
                let end = try period(to, "--to")
                try await MemberCommand.edit(options) { members, group in
                    let i = try MemberCommand.index(of: member, in: members, group: group)
                    var list = members[i]["paused"] as? [[String: Any]] ?? []
                    if remove {
                        guard let at = list.firstIndex(where: { $0["from"] as? String == start.description }) else {
                            throw AppError.usage(Messages.t("error.noPause", start))
                        }
                        list.remove(at: at)
                    } else {
                        list.append(["from": start.description].merging(end.map { ["to": $0.description] } ?? [:]) { a, _ in a })
                    }
                    members[i]["paused"] = list.isEmpty ? nil : list
                    let who = members[i]["name"] as? String ?? member
                    if remove { return Messages.t("member.unpaused", who, start) }
                    return end.map { Messages.t("member.paused", who, start, $0) } ?? Messages.t("member.pausedOpen", who, start)
                }
            }
        }
    }
}
