import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("history"),
            discussion: tr("Example: hoebi history 홍길동   (a name works when no one else has it; --format json for scripts)"))
        @OptionGroup var common: Common
        @Argument(help: h("Member id or name.")) var member: String
        @OptionGroup var listing: ListFormat

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let m = try group.resolveMember(member)
            let lines = try await ws.store.ledger(of: group, LedgerFilter(member: m.id, limit: 100_000))
            let shown = group.displayNames()[m.id] ?? m.name
            if listing.json {
                let doc: [String: Any] = [
                    "member": m.id, "name": shown,
                    "deposits": lines.map { l in
                        [
                            "id": "t\(l.id)", "date": l.time.iso8601, "amount": l.amount, "text": l.text,
                            "paid": l.paid.filter { $0.member == m.id }.map {
                                ["period": $0.period?.description ?? "credit", "amount": $0.amount] as [String: Any]
                            }
                        ] as [String: Any]
                    }
                ]
                try printJSON(doc)
                return
            }
            printOut(Messages.t("history.title", shown, m.id, lines.count) + "\n")
            if lines.isEmpty {
                printOut(Messages.t("history.none") + "\n")
                return
            }
            var total: Won = 0
            for l in lines {
                let mine = l.paid.filter { $0.member == m.id }
                let share = mine.reduce(0) { Money.saturatingAdd($0, $1.amount) }
                total = Money.saturatingAdd(total, share)
                // A deposit paying others too (a collective payment, a split): the member's part, said.
                let partly = share != l.amount
                var periods = mine.map { ($0.period?.description ?? "선납/초과") + (mine.count > 1 || partly ? " \($0.amount.grouped)" : "") }.joined(
                    separator: ", ")
                if partly { periods += Messages.t("history.share", l.amount.grouped) }
                printOut(
                    DisplayWidth.padRight("t\(l.id)", to: 7) + String(l.time.iso8601.prefix(10)) + "  " + DisplayWidth.padLeft(l.amount.grouped, to: 10)
                        + "  " + DisplayWidth.padRight(l.text, to: 18) + "  " + periods + "\n")
            }
            printOut(Messages.t("history.total", total.grouped) + "\n")
        }
    }
}
