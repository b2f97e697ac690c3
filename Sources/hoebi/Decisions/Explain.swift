import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("explain"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t42.")) var transaction: String

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let id = try Ledger.transactionID(transaction)
            guard let t = try await ws.store.transaction(id) else { throw StoreError.unknownTransaction(transaction) }
            printOut(Messages.t("explain.head", t.id, t.time.iso8601, (t.direction == "in" ? "+" : "-") + t.amount.grouped, t.text, t.kind) + "\n")
            if t.direction == "in" {
                try await explainDeposit(t, id, ws, group)
            } else {
                printOut(Messages.t("explain.withdrawal") + "\n")
            }
            try? await Self.book(id, Ledger(store: ws.store), group)
        }

        func explainDeposit(_ t: StoredTransaction, _ id: Int64, _ ws: Workspace, _ group: Group) async throws {
            let outcome: Outcome? = t.status.map { status in
                switch status {
                case "allocated": return .allocated(member: t.member ?? "", method: MatchMethod(stored: t.method ?? ""))
                case "review": return .review(reason: t.reason ?? "", suggestion: t.suggestion)
                default: return .other(reason: t.reason ?? "")
                }
            }
            let input = try await ws.store.matchInput(of: group)
            let lines = await Explanation.lines(
                group: group, deposit: Deposit(id: t.id, time: t.time, amount: t.amount, text: t.text, kind: t.kind, memo: t.memo),
                learnedAliases: input.aliases, decision: input.decisions[id],
                outcome: outcome, allocations: try ws.store.allocations(of: id))
            for l in lines { printOut("  " + l + "\n") }
        }

        /// Where the row stands in the club's book: the event that counts it (and for whom), and
        /// its 결산 line with why.
        static func book(_ id: Int64, _ ledger: Ledger, _ group: Group) async throws {
            let names = group.displayNames()
            let books = try await ledger.eventBooks(group)
            for b in books {
                let e = b.event.name
                let who = b.payers[id].map { names[$0] ?? $0 } ?? ""
                if b.payments.contains(where: { $0.line.id == id }) {
                    printOut("  " + Messages.t("explain.event.paid", e, who) + "\n")
                } else if b.refunds.contains(where: { $0.line.id == id }) {
                    printOut("  " + Messages.t("explain.event.refund", e, who) + "\n")
                } else if b.unmatched.contains(where: { $0.line.id == id }) {
                    printOut("  " + Messages.t("explain.event.unmatched", e, id) + "\n")
                } else if b.questions.contains(where: { $0.line.id == id }) {
                    printOut("  " + Messages.t("explain.event.question", e) + "\n")
                } else if b.spending.contains(where: { $0.line.id == id }) {
                    printOut("  " + Messages.t("explain.event.spent", e) + "\n")
                }
            }
            guard let row = try await ledger.bookRows(group).first(where: { $0.line.id == id && !$0.inReview }) else { return }
            let line = ledger.line(of: row, try await ledger.categories(group, books: books))
            printOut(
                "  "
                    + Messages.t(
                        "explain.line", line.map { $0.line.name(spending: !row.incoming) } ?? Messages.t("closing.unsorted"),
                        line.map { Hoebi.CategoryCommand.source($0.source) } ?? Messages.t("explain.line.none", id)) + "\n")
        }
    }
}
