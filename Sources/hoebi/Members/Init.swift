import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiWiring

extension Hoebi {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("init"),
            discussion: Messages.help("init.discussion"))
        @Option(help: h("Configuration file to write (default: $HOEBI_CONFIG or ./hoebi.json).")) var config: String?
        @Option(help: h("Group id (letters, digits, - or _).")) var id: String = "club"
        @Option(help: h("Group name (모임 이름).")) var name: String?
        @Option(help: h("Bank: kakaobank, toss, kb, shinhan, nh, hana, woori, ibk, … ")) var bank: String?
        @Option(help: h("Account number of the group account.")) var account: String?
        @Option(help: h("Dues per period in won (20000, 20,000 or 2만원).")) var amount: String?
        @Option(help: h("monthly, quarterly, half-yearly or yearly.")) var cycle: String = "monthly"
        @Option(help: h("Day of the month dues are due (asked; default 10).")) var dueDay: Int?
        @Option(help: h("First period owed, e.g. 2026-03 (asked; default: this period).")) var from: String?
        @Option(help: h("The account holder's name (예금주), as the bank shows it.")) var holder: String?
        @Option(help: h("The treasurer (총무): one of the members' names.")) var treasurer: String?
        @Option(help: h("A member's name; repeat for each.")) var member: [String] = []
        @Option(help: h("A statement of the account: the bank, the account number and when deposits begin are read from it.")) var statement: String?

        func run() throws {
            let url = ConfigFile.path(config)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw AppError.usage(Messages.t("error.exists", url.path))
            }
            let interactive = isatty(0) != 0
            /// Asks until the answer reads (three tries), or takes what was given; `fallback` is
            /// what Enter means (nil: an answer is needed).
            func ask<T>(_ prompt: String, _ given: String?, fallback: String? = nil, _ read: (String) -> T?) throws -> T {
                if let given, !given.isEmpty {
                    guard let v = read(given) else { throw AppError.usage(Messages.t("init.bad", prompt, given)) }
                    return v
                }
                guard interactive else {
                    if let fallback, let v = read(fallback) { return v }
                    throw AppError.usage(Messages.t("init.needed", prompt))
                }
                for _ in 0..<3 {
                    printErr(fallback.map { "\(prompt) [\($0.isEmpty ? Messages.t("init.none") : $0)]: " } ?? "\(prompt): ")
                    guard let line = readLine() else { break }
                    let answer = line.trimmingCharacters(in: .whitespaces)
                    if let v = read(answer.isEmpty ? (fallback ?? "") : answer), !(answer.isEmpty && fallback == nil) { return v }
                    printErr(Messages.t("init.again", answer) + "\n")
                }
                throw AppError.usage(Messages.t("init.needed", prompt))
            }
            let text = { (s: String) -> String? in s.isEmpty ? nil : s }
            let seen = try statement.map { try StatementFacts.read($0, interactive: interactive) }
            if let seen { printErr(seen.said + "\n") }
            let groupName = try ask(Messages.t("init.prompt.name"), name, text)
            let bankName = try ask(Messages.t("init.prompt.bank"), bank, fallback: seen?.bank, text)
            let number = try ask(Messages.t("init.prompt.account"), account, fallback: seen?.account) { $0.filter(\.isASCIIDigit).count >= 6 ? $0 : nil }
            // A bank or number Hoebi cannot vouch for is said now, while the treasurer is here.
            for w in BankCheck.warnings(bank: bankName, number: number) {
                printErr(Messages.t("warning", w) + "\n")
            }
            let holder = try ask(Messages.t("init.prompt.holder"), self.holder, fallback: "") { Optional($0) }
            let dues: Won = try ask(Messages.t("init.prompt.amount"), amount) { t -> Won? in
                if case .won(let w) = Money.parseTyped(t), w > 0 { return w }
                return nil
            }
            guard let c = Cycle(config: cycle) else { throw AppError.usage(Messages.t("init.badCycle", cycle)) }
            let now = (seen?.firstDeposit?.period ?? SeoulTime.now.period).within(c)
            // When dues started decides which old deposits pay which period: asked, never assumed.
            let start: Period = try ask(Messages.t("init.prompt.from"), from, fallback: now.description) { t in
                // `2026-03`, or as people say it: `3월`, `26년 3월`, `2026년 1분기`.
                if let p = Period(t) { return p.within(c) }
                let said = PeriodHints.parse(t).periods(at: .now)
                guard said.count == 1 else { return nil }
                // A start is in the past: 3월 said in December is this year's March.
                let p = said[0] > SeoulTime.now.period ? Period(cycle: said[0].cycle, containingMonth: said[0].startMonth - 12) : said[0]
                return p.within(c)
            }
            let day: Int = try ask(Messages.t("init.prompt.dueDay"), dueDay.map(String.init), fallback: "10") {
                Int($0).flatMap { (1...31).contains($0) ? $0 : nil }
            }
            var names = member
            if names.isEmpty && interactive {
                printErr(Messages.t("init.prompt.members") + "\n")
                while let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty { names.append(line.trimmingCharacters(in: .whitespaces)) }
            }
            let treasurerName = try ask(Messages.t("init.prompt.treasurer"), treasurer, fallback: "") { t -> String? in
                t.isEmpty || names.contains(Normalise.nfc(t)) ? t : nil
            }
            let members: [[String: Any]] = names.enumerated().map { ["id": "m\($0.offset + 1)", "name": $0.element] }
            let treasurerID = names.firstIndex(of: Normalise.nfc(treasurerName)).map { "m\($0 + 1)" }
            let object: [String: Any] = [
                "database": "hoebi.sqlite",
                "groups": [
                    [
                        "id": id, "name": groupName,
                        "account": ["bank": bankName, "number": number].merging(holder.isEmpty ? [:] : ["holder": holder]) { a, _ in a },
                        "dues": ["cycle": c.rawValue, "dueDay": day, "schedule": [["from": start.description, "amount": dues]]],
                        "members": members
                    ].merging(treasurerID.map { ["treasurer": $0] } ?? [:]) { a, _ in a } as [String: Any]
                ]
            ]
            try ConfigFile(url: url, object: object).save(backup: false)
            printOut(Messages.t("init.wrote", url.path, groupName, names.count, dues.grouped, Messages.language == .ko ? c.korean : c.rawValue, start) + "\n")
            printOut(Messages.t("init.next") + "\n")
        }
    }
}

