import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("match"),
            discussion: tr("Deterministic: the same ledger, configuration and decisions always give the same result. Treasurer decisions are kept."))
        @OptionGroup var common: Common

        func run() async throws {
            let (ws, group) = try await common.open()
            let s = try await Ledger(store: ws.store).rematch(group, full: true)
            for w in s.warnings { printErr(Messages.t("warning", w) + "\n") }
            printOut(Messages.t("match.summary", s.deposits, s.allocated, s.review, s.other) + "\n")
        }
    }
}
