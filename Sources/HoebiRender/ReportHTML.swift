import HoebiCore

/// A self-contained HTML page of the report (no scripts, no external files), to share or print.
public enum ReportHTML {
    public static func render(_ r: Report) -> String {
        func e(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let label: [Report.Status: String] = [.paid: "완납", .partial: "일부", .unpaid: "미납", .exempt: "면제", .inactive: "–", .paused: "휴회"]
        var h = """
        <!doctype html>
        <html lang="ko"><head><meta charset="utf-8"><title>\(e(r.group.name)) 회비 현황</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:center}
        td.num{text-align:right}.paid{background:#d9f2d9}.partial{background:#fff2cc}.unpaid{background:#f8d7da}.exempt{background:#e2e3e5}.inactive{color:#999}.paused{background:#e8e0f4}</style>
        </head><body>
        <h1>\(e(r.group.name)) 회비 현황</h1>
        <p>\(r.periods.first?.description ?? "") – \(r.periods.last?.description ?? "") · 거래 \(r.transactions)건 · 잔액 \(r.balance.map { $0.grouped + "원" } ?? "–")</p>
        <table><thead><tr><th>회원</th>
        """
        for p in r.periods { h += "<th>\(p)</th>" }
        h += "<th>낼 돈</th><th>낸 돈</th><th>미납액</th></tr></thead><tbody>\n"
        for m in r.members {
            h += "<tr><th>\(e(m.name))</th>"
            for c in m.cells {
                let title = c.due > 0 ? " title=\"\(c.paid.grouped) / \(c.due.grouped)원\"" : ""
                h += "<td class=\"\(c.status.rawValue)\"\(title)>\(label[c.status]!)</td>"
            }
            h += "<td class=\"num\">\(m.expected.grouped)</td><td class=\"num\">\(m.collected.grouped)</td><td class=\"num\">\(m.outstanding.grouped)</td></tr>\n"
        }
        h += "</tbody><tfoot><tr><th>합계</th>"
        for t in r.totals { h += "<td>\(t.collected.grouped)</td>" }
        h += "<td class=\"num\">\(r.expected.grouped)</td><td class=\"num\">\(r.collected.grouped)</td><td class=\"num\">\(r.outstanding.grouped)</td></tr></tfoot></table>\n"
        if !r.review.isEmpty {
            h += "<h2>확인이 필요한 입금</h2><ul>"
            for d in r.review { h += "<li>t\(d.id) \(e(d.time.iso8601)) \(d.amount.grouped)원 \(e(d.text)) — \(e(d.reason ?? ""))</li>" }
            h += "</ul>\n"
        }
        return h + "</body></html>\n"
    }
}
