import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("clear"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id.")) var transaction: String
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            let effect = try await Ledger(store: ws.store).decide(group, transaction: transaction, .clear, by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }
}
