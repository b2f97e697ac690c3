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
    switch e.rule {
    case .none: break
    case .learned(let text, let rule):
        printOut(Messages.t("rule.learned", text, ruleWords(rule, group)) + "\n")
    case .notLearned(let text, let why):
        printOut(Messages.t("rule.notLearned", text, why) + "\n")
    case .removed(let text, let rule):
        printOut(Messages.t("rule.removed", text, rule.shown(names)) + "\n")
    }
    if e.changes.isEmpty {
        printOut(Messages.t("changes.none") + "\n")
    } else {
        printOut(Messages.t("changes.count", e.changes.count) + "\n")
        for c in e.changes.prefix(50) { printOut("  " + line(c.id, c.time, c.amount, c.text) + "  \(c.from.shown(names)) → \(c.to.shown(names))\n") }
        if e.changes.count > 50 { printOut(Messages.t("more", e.changes.count - 50) + "\n") }
    }
    if let m = e.match { printOut(Messages.t("still.review", m.review) + "\n") }
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
        let line: String?
        switch e.rule {
        case .none: line = nil
        case .learned(let text, let rule): line = Messages.t("rule.learned", text, ruleWords(rule, group))
        case .notLearned(let text, let why): line = Messages.t("rule.notLearned", text, why)
        case .removed(let text, let rule): line = Messages.t("rule.removed", text, rule.shown(names))
        }
        if let line, said.insert(line).inserted { printOut(line + "\n") }
    }
    if b.changes.isEmpty {
        printOut(Messages.t("changes.none") + "\n")
    } else {
        printOut(Messages.t("changes.count", b.changes.count) + "\n")
        for c in b.changes.prefix(50) { printOut("  " + depositLine(c.id, c.time, c.amount, c.text) + "  \(c.from.shown(names)) → \(c.to.shown(names))\n") }
        if b.changes.count > 50 { printOut(Messages.t("more", b.changes.count - 50) + "\n") }
    }
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
