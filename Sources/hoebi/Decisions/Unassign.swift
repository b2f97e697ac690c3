import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Unassign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("unassign"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t42.")) var transaction: String
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            let effect = try await Ledger(store: ws.store).decide(group, transaction: transaction, .unassign, by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}
