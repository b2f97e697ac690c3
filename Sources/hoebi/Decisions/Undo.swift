import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("undo"),
            discussion: tr("Run it again to take back the one before. `hoebi runs` lists decisions (d…)."))
        @OptionGroup var common: Common
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            if decision.dryRun {
                guard let p = try Ledger(store: ws.store).previewUndo(group) else {
                    printOut(Messages.t("undo.none") + "\n")
                    return
                }
                printOut(
                    Messages.t("undo.would", p.plan.decision, p.plan.transaction, p.plan.action.rawValue + (p.plan.member.map { " " + $0 } ?? "")) + "\n")
                if let text = p.plan.ruleText {
                    printOut(
                        (p.plan.ruleRestored.map { Messages.t("undo.rule.wouldBack", text, $0.shown(group.displayNames())) }
                            ?? Messages.t("undo.rule.wouldRemove", text)) + "\n")
                }
                printChanges(p.changes, group)
                printOut(Messages.t("decision.dryrun") + "\n")
                return
            }
            guard let r = try Ledger(store: ws.store).undo(group, by: decision.by) else {
                printOut(Messages.t("undo.none") + "\n")
                return
            }
            printOut(
                Messages.t("undo.done", r.undone.decision, r.undone.transaction, r.undone.action.rawValue + (r.undone.member.map { " " + $0 } ?? "")) + "\n"
            )
            if let text = r.undone.ruleText {
                printOut(
                    (r.undone.ruleRestored.map { Messages.t("undo.rule.back", text, $0.shown(group.displayNames())) }
                        ?? Messages.t("undo.rule.removed", text)) + "\n")
            }
            printChanges(r.changes, group)
            printOut(Messages.t("still.review", r.match.review) + "\n")
        }
    }
}
