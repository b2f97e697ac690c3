import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
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
