import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Ignore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("ignore"),
            discussion: tr("The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given."))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t80.")) var transaction: String
        @Option(help: h("Why it is not dues (shown in the report).")) var reason: String
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let effect = try Ledger(store: ws.store).decide(
                group, transaction: transaction, .ignore(reason: reason), by: decision.by, only: only, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}
