import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Revert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("revert"),
            discussion: tr("The run stays in `hoebi runs`, marked reverted with who and when. Example: hoebi revert r12"))
        @OptionGroup var common: Common
        @Argument(help: h("Run id from `hoebi runs`, e.g. r12.")) var runID: String
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            if decision.dryRun {
                let p = try await Ledger(store: ws.store).previewRevert(group, run: runID)
                printOut(
                    Messages.t("revert.would", p.plan.run, p.plan.removing.count, p.plan.kept)
                        + (p.plan.decisionsDropped > 0 ? Messages.t("revert.wouldDrop", p.plan.decisionsDropped) : "") + "\n")
                printChanges(p.changes, group)
                printOut(Messages.t("decision.dryrun") + "\n")
                return
            }
            let r = try await Ledger(store: ws.store).revert(group, run: runID, by: decision.by)
            printOut(
                Messages.t("revert.done", r.reverted.run, r.reverted.removed, r.reverted.kept)
                    + (r.reverted.decisionsDropped > 0 ? Messages.t("revert.dropped", r.reverted.decisionsDropped) : "") + "\n")
            printChanges(r.changes, group)
            printOut(Messages.t("still.review", r.match.review) + "\n")
        }
    }
}
