import HoebiCore

/// The report as CSV. `grid` (the default) is what a club opens in Excel: UTF-8 with a BOM (without
/// it Korean Excel reads the file as CP949 and garbles it), Korean headers and statuses, one row
/// per member and one column per period, as in the table. `long` is one line per member and period
/// with English field names, for scripts.
public enum ReportCSV {
    public enum Layout: String, Sendable, CaseIterable { case grid, long }

    public static func render(_ r: Report, layout: Layout = .grid) -> String {
        layout == .long ? long(r) : grid(r)
    }

    static func grid(_ r: Report) -> String {
        var out = "\u{FEFF}"
        out += (["회원", "아이디"] + r.periods.map(\.label) + ["낼 돈", "낸 돈", "미납액", "선납·초과"]).map(field).joined(separator: ",") + "\r\n"
        for m in r.members {
            let cells = m.cells.map { $0.status == .inactive ? "" : $0.label }
            out +=
                ([m.name, m.id] + cells + [String(m.expected), String(m.collected), String(m.outstanding), String(m.credit)])
                .map(field).joined(separator: ",") + "\r\n"
        }
        out +=
            (["낸 돈 합계", ""] + r.totals.map { String($0.collected) } + [String(r.expected), String(r.collected), String(r.outstanding), ""])
            .map(field).joined(separator: ",") + "\r\n"
        out += (["미납액 합계", ""] + r.totals.map { String($0.outstanding) } + ["", "", "", ""]).map(field).joined(separator: ",") + "\r\n"
        return out
    }

    static func long(_ r: Report) -> String {
        var out = "group,member_id,name,period,due,paid,status\n"
        for m in r.members {
            for (p, c) in zip(r.periods, m.cells) {
                out +=
                    [r.group.id, m.id, m.name, p.description, String(c.due), String(c.paid), c.status.rawValue]
                    .map(field).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func field(_ s: String) -> String {
        // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
        let risky = s.first.map { "=+-@".contains($0) } ?? false
        if risky { return "\"'" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
