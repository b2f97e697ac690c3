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
        @Argument(help: h("Transaction id, e.g. t77.")) var transaction: String
        @Argument(help: h("Member id, or the member's name when no one else has it.")) var member: String
        @Option(help: h("Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.")) var periods: String?
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let list = try parsePeriods(periods)
            let target = try group.resolveMember(member)
            let effect = try Ledger(store: ws.store).decide(
                group, transaction: transaction, .assign(member: target.id, periods: list),
                by: decision.by, only: only, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}
