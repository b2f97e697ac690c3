import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Transactions: AsyncParsableCommand {
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

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            func day(_ s: String?, _ flag: String) throws -> SeoulTime? {
                guard let s else { return nil }
                guard s.count == 10, let t = SeoulTime(parsing: s) else { throw AppError.usage(Messages.t("error.day", flag, s)) }
                return t
            }
            let filter = LedgerFilter(
                from: try day(from, "--from"), to: try day(to, "--to"), text: text, amount: amount,
                member: try member.map { try group.resolveMember($0).id }, limit: max(1, limit))
            let lines = try await ws.store.ledger(of: group, filter)
            let shown = group.displayNames()
            func outcome(_ l: LedgerLine) -> String {
                switch l.status {
                case "": return Messages.t("txn.out")
                case "review": return Messages.t("txn.review", Messages.show(l.reason ?? ""))
                case "other": return Messages.t("txn.other", Messages.show(l.reason ?? ""))
                default:
                    // Members by name, as every human line (English keeps the ids).
                    return l.paid.map { p in
                        let who = Messages.language == .ko ? (shown[p.member] ?? p.member) : p.member
                        return "\(who) " + (p.period.map { Messages.language == .ko ? $0.label : $0.description } ?? Messages.t("txn.credit"))
                    }.joined(separator: ", ")
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
