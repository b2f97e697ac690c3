import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("history"),
            discussion: tr("Example: hoebi history 홍길동   (a name works when no one else has it; --format json for scripts)"))
        @OptionGroup var common: Common
        @Argument(help: h("Member id or name.")) var member: String
        @OptionGroup var listing: ListFormat

        func run() throws {
            let (ws, group) = try common.open(.read)
            let m = try group.resolveMember(member)
            let lines = try ws.store.ledger(of: group, LedgerFilter(member: m.id, limit: 100_000))
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
                total = Money.saturatingAdd(total, mine.reduce(0) { Money.saturatingAdd($0, $1.amount) })
                let periods = mine.map { ($0.period?.description ?? "선납/초과") + (mine.count > 1 ? " \($0.amount.grouped)" : "") }.joined(separator: ", ")
                printOut(
                    DisplayWidth.padRight("t\(l.id)", to: 7) + String(l.time.iso8601.prefix(10)) + "  " + DisplayWidth.padLeft(l.amount.grouped, to: 10)
                        + "  " + DisplayWidth.padRight(l.text, to: 18) + "  " + periods + "\n")
            }
            printOut(Messages.t("history.total", total.grouped) + "\n")
        }
    }

    struct Transactions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("transactions"),
            discussion: tr("Example: hoebi transactions --from 2026-03-01 --to 2026-03-31 --text 홍길동   (--format json for scripts)"))
        @OptionGroup var common: Common
        @Option(help: h("First day, YYYY-MM-DD.")) var from: String?
        @Option(help: h("Last day, YYYY-MM-DD (included).")) var to: String?
        @Option(help: h("Part of the depositor text or memo.")) var text: String?
        @Option(help: h("Exact amount in won.")) var amount: Int64?
        @Option(help: h("Only deposits that paid this member (id or name).")) var member: String?
        @Option(help: h("At most this many rows.")) var limit: Int = 200
        @OptionGroup var listing: ListFormat

        func run() throws {
            let (ws, group) = try common.open(.read)
            func day(_ s: String?, _ flag: String) throws -> SeoulTime? {
                guard let s else { return nil }
                guard s.count == 10, let t = SeoulTime(parsing: s) else { throw AppError.usage(Messages.t("error.day", flag, s)) }
                return t
            }
            let filter = LedgerFilter(
                from: try day(from, "--from"), to: try day(to, "--to"), text: text, amount: amount,
                member: try member.map { try group.resolveMember($0).id }, limit: max(1, limit))
            let lines = try ws.store.ledger(of: group, filter)
            func outcome(_ l: LedgerLine) -> String {
                switch l.status {
                case "": return "출금"
                case "review": return "확인 필요: " + Messages.show(l.reason ?? "")
                case "other": return "회비 아님: " + Messages.show(l.reason ?? "")
                default: return l.paid.map { "\($0.member) \($0.period?.description ?? "credit")" }.joined(separator: ", ")
                }
            }
            if listing.json {
                try printDocument(JSONShapes.transactions(lines))
                return
            }
            if lines.isEmpty {
                printOut(Messages.t("transactions.none") + "\n")
                return
            }
            for l in lines {
                printOut(
                    DisplayWidth.padRight("t\(l.id)", to: 7) + String(l.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") + "  "
                        + DisplayWidth.padLeft((l.direction == "out" ? "-" : "") + l.amount.grouped, to: 11) + "  "
                        + DisplayWidth.padRight(l.text, to: 18) + "  " + outcome(l) + "\n")
            }
            if lines.count == filter.limit { printOut(Messages.t("transactions.limit", filter.limit) + "\n") }
        }
    }
}
