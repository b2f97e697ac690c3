import HoebiCore

/// A self-contained HTML page of the report (no scripts, no external files), to share or print:
/// readable on a phone, names that never break between syllables, a legend, "as of", money in and
/// out with the withdrawals, and a print stylesheet for A4 landscape. `mask` hides members' names
/// and leaves out deposit texts (they hold names), for sharing beyond the treasurer.
public enum ReportHTML {
    static let legend: [(Report.Status, String)] = [
        (.paid, "낼 돈을 다 냄"), (.partial, "일부만 냄 (낸 돈)"), (.unpaid, "아직 안 냄"),
        (.exempt, "이번에는 안 내도 됨"), (.paused, "쉬는 중"), (.inactive, "그때는 회원이 아님"),
        (.review, "총무가 입금을 확인 중")
    ]

    public static func render(_ r: Report, mask: Bool = false) -> String {
        var h = """
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(escape(r.group.name)) 회비 현황</title>
            <style>
            \(style)
            </style>
            </head><body>
            """
        h += body(r, mask: mask)
        return h + "</body></html>\n"
    }

    /// The page's styles (the dashboard uses them for its grid too).
    public static let style = """
        body{font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:1rem;word-break:keep-all;color:#222}
        h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.05rem;margin-top:1.4rem}
        .meta{color:#555;margin:.2rem 0 .8rem}
        .wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
        .wrap.newest{direction:rtl}.wrap.newest>table{direction:ltr}
        .now{margin:.3rem 0;font-weight:600}
        @media screen and (max-width:560px){.tot{display:none}}
        table{border-collapse:collapse;font-size:.9rem}
        td,th{border:1px solid #ccc;padding:4px 6px;text-align:center;white-space:nowrap}
        th.name{text-align:left;position:sticky;left:0;background:#fff}
        td.num{text-align:right}
        .paid{background:#d9f2d9}.partial{background:#fff2cc}.unpaid{background:#f8d7da}.exempt{background:#e2e3e5}.inactive{color:#999}.paused{background:#e8e0f4}.review{background:#dbe9f7}
        .legend span{display:inline-block;margin:0 .6rem .3rem 0;padding:1px 6px;border:1px solid #ccc;white-space:nowrap}
        .summary td{text-align:right}.summary th{text-align:left}.nowrap{white-space:nowrap}
        tr.cancelled td{color:#777}tr.cancelled td:nth-child(2){text-decoration:line-through}
        @page{size:A4 landscape;margin:10mm}
        @media print{body{margin:0;font-size:9pt}.wrap{overflow:visible}table{font-size:8pt;page-break-inside:auto}tr{page-break-inside:avoid}
          th.name{position:static}td,th{padding:2px 3px}.paid,.partial,.unpaid,.exempt,.paused,.review{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The legend and the member × period grid with its totals (no deposit texts): the part the
    /// members' page shows too.
    public static func grid(_ r: Report, mask: Bool = false) -> String {
        let e = escape
        let name = { (s: String) in mask ? Mask.name(s) : s }
        var h = """
            \(now(r))<p class="legend">\(legend.map { "<span class=\"\($0.0.rawValue)\">\($0.0.word)</span>\($0.1)" }.joined(separator: " "))</p>
            <div class="wrap newest"><table><thead><tr><th class="name">회원</th>
            """
        for p in r.periods { h += "<th>\(e(p.shortLabel))</th>" }
        h += "<th class=\"tot\">낼 돈</th><th class=\"tot\">낸 돈</th><th>미납액</th></tr></thead><tbody>\n"
        for m in r.members {
            h += "<tr><th class=\"name\">\(e(name(m.name)))\(m.cycle.map { " <small>(\($0.korean)납)</small>" } ?? "")</th>"
            for c in m.cells {
                let title = c.owed > 0 || c.covered > 0 ? " title=\"낸 돈 \(c.covered.grouped)원 · 남은 돈 \(c.owed.grouped)원\"" : ""
                h += "<td class=\"\(c.status.rawValue)\"\(title)>\(e(c.label))</td>"
            }
            h +=
                "<td class=\"num tot\">\(m.expected.grouped)</td><td class=\"num tot\">\(m.collected.grouped)</td><td class=\"num\">\(m.outstanding.grouped)</td></tr>\n"
        }
        h += "</tbody><tfoot><tr><th class=\"name\">낸 돈 합계</th>"
        for t in r.totals { h += "<td class=\"num\">\(t.collected.grouped)</td>" }
        h +=
            "<td class=\"num tot\">\(r.expected.grouped)</td><td class=\"num tot\">\(r.collected.grouped)</td><td class=\"num\">\(r.outstanding.grouped)</td></tr></tfoot></table></div>\n"
        return h
    }

    /// One line on the newest period, above the grid, so a phone shows it before any scrolling:
    /// "2026년 11월: 완납 2명 · 미납 3명 105,000원 · 확인 중 1명". The grid's scroller starts at its
    /// right end (`direction: rtl` on the scroller, ltr inside), so the newest months are in view
    /// without a script.
    static func now(_ r: Report) -> String {
        guard let p = r.periods.last, let t = r.totals.last, let i = r.periods.indices.last else { return "" }
        let checking = r.members.filter { i < $0.cells.count && $0.cells[i].status == .review }.count
        var parts = ["완납 \(t.paidCount)명"]
        if t.owingCount > 0 { parts.append("미납 \(t.owingCount)명 \(t.outstanding.grouped)원") }
        if checking > 0 { parts.append("확인 중 \(checking)명") }
        return "<p class=\"now\">\(escape(p.label)): \(parts.joined(separator: " · "))</p>\n"
    }

    /// The withdrawals of the report's months, cancelled ones marked, 🧾 where a receipt exists;
    /// masked, people's names hidden and shops' kept (the members' page shows this part alone).
    public static func withdrawals(_ r: Report, mask: Bool) -> String {
        let e = escape, m = r.money
        let names = r.members.map(\.name)
        let shown = { (s: String) in mask ? Mask.person(s, members: names) : s }
        guard !m.withdrawals.isEmpty else { return "" }
        let listed = m.withdrawals.prefix(500)
        var h = "<h2>출금 내역 (\(m.withdrawals.count)건)</h2><div class=\"wrap\"><table><tr><th>날짜</th><th>금액</th><th>내용</th><th>메모</th></tr>\n"
        for w in listed {
            let back = m.cancelled.first { $0.out.id == w.id }?.back
            let mark = back.map { " <b>취소됨</b> (\(e(String($0.time.iso8601.prefix(10)))) 돌아옴)" } ?? ""
            h +=
                "<tr\(back == nil ? "" : " class=\"cancelled\"")><td>\(e(String(w.time.iso8601.prefix(10))))</td><td class=\"num\">\(w.amount.grouped)</td><td>\(e(shown(w.text)))\(mark)\(r.receipted.contains(w.id) ? " <span class=\"receipt\">🧾 영수증</span>" : "")</td><td>\(e(shown(w.memo)))</td></tr>\n"
        }
        h += "</table></div>\n"
        return h
    }

    /// The months' money as members check it against the bank: opening balance, money in and
    /// out (cancelled pairs left out and said), the balance it comes to beside the bank's, money
    /// in that is not dues with its label, the withdrawals with their memo, dues paid ahead.
    public static func money(_ r: Report, mask: Bool) -> String {
        let e = escape, m = r.money
        let names = r.members.map(\.name)
        let shown = { (s: String) in mask ? Mask.person(s, members: names) : s }
        let won = { (w: Won?) in w.map { $0.grouped + "원" } ?? "알 수 없음" }
        var h = "<h2>돈의 흐름</h2>\n<table class=\"summary\">"
        h += "<tr><th>처음 잔액</th><td>\(won(m.opening))</td></tr>"
        h += "<tr><th>+ 들어온 돈</th><td>\(m.income.grouped)원</td></tr><tr><th>− 나간 돈</th><td>\(m.spending.grouped)원</td></tr>"
        h += "<tr><th>= 끝 잔액</th><td><b>\(won(m.closing))</b></td></tr>"
        let check =
            m.mismatch.map { " <span class=\"unpaid\">\($0.grouped)원 차이: 빠지거나 바뀐 거래가 있을 수 있습니다</span>" }
            ?? (m.closing != nil && m.bankBalance != nil ? " (맞음)" : "")
        h += "<tr><th>은행 잔액</th><td>\(won(m.bankBalance))\(check)</td></tr></table>\n"
        if !m.cancelled.isEmpty {
            h += "<p>취소된 거래 \(m.cancelled.count)건은 나간 돈과 들어온 돈에서 모두 뺐습니다 (아래 출금 내역에 '취소됨').</p>\n"
        }
        if !m.otherIncome.isEmpty {
            let total = m.otherIncome.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }
            h += "<h2>회비가 아닌 입금 (\(m.otherIncome.count)건, \(total.grouped)원)</h2><ul>\n"
            for d in m.otherIncome {
                let label = Messages.show(d.reason ?? "", in: .ko)
                h +=
                    "<li>\(e(String(d.time.iso8601.prefix(10)))) <span class=\"nowrap\">\(d.amount.grouped)원</span> \(e(shown(d.text)))\(label.isEmpty ? "" : " — " + e(shown(label)))</li>\n"
            }
            h += "</ul>\n"
        }
        h += withdrawals(r, mask: mask)
        if !m.prepaid.isEmpty {
            let who = Dictionary(r.members.map { ($0.id, $0.name) }) { a, _ in a }
            h += "<h2>미리 낸 회비 (이 표 뒤의 기간)</h2><ul>\n"
            for p in m.prepaid {
                let name = who[p.member].map { mask ? Mask.name($0) : $0 } ?? p.member
                h += "<li>\(e(name)) \(e(p.period.label)) <span class=\"nowrap\">\(p.amount.grouped)원</span></li>\n"
            }
            h += "</ul>\n"
        }
        return h
    }

    /// What goes inside <body>: the title, the legend, the grid, money in and out, the review list.
    public static func body(_ r: Report, mask: Bool = false) -> String {
        let e = escape
        let asOf = r.asOf.map { "\($0.year)년 \($0.month)월 \($0.day)일 \($0.hour < 10 ? "0" : "")\($0.hour):\($0.minute < 10 ? "0" : "")\($0.minute)" }
        var h = """
            <h1>\(e(r.group.name)) 회비 현황</h1>
            <p class="meta">\(e(r.periods.first?.label ?? "")) – \(e(r.periods.last?.label ?? ""))\(asOf.map { " · <b>\($0) 기준</b>(마지막 입출금)" } ?? "") · 거래 \(r.transactions)건</p>

            """
        h += grid(r, mask: mask)
        h += money(r, mask: mask)
        if !r.review.isEmpty {
            h += "<h2>확인이 필요한 입금 (\(r.review.count)건, \(r.unallocated.grouped)원)</h2>"
            if mask {
                h += "<p>총무가 확인 중입니다.</p>\n"
            } else {
                // A long list folds away, so that on a phone the grid is not followed by pages of it.
                let fold = r.review.count > 10
                h += fold ? "<details><summary>목록 보기</summary><ul>" : "<ul>"
                for d in r.review {
                    h +=
                        "<li>t\(d.id) \(e(String(d.time.iso8601.prefix(10)))) \(d.amount.grouped)원 \(e(d.text)) — \(e(Messages.show(d.reason ?? "", in: .ko)))</li>"
                }
                h += fold ? "</ul></details>\n" : "</ul>\n"
            }
        }
        return h
    }
}
