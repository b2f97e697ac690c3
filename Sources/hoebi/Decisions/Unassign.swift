import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("unassign"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t42.")) var transaction: String
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let effect = try Ledger(store: ws.store).decide(group, transaction: transaction, .unassign, by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}
