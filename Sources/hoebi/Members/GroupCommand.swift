import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// What `hoebi.json` says about the group itself (name, account, holder, treasurer, due day,
    /// when dues started, non-dues words, fixed fees), shown and changed without editing JSON.
    struct GroupCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "group", abstract: Messages.help("group"), subcommands: [Show.self, Edit.self], defaultSubcommand: Show.self)

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("group.show"))
            @OptionGroup var options: MemberCommand.Options
            @OptionGroup var listing: ListFormat

            func run() async throws {
                let g = try await loadGroup(options)
                if listing.json { return try printJSON(GroupView.json(g)) }
                printOut(GroupView.lines(g).joined(separator: "\n") + "\n")
            }
        }

        struct Edit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("group.edit"), discussion: tr("Example: hoebi group edit --start 2026-06 --holder 박지민 --treasurer 박지민"))
            @OptionGroup var options: MemberCommand.Options
            @Option(help: h("New group name.")) var name: String?
            @Option(help: h("Bank: kakaobank, toss, kb, shinhan, nh, hana, woori, ibk, … ")) var bank: String?
            @Option(help: h("Account number of the group account.")) var account: String?
            @Option(help: h("The account holder's name (예금주); '' removes it.")) var holder: String?
            @Option(help: h("The treasurer (총무): a member's name or id; '' removes it.")) var treasurer: String?
            @Option(help: h("Day of the month dues are due (1–31).")) var dueDay: Int?
            @Option(help: h("First period owed by everyone (when dues started), e.g. 2026-06.")) var start: String?
            @Option(help: h("Months ahead money naming no period may pay before you are asked (0–120).")) var advanceMonths: Int?
            @Option(help: h("A word that marks a deposit as not dues (뒷풀이); repeat for more.")) var addWord: [String] = []
            @Option(help: h("Remove a non-dues word; repeat for more.")) var removeWord: [String] = []
            @Option(help: h("A one-off payment with its own amount, as 이름:금액 (가입비:50000).")) var fee: [String] = []
            @Option(help: h("Remove a one-off payment by its name.")) var removeFee: [String] = []

            func run() async throws {
                try await changeSettings(options) { g, group in
                    var changed: [String] = []
                    func set(_ key: String, _ value: Any?, _ word: String) {
                        g[key] = value
                        changed.append(Messages.t(word))
                    }
                    if let name { set("name", Normalise.nfc(name), "field.name") }
                    var account = g["account"] as? [String: Any] ?? [:]
                    if let bank { account["bank"] = bank }
                    if let a = self.account { account["number"] = a }
                    if let holder { account["holder"] = holder.isEmpty ? nil : Normalise.nfc(holder) }
                    if bank != nil || self.account != nil || holder != nil {
                        g["account"] = account
                        changed.append(Messages.t(holder != nil && bank == nil && self.account == nil ? "field.holder" : "field.account"))
                    }
                    if let treasurer {
                        set(
                            "treasurer", treasurer.isEmpty ? nil : try RawMembers.id(of: treasurer, in: g["members"] as? [[String: Any]] ?? []),
                            "field.treasurer")
                    }
                    var dues = g["dues"] as? [String: Any] ?? [:]
                    if let dueDay {
                        guard (1...31).contains(dueDay) else { throw AppError.usage(Messages.t("error.dueDay", dueDay)) }
                        dues["dueDay"] = dueDay
                        changed.append(Messages.t("field.dueDay"))
                    }
                    if let advanceMonths {
                        dues["advanceMonths"] = advanceMonths
                        changed.append(Messages.t("field.advanceMonths"))
                    }
                    if let start {
                        let p = try requiredPeriod(start, "--start")
                        dues["schedule"] = DuesSchedule.starting(group.dues, at: p.within(group.dues.cycle))
                        changed.append(Messages.t("field.start"))
                    }
                    if dueDay != nil || advanceMonths != nil || start != nil { g["dues"] = dues }
                    if !addWord.isEmpty || !removeWord.isEmpty {
                        var words = g["nonDuesKeywords"] as? [String] ?? []
                        for w in removeWord {
                            guard let i = words.firstIndex(of: Normalise.nfc(w)) else {
                                throw AppError.usage(Messages.t("error.noWord", w, words.joined(separator: ", ")))
                            }
                            words.remove(at: i)
                        }
                        for w in addWord.map(Normalise.nfc) where !words.contains(w) { words.append(w) }
                        set("nonDuesKeywords", words.isEmpty ? nil : words, "field.words")
                    }
                    if !fee.isEmpty || !removeFee.isEmpty {
                        var fees = g["fees"] as? [String: Any] ?? [:]
                        for f in removeFee {
                            guard fees.removeValue(forKey: Normalise.nfc(f)) != nil else { throw AppError.usage(Messages.t("error.noFee", f)) }
                        }
                        for f in fee {
                            let parts = f.split(separator: ":", maxSplits: 1).map(String.init)
                            guard parts.count == 2, case .won(let w) = Money.parseTyped(parts[1]), w > 0 else {
                                throw AppError.usage(Messages.t("error.fee", f))
                            }
                            fees[Normalise.nfc(parts[0])] = w
                        }
                        set("fees", fees.isEmpty ? nil : fees, "field.fees")
                    }
                    guard !changed.isEmpty else { throw AppError.usage(Messages.t("error.nothingToChange")) }
                    return Messages.t("group.changed", group.name, changed.joined(separator: ", "))
                }
            }
        }
    }

    /// The dues schedule: amounts from a period on, the cycle. `hoebi dues` lists it.
    struct DuesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dues", abstract: Messages.help("dues"), subcommands: [Show.self, Change.self, Remove.self, CycleCommand.self],
            defaultSubcommand: Show.self)

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: Messages.help("dues.show"))
            @OptionGroup var options: MemberCommand.Options
            @OptionGroup var listing: ListFormat

            func run() async throws {
                let g = try await loadGroup(options)
                if listing.json { return try printJSON(GroupView.json(g)["dues"] ?? [:]) }
                printOut(GroupView.duesLine(g) + "\n")
            }
        }

        struct Change: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set", abstract: Messages.help("dues.set"), discussion: tr("Example: hoebi dues set 25000 --from 2027-01"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("Dues per period in won (20000, 20,000 or 2만원).")) var amount: String
            @Option(help: h("First period at this amount, e.g. 2027-01.")) var from: String

            func run() async throws {
                guard case .won(let w) = Money.parseTyped(amount), w > 0 else {
                    throw AppError.usage(Messages.t("init.bad", Messages.t("init.prompt.amount"), amount))
                }
                let p = try requiredPeriod(from, "--from")
                try await changeSettings(options) { g, group in
                    let at = p.within(group.dues.cycle)
                    var rates = group.dues.schedule.filter { $0.from != at }
                    rates.append(Dues.Rate(from: at, amount: w))
                    var dues = g["dues"] as? [String: Any] ?? [:]
                    dues["schedule"] = DuesSchedule.json(rates)
                    g["dues"] = dues
                    return Messages.t("dues.set", at, w.grouped)
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("dues.remove"))
            @OptionGroup var options: MemberCommand.Options
            @Option(help: h("The period the rate change to remove starts at.")) var from: String

            func run() async throws {
                let p = try requiredPeriod(from, "--from")
                try await changeSettings(options) { g, group in
                    let at = p.within(group.dues.cycle)
                    let rates = group.dues.schedule.filter { $0.from != at }
                    guard rates.count < group.dues.schedule.count else { throw AppError.usage(Messages.t("error.noRate", at, GroupView.duesLine(group))) }
                    guard !rates.isEmpty, at != group.firstPeriod else { throw AppError.usage(Messages.t("error.firstRate")) }
                    var dues = g["dues"] as? [String: Any] ?? [:]
                    dues["schedule"] = DuesSchedule.json(rates)
                    g["dues"] = dues
                    return Messages.t("dues.removed", at)
                }
            }
        }

        struct CycleCommand: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "cycle", abstract: Messages.help("dues.cycle"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("monthly, quarterly, half-yearly or yearly.")) var cycle: String

            func run() async throws {
                guard let c = Cycle(config: cycle) else { throw AppError.usage(Messages.t("init.badCycle", cycle)) }
                try await changeSettings(options) { g, group in
                    var dues = g["dues"] as? [String: Any] ?? [:]
                    dues["cycle"] = c.rawValue
                    // Each rate starts at the new cycle's period holding it (2026-07 → 2026 for a yearly club).
                    dues["schedule"] = DuesSchedule.json(group.dues.schedule.map { Dues.Rate(from: $0.from.within(c), amount: $0.amount) })
                    g["dues"] = dues
                    return Messages.t("dues.cycle", Messages.language == .ko ? c.korean : c.rawValue)
                }
            }
        }
    }

    /// One change to the group's settings, checked and written by `GroupEdit`, then said with
    /// the note that every deposit is matched again under it.
    static func changeSettings(_ o: MemberCommand.Options, _ change: (inout [String: Any], Group) throws -> String) async throws {
        let said = try await editGroup(o, change)
        printOut(said + "\n" + Messages.t("group.rematch") + "\n")
    }

    /// A change to one group's object, wherever the group is kept (hoebi.json or the ledger).
    static func editGroup(_ o: MemberCommand.Options, _ change: (inout [String: Any], Group) throws -> String) async throws -> String {
        let (inForce, store) = try await Workspace.settings(config: o.config)
        guard let store else {
            return try ConfigFile.editGroup(path: inForce.url.path, group: o.group, change)
        }
        return try await GroupEdit.apply(inForce, store: store, group: o.group, by: Hoebi.who, change).message
    }

    static func loadGroup(_ o: MemberCommand.Options) async throws -> Group {
        try await Workspace.settings(config: o.config, access: .read).inForce.config.group(o.group)
    }

    /// Who a change from this command line is recorded as.
    static var who: String { ProcessInfo.processInfo.environment["USER"] ?? "treasurer" }
}

/// The schedule as `hoebi.json` holds it.
enum DuesSchedule {
    static func json(_ rates: [Dues.Rate]) -> [[String: Any]] {
        var seen = Set<Period>()
        return rates.sorted { $0.from < $1.from }.filter { seen.insert($0.from).inserted }.map { ["from": $0.from.description, "amount": $0.amount] }
    }

    /// The schedule moved to start at `start`: the rate in force then (or the first rate, when
    /// it starts earlier than any) from `start` on, and the later changes as they were.
    static func starting(_ dues: Dues, at start: Period) -> [[String: Any]] {
        let first = dues.schedule.last { $0.from <= start } ?? dues.schedule.first
        // Moved earlier, the first rate is the one that starts now, not a second entry beside it.
        let later = dues.schedule.filter { $0.from > start && $0 != first }
        return json((first.map { [Dues.Rate(from: start, amount: $0.amount)] } ?? []) + later)
    }
}
