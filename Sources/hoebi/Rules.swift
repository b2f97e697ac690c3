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

    struct Aliases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("aliases"),
            discussion: tr("Rules: a member id (assign), 'not dues' (ignore), 'by hand' (unassign). Removing one re-matches the group."))
        @OptionGroup var common: Common
        @Option(help: h("Remove the learned rule for this depositor text.")) var remove: String?
        @OptionGroup var listing: ListFormat

        func run() throws {
            let (ws, group) = try common.open(remove == nil ? .read : .write)
            if let remove {
                guard try ws.store.removeRule(group: group, text: remove) else {
                    throw AppError.usage(Messages.t("error.noRule", remove))
                }
                let s = try Ledger(store: ws.store).rematch(group)
                printOut(Messages.t("aliases.removed", remove, s.review) + "\n")
                return
            }
            let rules = try ws.store.rules(of: group)
            if listing.json {
                let doc = rules.map { ["text": $0.text, "rule": $0.rule.stored, "source": $0.source, "createdAt": $0.createdAt, "createdBy": $0.createdBy] }
                try printJSON(doc)
                return
            }
            if rules.isEmpty {
                printOut(Messages.t("aliases.none") + "\n")
                return
            }
            let width = rules.map { DisplayWidth.of($0.text) }.max() ?? 0
            for r in rules {
                printOut(
                    DisplayWidth.padRight(r.text, to: width) + "  → " + DisplayWidth.padRight(ruleWords(r.rule, group), to: 16)
                        + "  \(r.source)\(r.createdBy.isEmpty ? "" : " by \(r.createdBy)") \(r.createdAt.prefix(10))\n")
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("explain"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t42.")) var transaction: String

        func run() throws {
            let (ws, group) = try common.open(.read)
            let id = try Ledger.transactionID(transaction)
            guard let t = try ws.store.transaction(id) else { throw StoreError.unknownTransaction(transaction) }
            printOut(Messages.t("explain.head", t.id, t.time.iso8601, (t.direction == "in" ? "+" : "-") + t.amount.grouped, t.text, t.kind) + "\n")
            guard t.direction == "in" else {
                printOut(Messages.t("explain.withdrawal") + "\n")
                return
            }
            let outcome: Outcome? = t.status.map { status in
                switch status {
                case "allocated": return .allocated(member: t.member ?? "", method: MatchMethod(stored: t.method ?? ""))
                case "review": return .review(reason: t.reason ?? "", suggestion: t.suggestion)
                default: return .other(reason: t.reason ?? "")
                }
            }
            let lines = Explanation.lines(
                group: group, deposit: Deposit(id: t.id, time: t.time, amount: t.amount, text: t.text, kind: t.kind, memo: t.memo),
                learnedAliases: try ws.store.aliases(of: group), decision: try ws.store.decisions(of: group)[id],
                outcome: outcome, allocations: try ws.store.allocations(of: id))
            for l in lines { printOut("  " + l + "\n") }
        }
    }
}

/// A learned rule as the command line lists it: a member by name and id ("홍길동 (hong)"), else
/// the catalogue's words (회비 아님, 직접 확인).
func ruleWords(_ rule: LearnedRule, _ group: Group) -> String {
    switch rule {
    case .member(let id): return (group.member(id)?.name).map { "\($0) (\(id))" } ?? id
    case .notDues: return Messages.t("rule.notDues")
    case .byHand: return Messages.t("rule.byHand")
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

/// One deposit in decision, undo and revert output: id, day, amount, text, lined up.
func depositLine(_ id: Int64, _ time: SeoulTime, _ amount: Won, _ text: String) -> String {
    DisplayWidth.padRight("t\(id)", to: 7) + String(time.iso8601.prefix(10)) + "  " + DisplayWidth.padLeft(amount.grouped, to: 10)
        + "  " + DisplayWidth.padRight("'\(text)'", to: 18)
}
