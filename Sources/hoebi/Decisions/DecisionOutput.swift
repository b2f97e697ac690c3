import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

/// A learned rule as the command line lists it: a member by name and id ("홍길동 (hong)"), else
/// the catalogue's words (회비 아님, 직접 확인).
func ruleWords(_ rule: LearnedRule, _ group: Group) -> String {
    switch rule {
    case .member(let id): return (group.member(id)?.name).map { "\($0) (\(id))" } ?? id
    case .notDues: return Messages.t("rule.notDues")
    case .byHand: return Messages.t("rule.byHand")
    case .collective: return rule.shown(group.displayNames())
    }
}

/// A decision's effect: the deposit, what became of it, the rule on its text, every other change.
func printEffect(_ e: Ledger.DecisionEffect, group: Group) {
    let d = e.deposit
    let line = depositLine
    if e.match == nil { printOut(Messages.t("decision.dryrun") + "\n") }
    let names = group.displayNames()
    printOut(line(d.id, d.time, d.amount, d.text) + "  \(e.before.shown(names)) → \(e.after.shown(names))\n")
    if let r = ruleLine(e.rule, group) { printOut(r + "\n") }
    printOtherChanges(e.changes, names)
    if let m = e.match { printOut(Messages.t("still.review", m.review) + "\n") }
}

/// What a decision did to the rule on its deposit's text, in words; nil when nothing.
func ruleLine(_ rule: Ledger.RuleNote, _ group: Group) -> String? {
    switch rule {
    case .none: return nil
    case .learned(let text, let r): return Messages.t("rule.learned", text, ruleWords(r, group))
    case .notLearned(let text, let why): return Messages.t("rule.notLearned", text, why)
    case .removed(let text, let r): return Messages.t("rule.removed", text, r.shown(group.displayNames()))
    }
}

/// The other deposits a decision moves (the first fifty), or that none moves.
func printOtherChanges(_ changes: [Ledger.Change], _ names: [String: String]) {
    guard !changes.isEmpty else { return printOut(Messages.t("changes.none") + "\n") }
    printOut(Messages.t("changes.count", changes.count) + "\n")
    for c in changes.prefix(50) { printOut("  " + depositLine(c.id, c.time, c.amount, c.text) + "  \(c.from.shown(names)) → \(c.to.shown(names))\n") }
    if changes.count > 50 { printOut(Messages.t("more", changes.count - 50) + "\n") }
}

/// Several deposits decided as one change: each one, the rules, then what else moved.
func printBatch(_ b: Ledger.BatchEffect, group: Group) {
    let names = group.displayNames()
    if b.match == nil { printOut(Messages.t("decision.dryrun") + "\n") }
    printOut(Messages.t("batch.count", b.decided.count) + "\n")
    for e in b.decided {
        let d = e.deposit
        printOut("  " + depositLine(d.id, d.time, d.amount, d.text) + "  \(e.before.shown(names)) → \(e.after.shown(names))\n")
    }
    // One line per text: a batch of one club's meeting fees often shares a text.
    var said = Set<String>()
    for e in b.decided {
        if let line = ruleLine(e.rule, group), said.insert(line).inserted { printOut(line + "\n") }
    }
    printOtherChanges(b.changes, names)
    if let m = b.match {
        printOut(Messages.t("batch.undo", b.decided.count) + "\n")
        printOut(Messages.t("still.review", m.review) + "\n")
    }
}

/// One deposit in decision, undo and revert output: id, day, amount, text, lined up.
func depositLine(_ id: Int64, _ time: SeoulTime, _ amount: Won, _ text: String) -> String {
    DisplayWidth.padRight("t\(id)", to: 7) + String(time.iso8601.prefix(10)) + "  " + DisplayWidth.padLeft(amount.grouped, to: 10)
        + "  " + DisplayWidth.padRight("'\(text)'", to: 18)
}
