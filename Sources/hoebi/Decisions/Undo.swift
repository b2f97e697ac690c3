import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("undo"),
            discussion: tr("Run it again to take back the one before. `hoebi runs` lists decisions (d…)."))
        @OptionGroup var common: Common
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            if decision.dryRun {
                guard let p = try await Ledger(store: ws.store).previewUndo(group) else {
                    printOut(Messages.t("undo.none") + "\n")
                    return
                }
                printOut(
                    Messages.t("undo.would", p.plan.decision, p.plan.transaction, Self.words(p.plan.action, p.plan.member, group)) + "\n")
                if let text = p.plan.ruleText {
                    printOut(
                        (p.plan.ruleRestored.map { Messages.t("undo.rule.wouldBack", text, $0.shown(group.displayNames())) }
                            ?? Messages.t("undo.rule.wouldRemove", text)) + "\n")
                }
                if !p.plan.together.isEmpty {
                    printOut(
                        Messages.t("undo.together.would", p.plan.together.count, p.plan.together.map { "t\($0.transaction)" }.joined(separator: ", ")) + "\n")
                }
                printChanges(p.changes, group)
                printOut(Messages.t("decision.dryrun") + "\n")
                return
            }
            guard let r = try await Ledger(store: ws.store).undo(group, by: decision.by) else {
                printOut(Messages.t("undo.none") + "\n")
                return
            }
            printOut(
                Messages.t("undo.done", r.undone.decision, r.undone.transaction, Self.words(r.undone.action, r.undone.member, group)) + "\n"
            )
            if let text = r.undone.ruleText {
                printOut(
                    (r.undone.ruleRestored.map { Messages.t("undo.rule.back", text, $0.shown(group.displayNames())) }
                        ?? Messages.t("undo.rule.removed", text)) + "\n")
            }
            if !r.undone.together.isEmpty {
                printOut(Messages.t("undo.together", r.undone.together.count, r.undone.together.map { "t\($0.transaction)" }.joined(separator: ", ")) + "\n")
            }
            printChanges(r.changes, group)
            printOut(Messages.t("still.review", r.match.review) + "\n")
        }

        /// What the decision was, in the reader's words (English keeps the action and the id).
        static func words(_ action: DecisionAction, _ member: String?, _ group: Group) -> String {
            guard Messages.language == .ko else { return action.rawValue + (member.map { " " + $0 } ?? "") }
            let name = member.map { group.displayNames()[$0] ?? $0 } ?? ""
            switch action {
            case .assign: return Messages.t("undo.what.assign", name)
            case .ignore: return Messages.t("placement.notDues")
            case .review: return Messages.t("rule.byHand")
            case .clear: return Messages.t("run.what.withdrawn")
            }
        }
    }
}
