import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// `hoebi collect`: one deposit that pays several members' dues (일괄 납부).
    struct Collect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("collect"),
            discussion: Messages.help("collect.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t77.")) var transaction: String
        @Option(help: h("Comma-separated members it pays for (ids or names); default: every member who still owes."))
        var members: String?
        @Option(help: h("Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules."))
        var periods: String?
        @Option(help: h("What money left over is (other income, e.g. 찬조); without it the amounts must add up."))
        var rest: String?
        @Flag(help: h("Every deposit with this text is such a payment, for its own month (a payroll forward)."))
        var everyMonth = false
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            let list = try members.map { try $0.split(separator: ",").map { try group.resolveMember($0.trimmingCharacters(in: .whitespaces)).id } }
            let effect = try await Ledger(store: ws.store).decide(
                group, transaction: transaction,
                .collect(members: list, periods: try parsePeriods(periods), rest: rest.map(Normalise.nfc), everyMonth: everyMonth),
                by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }

    /// `hoebi split`: one deposit in parts, dues and other money.
    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("split"),
            discussion: Messages.help("split.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t77.")) var transaction: String
        @Option(help: h("A dues part: MEMBER:AMOUNT or MEMBER:AMOUNT:PERIODS (kim:20000:2026-08); repeat for more."))
        var dues: [String] = []
        @Option(help: h("Another part: LABEL:AMOUNT (뒷풀이:15000); repeat for more.")) var other: [String] = []
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            var parts: [DepositPart] = []
            for d in dues {
                let f = d.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard f.count == 2 || f.count == 3, case .won(let amount) = Money.parse(f[1]), amount > 0 else {
                    throw AppError.usage(Messages.t("error.part", "--dues", d, "kim:20000:2026-08"))
                }
                let m = try group.resolveMember(f[0])
                parts.append(DepositPart(member: m.id, periods: try parsePeriods(f.count == 3 ? f[2] : nil), amount: amount))
            }
            for o in other {
                let f = o.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard f.count == 2, !f[0].isEmpty, case .won(let amount) = Money.parse(f[1]), amount > 0 else {
                    throw AppError.usage(Messages.t("error.part", "--other", o, "뒷풀이:15000"))
                }
                parts.append(DepositPart(member: nil, amount: amount, label: Normalise.nfc(f[0])))
            }
            guard !parts.isEmpty else { throw AppError.usage(Messages.t("error.noParts")) }
            let effect = try await Ledger(store: ws.store).decide(
                group, transaction: transaction, .split(parts: parts), by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}

/// The periods of an option ("2026-03,2026-04"), each checked (`Period.list`).
func parsePeriods(_ text: String?) throws -> [Period] {
    switch Period.list(text) {
    case .success(let periods): return periods
    case .failure(let bad): throw AppError.usage(Messages.t("error.period", "--periods", bad.text))
    }
}
