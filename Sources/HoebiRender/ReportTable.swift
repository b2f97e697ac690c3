import Foundation
import HoebiCore

/// The report for a terminal: one line per member, one column per period, Hangul-aligned.
public enum ReportTable {
    static func symbol(_ c: Report.Cell) -> String { c.label }

    /// `width`: the terminal's columns. The oldest periods are left out until the table fits (a
    /// line the terminal wraps breaks inside a syllable); the table says which and how to see them.
    public static func render(_ r: Report, width: Int? = nil) -> String {
        let allHeaders =
            ["회원"] + r.periods.map(\.shortLabel)
            + ["낼 돈", "낸 돈", "미납액"]
        let allMembers: [[String]] = r.members.map { m in
            [m.name + (m.cycle.map { " (\($0.korean)납)" } ?? "")] + m.cells.map(symbol) + [m.expected.grouped, m.collected.grouped, m.outstanding.grouped]
        }
        // Per period: how many paid of those owing, money collected, money still owed.
        let allFooter: [[String]] = [
            ["완납/대상"] + r.totals.map { "\($0.paidCount)/\($0.paidCount + $0.owingCount)" }
                + [r.expected.grouped, r.collected.grouped, r.outstanding.grouped],
            ["낸 돈"] + r.totals.map { $0.collected.grouped } + ["", "", ""],
            ["미납액"] + r.totals.map { $0.outstanding.grouped } + ["", "", ""]
        ]
        var fullWidths = allHeaders.map(DisplayWidth.of)
        for row in allMembers + allFooter { for (i, c) in row.enumerated() { fullWidths[i] = max(fullWidths[i], DisplayWidth.of(c)) } }
        // Columns kept: the name, the newest periods that fit, the three totals.
        var dropped = 0
        if let width {
            func total(_ drop: Int) -> Int {
                let kept = [fullWidths[0]] + fullWidths[(1 + drop)...]
                return kept.reduce(0, +) + 2 * (kept.count - 1)
            }
            while dropped < r.periods.count - 1 && total(dropped) > width { dropped += 1 }
        }
        func keep<T>(_ row: [T]) -> [T] { [row[0]] + row[(1 + dropped)...] }
        let widths = keep(fullWidths)
        let headers = keep(allHeaders), members = allMembers.map { keep($0) }, footer = allFooter.map { keep($0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 ? DisplayWidth.padRight(c, to: widths[i]) : DisplayWidth.padLeft(c, to: widths[i])
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var out = "\(r.group.name) (\(r.group.id)) · \(r.periods.first.map(\.description) ?? "")…\(r.periods.last.map(\.description) ?? "")"
        if let a = r.asOf { out += " · \(String(a.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")) 기준" }
        out += "\n"
        if dropped > 0 {
            out +=
                "(화면 폭에 맞춰 앞의 \(dropped)개 기간 \(r.periods[0])…\(r.periods[dropped - 1]) 생략: --wide 또는 --from으로 보기 · \(dropped) earlier period(s) left out to fit; --wide shows all)\n"
        }
        out += line(headers) + "\n" + rule
        for row in members { out += line(row) + "\n" }
        out += rule
        for row in footer { out += line(row) + "\n" }
        out += "\n"
        out += "거래 \(r.transactions)건 · 잔액 \(r.balance.map { $0.grouped + "원" } ?? "알 수 없음")"
        out += " · 확인 필요 \(r.review.count)건 (\(r.unallocated.grouped)원) · 회비 아님 \(r.other.count)건\n"
        let credits = r.members.filter { $0.credit > 0 }
        if !credits.isEmpty {
            out += "선납/초과 입금: " + credits.map { "\($0.name) \($0.credit.grouped)원" }.joined(separator: ", ") + "\n"
        }
        if !r.review.isEmpty {
            out += "\n확인이 필요한 입금 (hoebi assign / hoebi ignore):\n"
            for d in r.review.prefix(20) { out += ReviewList.line(d, names: r.group.displayNames()) + "\n" }
            if r.review.count > 20 { out += "  … \(r.review.count - 20)건 더 (hoebi review)\n" }
        }
        return out
    }
}

/// Deposits waiting for the treasurer, one per line.
public enum ReviewList {
    /// `names`: member ids to the names people see; a suggestion reads "홍길동 (hong)".
    public static func line(_ d: Report.DepositLine, names: [String: String] = [:]) -> String {
        let date = String(d.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")
        var s =
            "  " + DisplayWidth.padRight("t\(d.id)", to: 8) + date + "  " + DisplayWidth.padLeft(d.amount.grouped, to: 10)
            + "  " + DisplayWidth.padRight(d.text, to: 20) + "  " + Messages.show(d.reason ?? "")
        if let sug = d.suggestion {
            let shown = sug.components(separatedBy: ", ").map { id in names[id].map { "\($0) (\(id))" } ?? id }.joined(separator: ", ")
            s += Messages.t("explain.maybe", shown)
        }
        return s
    }

    public static func render(_ lines: [Report.DepositLine], names: [String: String] = [:]) -> String {
        if lines.isEmpty { return Messages.t("review.none") + "\n" }
        return Messages.t("review.count", lines.count) + "\n" + lines.map { line($0, names: names) }.joined(separator: "\n") + "\n"
    }
}