/// What a statement given to `init --statement` says about the account: its bank (by the
/// layout that read it), its number, and the month its deposits begin, offered as the answers.
struct StatementFacts {
    var bank: String?
    var account: String?
    var firstDeposit: SeoulTime?
    var said: String

    static func read(_ path: String, interactive: Bool) throws -> StatementFacts {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ExitCodeError.notFound(path) }
        let name = url.lastPathComponent
        let ask: @Sendable () throws -> String = {
            guard let p = getpass(Messages.t("password.prompt", name)) else { throw AppError.usage(Messages.t("error.noPassword")) }
            return String(cString: p)
        }
        let password = interactive ? ask : nil
        var first: SeoulTime?
        let summary = try StatementReader(file: url, account: "init", password: password).read { t in
            if t.direction == .deposit, first.map({ t.time < $0 }) ?? true { first = t.time }
        }
        // A bank's own layout names the bank; the general readers ("auto", "csv") do not.
        let bank = StatementLayout.named(summary.layout).flatMap { ["auto", "csv"].contains($0.name) ? nil : $0.name }
        // A masked number (3333-01-*****67, as banks print it) is said but never offered as the account.
        let whole = summary.fileAccount.flatMap { $0.contains("*") || $0.filter(\.isASCIIDigit).count < 6 ? nil : $0 }
        var facts = StatementFacts(bank: bank, account: whole, firstDeposit: first, said: "")
        facts.said = Messages.t(
            "init.fromStatement", name, bank.map { Account(bank: $0, number: "").bankName } ?? "-", summary.fileAccount ?? "-",
            first.map { String($0.iso8601.prefix(10)) } ?? "-")
        return facts
    }
}
