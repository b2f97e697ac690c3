import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiOffice
import HoebiRender
import HoebiWiring

extension Hoebi {
    /// The year-end statement (결산) for the annual meeting: 이월금, income and spending by kind,
    /// 차기 이월금 beside the bank's balance.
    struct ClosingCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "closing", abstract: Messages.help("closing"), discussion: tr("Example: hoebi closing --year 2026, or --from 2026-03 --to 2027-02"))
        @OptionGroup var common: Common
        @Option(help: h("The year (default: the last full year).")) var year: Int?
        @Option(help: h("First month (instead of --year; alone: the twelve months from it).")) var from: String?
        @Option(help: h("Last month (instead of --year; alone: the twelve months up to it).")) var to: String?
        @Option(help: h("text, chat (a short message for the group chat), csv, json, html (A4 portrait print) or xlsx (sums as formulas).")) var format:
            Layout = .text
        @Option(help: h("Write to this file (needed for xlsx).")) var output: String?
        @Flag(help: h("Mask members' names (홍*동).")) var mask = false

        enum Layout: String, ExpressibleByArgument, CaseIterable { case text, chat, csv, json, html, xlsx }

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let ledger = Ledger(store: ws.store)
            let (start, end) = try await window(ledger, group)
            let c = try await ledger.closing(group, from: start, to: end)
            if format == .xlsx {
                guard let output else { throw AppError.usage(Messages.t("closing.xlsxOutput")) }
                try XLSXWriter.write(sheets: ClosingDocument.workbook(c, group: group), to: URL(fileURLWithPath: output))
                return printOut(Messages.t("closing.written", output) + "\n")
            }
            if format == .html, let output {
                try Data(ClosingDocument.html(c, group: group, now: .now, mask: mask).utf8).write(to: URL(fileURLWithPath: output))
                return printOut(Messages.t("closing.written", output) + "\n")
            }
            switch format {
            case .xlsx: break
            case .html: printOut(ClosingDocument.html(c, group: group, now: .now, mask: mask))
            case .json: try printJSON(JSONShapes.closingObject(c))
            case .text: printOut(Self.lines(c, group).joined(separator: "\n") + "\n")
            case .chat: printOut(Self.chat(c, group))
            case .csv: printOut(Self.csv(c))
            }
        }

        /// `--from`/`--to` (either alone: twelve months from or up to it), or `--year`, or the last full year.
        func window(_ ledger: Ledger, _ group: Group) async throws -> (Period, Period) {
            let f = try period(from, "--from").map { Period(cycle: .monthly, containingMonth: $0.startMonth) }
            let t = try period(to, "--to").map { Period(cycle: .monthly, containingMonth: $0.endMonth) }
            if let year, year < 1900 || year > 9999 { throw AppError.usage(Messages.t("error.period", "--year", year)) }
            guard let range = try await ledger.closingRange(group, from: f, to: t, year: year) else {
                throw AppError.usage(Messages.t("error.fromAfterTo", f?.description ?? "", t?.description ?? ""))
            }
            return range
        }

        static func name(_ k: BookLine?, spending: Bool = false) -> String { k?.name(spending: spending) ?? Messages.t("closing.unsorted") }

        static func lines(_ c: Closing, _ g: Group) -> [String] {
            let won = { (w: Won?) in w.map { Messages.t("money.won", $0.grouped) } ?? Messages.t("closing.unknown") }
            var rows: [(String, String)] = [(Messages.t("closing.opening"), won(c.opening)), (Messages.t("closing.income"), won(c.income.total))]
            for (k, v) in c.income.ordered { rows.append(("  " + name(k), won(v))) }
            if c.checking > 0 { rows.append(("  " + Messages.t("closing.checking"), won(c.checking))) }
            rows.append((Messages.t("closing.spending"), won(c.spending.total)))
            for (k, v) in c.spending.ordered { rows.append(("  " + name(k, spending: true), won(v))) }
            rows.append((Messages.t("closing.closing"), won(c.closing)))
            let agree = c.closing != nil && c.closing == c.bankBalance
            rows.append(
                (
                    Messages.t("closing.bank"),
                    won(c.bankBalance) + (agree ? Messages.t("closing.agrees") : c.bankBalance == nil ? "" : Messages.t("closing.differs"))
                ))
            let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 10
            return [Messages.t("closing.title", g.name, c.from.label, c.to.label)]
                + rows.map { DisplayWidth.padRight($0.0, to: width) + "  " + DisplayWidth.padLeft($0.1, to: 14) } + gapLines(c) + [""] + duesLines(c)
                + eventLines(c)
        }

        /// Where the balances do not chain: the statement is not whole there.
        static func gapLines(_ c: Closing) -> [String] {
            c.gaps.prefix(10).map {
                Messages.t("closing.gap", "t\($0.before.id)", "t\($0.after.id)", $0.gap.map { Messages.t("money.won", $0.grouped) } ?? "?")
            }
        }

        /// 회비: what the months asked for against what was paid, and who still owes (미수금).
        static func duesLines(_ c: Closing) -> [String] {
            let rate = c.duesOwed > 0 ? Int(c.duesCollected * 100 / c.duesOwed) : 100
            var out = [Messages.t("closing.dues", c.duesOwed.grouped, c.duesCollected.grouped, rate)]
            if !c.arrears.isEmpty {
                out.append(
                    Messages.t(
                        "closing.arrears", c.arrears.count,
                        c.arrears.map { "\($0.member) \(Messages.t("money.won", $0.amount.grouped))" }.joined(separator: ", ")))
            }
            return out
        }

        static func eventLines(_ c: Closing) -> [String] {
            c.events.map { e in
                Messages.t(
                    "closing.event", e.name, "\(e.date.month)월 \(e.date.day)일", e.collected.grouped, e.spent.grouped, e.refunded.grouped,
                    (e.balance < 0 ? "−" : "") + Swift.abs(e.balance).grouped, e.attendees - e.owing, e.attendees)
            }
        }

        /// The lines of the statement, each a kind and its sum, in the order the text shows them.
        static func entries(_ c: Closing) -> [(side: String, kind: String, amount: Won?)] {
            var out: [(String, String, Won?)] = [(Messages.t("closing.opening"), "", c.opening)]
            for (k, v) in c.income.ordered { out.append((Messages.t("closing.income"), name(k), v)) }
            if c.checking > 0 { out.append((Messages.t("closing.income"), Messages.t("closing.checking"), c.checking)) }
            for (k, v) in c.spending.ordered { out.append((Messages.t("closing.spending"), name(k, spending: true), v)) }
            out.append((Messages.t("closing.closing"), "", c.closing))
            out.append((Messages.t("closing.bank"), "", c.bankBalance))
            return out
        }

        /// What a treasurer posts before the annual meeting: short, every sum, the bank's balance.
        static func chat(_ c: Closing, _ g: Group) -> String {
            let won = { (w: Won?) in w.map { $0.grouped + "원" } ?? Messages.t("closing.unknown") }
            let kinds = { (s: Closing.Side, spending: Bool) in
                s.ordered.sorted { $0.amount > $1.amount }.map { "\(name($0.line, spending: spending)) \($0.amount.grouped)" }.joined(separator: ", ")
            }
            var out =
                "📒 [\(g.name)] " + Messages.t("closing.title", g.name, c.from.label, c.to.label).components(separatedBy: " · ").dropFirst().joined() + " 결산\n"
            out += "\(Messages.t("closing.opening")): \(won(c.opening))\n"
            let checking = c.checking > 0 ? ", \(Messages.t("closing.checking")) \(c.checking.grouped)" : ""
            out += "\(Messages.t("closing.income")) \(won(c.income.total)) (\(kinds(c.income, false))\(checking))\n"
            out += "\(Messages.t("closing.spending")) \(won(c.spending.total)) (\(kinds(c.spending, true)))\n"
            out += "\(Messages.t("closing.closing")): \(won(c.closing))"
            if let b = c.bankBalance {
                out += " · \(Messages.t("closing.bank")) \(won(b))" + (c.closing == b ? Messages.t("closing.agrees") : Messages.t("closing.differs"))
            }
            if !c.arrears.isEmpty {
                out += "\n" + Messages.t("closing.arrearsChat", c.arrears.count, c.arrears.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }.grouped)
            }
            return out + "\n"
        }

        /// One row per line of the statement, amounts as plain numbers (Excel adds them up).
        static func csv(_ c: Closing) -> String {
            let quote = { (s: String) in s.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
            var out = "\u{FEFF}" + Messages.t("closing.csvHeader") + "\r\n"
            for e in entries(c) { out += "\(quote(e.side)),\(quote(e.kind)),\(e.amount.map(String.init) ?? "")\r\n" }
            return out
        }
    }
}
