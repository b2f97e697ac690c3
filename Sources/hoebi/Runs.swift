import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("runs"),
            discussion: tr("Take one back with `hoebi revert r12` (an import or sync) or `hoebi undo` (the last decision)."))
        @OptionGroup var common: Common
        @Option(help: h("How many to list.")) var limit: Int = 30
        @OptionGroup var listing: ListFormat

        func run() throws {
            let (ws, group) = try common.open(.read)
            let runs = try ws.store.runs(of: group, limit: limit)
            if listing.json {
                try printDocument(JSONShapes.runs(runs))
                return
            }
            if runs.isEmpty {
                printOut(Messages.t("runs.none") + "\n")
                return
            }
            for r in runs {
                printOut(
                    DisplayWidth.padRight(r.id, to: 6) + String(r.at.prefix(16)).replacingOccurrences(of: "T", with: " ") + "  "
                        + DisplayWidth.padRight(r.kind.rawValue, to: 9) + DisplayWidth.padRight(r.status.description, to: 10) + " " + r.what
                        + (r.by.isEmpty ? "" : "  (\(r.by))") + "\n")
            }
        }
    }

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

    struct Revert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("revert"),
            discussion: tr("The run stays in `hoebi runs`, marked reverted with who and when. Example: hoebi revert r12"))
        @OptionGroup var common: Common
        @Argument(help: h("Run id from `hoebi runs`, e.g. r12.")) var runID: String
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            if decision.dryRun {
                let p = try Ledger(store: ws.store).previewRevert(group, run: runID)
                printOut(
                    Messages.t("revert.would", p.plan.run, p.plan.removing.count, p.plan.kept)
                        + (p.plan.decisionsDropped > 0 ? Messages.t("revert.wouldDrop", p.plan.decisionsDropped) : "") + "\n")
                printChanges(p.changes, group)
                printOut(Messages.t("decision.dryrun") + "\n")
                return
            }
            let r = try Ledger(store: ws.store).revert(group, run: runID, by: decision.by)
            printOut(
                Messages.t("revert.done", r.reverted.run, r.reverted.removed, r.reverted.kept)
                    + (r.reverted.decisionsDropped > 0 ? Messages.t("revert.dropped", r.reverted.decisionsDropped) : "") + "\n")
            printChanges(r.changes, group)
            printOut(Messages.t("still.review", r.match.review) + "\n")
        }
    }
}

func printChanges(_ changes: [Ledger.Change], _ group: Group) {
    let names = group.displayNames()
    if changes.isEmpty {
        printOut(Messages.t("changes.nothing") + "\n")
        return
    }
    printOut(Messages.t("changes.list", changes.count) + "\n")
    for c in changes.prefix(50) {
        printOut("  " + depositLine(c.id, c.time, c.amount, c.text) + "  \(c.from.shown(names)) → \(c.to.shown(names))\n")
    }
    if changes.count > 50 { printOut(Messages.t("more", changes.count - 50) + "\n") }
}
