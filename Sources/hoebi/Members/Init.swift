import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
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
        @Option(help: h("Dues per period in won.")) var amount: Int64?
        @Option(help: h("monthly, quarterly, half-yearly or yearly.")) var cycle: String = "monthly"
        @Option(help: h("Day of the month dues are due.")) var dueDay: Int = 10
        @Option(help: h("First period owed (default: this period).")) var from: String?
        @Option(help: h("A member's name; repeat for each.")) var member: [String] = []

        func run() throws {
            let url = ConfigFile.path(config)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw AppError.usage(Messages.t("error.exists", url.path))
            }
            let interactive = isatty(0) != 0
            func ask(_ prompt: String, _ given: String?) throws -> String {
                if let given, !given.isEmpty { return given }
                guard interactive else { throw AppError.usage(Messages.t("init.needed", prompt)) }
                printErr("\(prompt): ")
                guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw AppError.usage(Messages.t("init.needed", prompt))
                }
                return line.trimmingCharacters(in: .whitespaces)
            }
            let groupName = try ask(Messages.t("init.prompt.name"), name)
            let bankName = try ask(Messages.t("init.prompt.bank"), bank)
            let number = try ask(Messages.t("init.prompt.account"), account)
            guard let dues = try Int64(ask(Messages.t("init.prompt.amount"), amount.map(String.init))), dues > 0 else {
                throw AppError.usage(Messages.t("init.badAmount"))
            }
            var names = member
            if names.isEmpty && interactive {
                printErr(Messages.t("init.prompt.members") + "\n")
                while let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty { names.append(line.trimmingCharacters(in: .whitespaces)) }
            }
            guard let c = Cycle(config: cycle) else { throw AppError.usage(Messages.t("init.badCycle", cycle)) }
            let start = try period(from, "--from") ?? SeoulTime.now.period.within(c)
            let members: [[String: Any]] = names.enumerated().map { ["id": "m\($0.offset + 1)", "name": $0.element] }
            let object: [String: Any] = [
                "database": "hoebi.sqlite",
                "groups": [
                    [
                        "id": id, "name": groupName, "account": ["bank": bankName, "number": number],
                        "dues": ["cycle": c.rawValue, "dueDay": dueDay, "schedule": [["from": start.description, "amount": dues]]],
                        "members": members
                    ] as [String: Any]
                ]
            ]
            // A bank or number Hoebi cannot vouch for is said now, while the treasurer is here.
            for w in BankCheck.warnings(bank: bankName, number: number) { printErr(Messages.t("warning", w) + "\n") }
            try ConfigFile(url: url, object: object).save(backup: false)
            printOut(Messages.t("init.wrote", url.path, groupName, names.count, dues.grouped, c.rawValue, start) + "\n")
            printOut(Messages.t("init.next") + "\n")
        }
    }
}
