import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("assign"),
            discussion: Messages.help("assign.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction ids (t77, or several: t40 t64), then the member's id or name.")) var items: [String]
        @Option(help: h("Every deposit now in review whose text or memo contains these words.")) var matching: String?
        @Option(help: h("Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.")) var periods: String?
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let list = try parsePeriods(periods)
            // A deposit and a member, or --matching and a member.
            guard let member = items.last, items.count >= 2 || matching != nil else { throw AppError.usage(Messages.t("error.assignWhom")) }
            let target = try group.resolveMember(member)
            let ledger = Ledger(store: ws.store)
            let ids = Array(items.dropLast()) + (try matching.map { try depositsInReview(matching: $0, ledger, group) } ?? [])
            guard !ids.isEmpty else { throw AppError.usage(Messages.t("error.noTransactions")) }
            let action = Ledger.Action.assign(member: target.id, periods: list)
            if ids.count == 1 {
                printEffect(try ledger.decide(group, transaction: ids[0], action, by: decision.by, only: only, dryRun: decision.dryRun), group: group)
            } else {
                printBatch(try ledger.decide(group, transactions: ids, action, by: decision.by, only: only, dryRun: decision.dryRun), group: group)
            }
        }
    }
}
