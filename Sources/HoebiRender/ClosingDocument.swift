import HoebiCore
import HoebiOffice

/// The 결산 as clubs present it at the annual meeting (compared with published club reports: 수입
/// and 지출 by 내역 with 금액 and 비고, 소계, 전기 이월금 and 차기 이월금, the bank's balance as the
/// proof, a 미수금 list per member, the treasurer's and the auditor's signature lines): an HTML
/// page printed on A4 portrait, and a workbook whose sums are formulas.
public enum ClosingDocument {
    static func won(_ w: Won?) -> String { w.map { ($0 < 0 ? "−" : "") + Swift.abs($0).grouped + "원" } ?? "알 수 없음" }
    static func name(_ l: BookLine?, spending: Bool) -> String { l?.name(spending: spending) ?? "분류 안 됨" }

    public static func html(_ c: Closing, group: Group, now: SeoulTime, mask: Bool = false) -> String {
        let e = ReportHTML.escape
        let person = { (n: String) in mask ? Mask.name(n) : n }
        var h = """
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(e(group.name)) 결산 보고</title>
            <style>
            body{font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:1rem auto;max-width:46rem;padding:0 .8rem;word-break:keep-all;color:#222}
            h1{font-size:1.35rem;text-align:center;margin:.3rem 0}h2{font-size:1.05rem;margin:1.3rem 0 .4rem}
            .meta{text-align:center;color:#555;margin:.2rem 0 1rem}
            table{border-collapse:collapse;width:100%;font-size:.92rem}.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
            td,th{border:1px solid #bbb;padding:4px 7px}th{background:#f3f3f3;text-align:left}
            td.num{text-align:right;white-space:nowrap}td.num .note,td.num .bad{white-space:normal}tr.sum td,tr.sum th{font-weight:700;background:#fafafa}
            .ok{color:#176b2c}.bad{color:#a11}.note{color:#555;font-size:.85rem}
            .sign{margin-top:2rem;display:flex;justify-content:space-around;flex-wrap:wrap;gap:1rem}
            @page{size:A4 portrait;margin:15mm}
            @media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}}
            </style>
            </head><body>
            <h1>\(e(group.name)) 결산 보고</h1>
            <p class="meta">\(e(c.from.label)) – \(e(c.to.label)) · \(now.year)년 \(now.month)월 \(now.day)일 작성</p>
            <h2>1. 요약</h2>
            <div class="wrap"><table class="summary">
            <tr><th>전기 이월금 (처음 잔액)</th><td class="num">\(won(c.opening))</td></tr>
            <tr><th>+ 수입 합계</th><td class="num">\(won(c.income.total))</td></tr>
            <tr><th>− 지출 합계</th><td class="num">\(won(c.spending.total))</td></tr>
            <tr class="sum"><th>= 차기 이월금 (끝 잔액)</th><td class="num">\(won(c.closing))</td></tr>
            """
        let agree = c.closing != nil && c.closing == c.bankBalance
        let proof =
            c.bankBalance == nil
            ? "<br><span class=\"note\">거래내역에 잔액이 없어 확인할 수 없습니다</span>"
            : agree ? "<span class=\"ok\">(맞음)</span>" : "<br><span class=\"bad\">(다름: 빠지거나 바뀐 거래가 있을 수 있습니다)</span>"
        h += "<tr><th>통장 잔액 (\(e(group.account.bankName)))</th><td class=\"num\">\(won(c.bankBalance)) \(proof)</td></tr></table></div>\n"
        for g in c.gaps.prefix(10) {
            h += "<p class=\"bad\">잔액이 이어지지 않는 곳: t\(g.before.id)와 t\(g.after.id) 사이 (\(won(g.gap))): 빠지거나 바뀐 거래가 있을 수 있습니다</p>\n"
        }
        func side(_ title: String, _ s: Closing.Side, spending: Bool, checking: Won = 0) -> String {
            var t = "<h2>\(title)</h2>\n<div class=\"wrap\"><table><tr><th>내역</th><th>금액</th><th>비고</th></tr>\n"
            for (l, v) in s.ordered {
                t += "<tr><td>\(e(name(l, spending: spending)))</td><td class=\"num\">\(won(v))</td><td>\(l == nil ? "총무가 아직 항목을 정하지 않음" : "")</td></tr>\n"
            }
            if checking > 0 { t += "<tr><td>확인 중인 입금</td><td class=\"num\">\(won(checking))</td><td>총무가 확인 중</td></tr>\n" }
            return t + "<tr class=\"sum\"><th>소계</th><td class=\"num\">\(won(s.total))</td><td></td></tr></table></div>\n"
        }
        h += side("2. 수입", c.income, spending: false, checking: c.checking)
        h += side("3. 지출", c.spending, spending: true)
        let rate = c.duesOwed > 0 ? Int(c.duesCollected * 100 / c.duesOwed) : 100
        h += "<h2>4. 회비 납부 현황</h2>\n<p>받을 회비 \(won(c.duesOwed)) 중 \(won(c.duesCollected)) 걷음 (\(rate)%)</p>\n"
        h += "<div class=\"wrap\"><table><tr><th>회원</th><th>낼 회비</th><th>낸 회비</th><th>미수금</th></tr>\n"
        for m in c.members {
            h +=
                "<tr><td>\(e(person(m.member)))</td><td class=\"num\">\(won(m.owed))</td><td class=\"num\">\(won(m.paid))</td><td class=\"num\">\(won(m.owed - m.paid))</td></tr>\n"
        }
        h +=
            "<tr class=\"sum\"><th>합계</th><td class=\"num\">\(won(c.duesOwed))</td><td class=\"num\">\(won(c.duesCollected))</td><td class=\"num\">\(won(c.duesOwed - c.duesCollected))</td></tr></table></div>\n"
        if !c.events.isEmpty {
            h += "<h2>5. 행사</h2>\n<div class=\"wrap\"><table><tr><th>행사</th><th>들어온 돈</th><th>쓴 돈</th><th>돌려준 돈</th><th>남은 돈</th></tr>\n"
            for ev in c.events {
                h += "<tr><td>\(e(ev.name)) (\(ev.date.month)월 \(ev.date.day)일, \(ev.attendees - ev.owing)/\(ev.attendees)명 냄)</td>"
                h +=
                    "<td class=\"num\">\(won(ev.income))</td><td class=\"num\">\(won(ev.spent))</td><td class=\"num\">\(won(ev.refunded))</td><td class=\"num\">\(won(ev.balance))</td></tr>\n"
            }
            h += "</table></div>\n"
        }
        let treasurer = group.treasurerName.map(person) ?? ""
        h += "<p class=\"note\">위와 같이 결산을 보고합니다. 세부 거래는 hoebi report와 거래내역 파일에 있습니다.</p>\n"
        h += "<div class=\"sign\"><span>총무 \(e(treasurer)) (인)</span><span>감사 ________ (인)</span></div>\n"
        return h + "</body></html>\n"
    }

