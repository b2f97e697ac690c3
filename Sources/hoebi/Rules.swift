import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore

extension Hoebi {
    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say an automatic match was wrong: the deposit, and its text from now on, is decided by hand.")
        @OptionGroup var common: Common
        @Argument(help: "Transaction id, e.g. t42.") var transaction: String
        @Option(help: "Who decided.") var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                let (id, s) = try Ledger(store: ws.store).decide(group, transaction: transaction, .unassign, by: by)
                printOut("t\(id) un-assigned; its text now always goes to review. \(s.review) deposit(s) to review\n")
            }
        }
    }

    struct Aliases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rules decisions left on depositor texts (and the configured aliases); remove one.",
            discussion: "Rules: a member id (assign), 'not dues' (ignore), 'by hand' (unassign). Removing one re-matches the group.")
        @OptionGroup var common: Common
        @Option(help: "Remove the learned rule for this depositor text.") var remove: String?
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open(remove == nil ? .read : .write)
                if let remove {
                    guard try ws.store.removeRule(group: group, text: remove) else {
                        throw AppError.usage("no learned rule for '\(remove)' (configured aliases are edited in the configuration)")
                    }
                    let s = try Ledger(store: ws.store).rematch(group)
                    printOut("rule for '\(remove)' removed; \(s.review) deposit(s) to review\n")
                    return
                }
                let rules = try ws.store.rules(of: group)
                func describe(_ r: TextRule) -> String {
                    r.rule == Allocator.ignoreRule ? "not dues" : r.rule == Allocator.reviewRule ? "by hand" : (group.member(r.rule).map { "\($0.name) (\(r.rule))" } ?? r.rule)
                }
                if format == .json {
                    let doc = rules.map { ["text": $0.text, "rule": $0.rule, "source": $0.source, "createdAt": $0.createdAt, "createdBy": $0.createdBy] }
                    printOut(String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n")
                    return
                }
                if rules.isEmpty { printOut("No rules yet: `hoebi assign`, `ignore` and `unassign` leave them.\n"); return }
                let width = rules.map { DisplayWidth.of($0.text) }.max() ?? 0
                for r in rules {
                    printOut(DisplayWidth.padRight(r.text, to: width) + "  → " + DisplayWidth.padRight(describe(r), to: 16)
                             + "  \(r.source)\(r.createdBy.isEmpty ? "" : " by \(r.createdBy)") \(r.createdAt.prefix(10))\n")
                }
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show why a deposit went where it did: text, name evidence, months, amounts, decision.")
        @OptionGroup var common: Common
        @Argument(help: "Transaction id, e.g. t42.") var transaction: String

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open(.read)
                let id = try Ledger.transactionID(transaction)
                guard let t = try ws.store.transaction(id) else { throw StoreError.unknownTransaction(transaction) }
                printOut("t\(t.id)  \(t.time.iso8601)  \(t.direction == "in" ? "+" : "-")\(t.amount.grouped) won  '\(t.text)'  \(t.kind)\n")
                guard t.direction == "in" else { printOut("a withdrawal: recorded, never matched\n"); return }
                let outcome: Outcome? = t.status.map { status in
                    switch status {
                    case "allocated": return .allocated(member: t.member ?? "", method: t.method ?? "")
                    case "review": return .review(reason: t.reason ?? "", suggestion: t.suggestion)
                    default: return .other(reason: t.reason ?? "")
                    }
                }
                let lines = Explanation.lines(group: group, deposit: Deposit(id: t.id, time: t.time, amount: t.amount, text: t.text, kind: t.kind, memo: t.memo),
                                              learnedAliases: try ws.store.aliases(of: group), decision: try ws.store.decisions(of: group)[id],
                                              outcome: outcome, allocations: try ws.store.allocations(of: id))
                for l in lines { printOut("  " + l + "\n") }
            }
        }
    }
}
