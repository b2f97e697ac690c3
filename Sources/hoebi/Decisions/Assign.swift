import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("assign"),
            discussion: Messages.help("assign.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction ids (t77, or several: t40 t64), then the member's id or name.")) var items: [String]
        @Option(help: h("Every deposit now in review whose text or memo contains these words.")) var matching: String?
        @Option(help: h("Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.")) var periods: String?
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            let list = try parsePeriods(periods)
            // A deposit and a member, or --matching and a member.
            guard let member = items.last, items.count >= 2 || matching != nil else { throw AppError.usage(Messages.t("error.assignWhom")) }
            let target = try group.resolveMember(member)
            let ledger = Ledger(store: ws.store)
            let found = if let matching { try await depositsInReview(matching: matching, ledger, group) } else { [String]() }
            let ids = Array(items.dropLast()) + found
            guard !ids.isEmpty else { throw AppError.usage(Messages.t("error.noTransactions")) }
            let action = Ledger.Action.assign(member: target.id, periods: list)
            if ids.count == 1 {
                printEffect(try await ledger.decide(group, transaction: ids[0], action, by: decision.by, only: only, dryRun: decision.dryRun), group: group)
            } else {
                printBatch(try await ledger.decide(group, transactions: ids, action, by: decision.by, only: only, dryRun: decision.dryRun), group: group)
            }
        }
    }
}