    /// 결산 (the summary, its sums formulas over the other sheets), 수입, 지출, 회비, 행사.
    public static func workbook(_ c: Closing, group: Group) -> [XLSXWriter.Sheet] {
        typealias C = XLSXWriter.Cell
        func lines(_ s: Closing.Side, spending: Bool, checking: Won = 0) -> [[C]] {
            var rows: [[C]] = [[.text("내역", .header), .text("금액", .header)]]
            for (l, v) in s.ordered { rows.append([.text(name(l, spending: spending)), .number(v)]) }
            if checking > 0 { rows.append([.text("확인 중인 입금"), .number(checking)]) }
            rows.append([.text("합계", .header), .formula("SUM(B2:B\(rows.count))", .boldNumber)])
            return rows
        }
        let income = lines(c.income, spending: false, checking: c.checking), spending = lines(c.spending, spending: true)
        var summary: [[C]] = [
            [.text("\(group.name) 결산 (\(c.from.label) – \(c.to.label))", .header)],
            [.text("전기 이월금"), c.opening.map { .number($0) } ?? .text("알 수 없음")],
            [.text("수입 합계"), .formula("'수입'!B\(income.count)")],
            [.text("지출 합계"), .formula("'지출'!B\(spending.count)")],
            [.text("차기 이월금", .header), .formula("B2+B3-B4", .boldNumber)],
            [.text("통장 잔액"), c.bankBalance.map { .number($0) } ?? .text("알 수 없음")]
        ]
        if c.opening != nil && c.bankBalance != nil { summary.append([.text("차이 (통장 − 장부)"), .formula("B6-B5")]) }
        var dues: [[C]] = [[.text("회원", .header), .text("낼 회비", .header), .text("낸 회비", .header), .text("미수금", .header)]]
        for (i, m) in c.members.enumerated() { dues.append([.text(m.member), .number(m.owed), .number(m.paid), .formula("B\(i + 2)-C\(i + 2)")]) }
        let n = dues.count
        dues.append([.text("합계", .header)] + ["B", "C", "D"].map { C.formula("SUM(\($0)2:\($0)\(n))", .boldNumber) })
        var sheets = [
            XLSXWriter.Sheet(name: "결산", rows: summary, widths: [26, 16]), XLSXWriter.Sheet(name: "수입", rows: income, widths: [24, 14], frozenRows: 1),
            XLSXWriter.Sheet(name: "지출", rows: spending, widths: [24, 14], frozenRows: 1),
            XLSXWriter.Sheet(name: "회비", rows: dues, widths: [16, 12, 12, 12], frozenRows: 1)
        ]
        if !c.events.isEmpty {
            var ev: [[C]] = [["행사", "날짜", "들어온 돈", "쓴 돈", "돌려준 돈", "남은 돈"].map { .text($0, .header) }]
            for (i, e) in c.events.enumerated() {
                let r = i + 2
                ev.append([
                    .text(e.name), .text(String(e.date.iso8601.prefix(10))), .number(e.income), .number(e.spent), .number(e.refunded),
                    .formula("C\(r)-D\(r)-E\(r)")
                ])
            }
            sheets.append(XLSXWriter.Sheet(name: "행사", rows: ev, widths: [16, 12, 12, 12, 12, 12], frozenRows: 1))
        }
        for i in sheets.indices { sheets[i].printPortrait = true }
        return sheets
    }
}
