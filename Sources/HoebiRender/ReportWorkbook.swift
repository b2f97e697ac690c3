import Foundation
import HoebiCore
import HoebiOffice

/// The report as a workbook a club opens in Excel or LibreOffice: the member × period grid with
/// status colours and totals, the deposits each member's dues came from, money in that is not
/// dues, the withdrawals with their memo and cancellations, the balance from start to end beside
/// the bank's, and dues paid ahead.
public enum ReportWorkbook {
    public static func write(_ r: Report, to url: URL, mask: Bool = false) throws {
        let name = { (s: String) in mask ? Mask.name(s) : s }
        let style: [Report.Status: XLSXWriter.Style] = [
            .paid: .paid, .partial: .partial, .unpaid: .unpaid, .exempt: .exempt, .paused: .paused, .review: .partial
        ]
        var grid: [[XLSXWriter.Cell]] = []
        var title = "\(r.group.name) 회비 현황 · \(r.periods.first?.label ?? "") – \(r.periods.last?.label ?? "")"
        if let a = r.asOf { title += " · \(String(a.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")) 기준" }
        grid.append([.text(title, .header)])
        grid.append([.text("회원", .header)] + r.periods.map { .text($0.label, .header) } + ["낼 돈", "낸 돈", "미납액", "선납·초과"].map { .text($0, .header) })
        for m in r.members {
            var row: [XLSXWriter.Cell] = [.text(name(m.name) + (m.cycle.map { " (\($0.korean)납)" } ?? ""))]
            row += m.cells.map { .text($0.label, style[$0.status] ?? .plain) }
            row += [.number(m.expected), .number(m.collected), .number(m.outstanding), .number(m.credit)]
            grid.append(row)
        }
        grid.append(
            [.text("낸 돈 합계", .header)] + r.totals.map { .number($0.collected, .boldNumber) }
                + [.number(r.expected, .boldNumber), .number(r.collected, .boldNumber), .number(r.outstanding, .boldNumber)])
        grid.append([.text("미납액 합계", .header)] + r.totals.map { .number($0.outstanding, .boldNumber) })
        grid.append([])
        grid.append([.text("완납 초록 · 일부·확인 필요 노랑 · 미납 빨강 · 면제 회색 · 휴회 보라 · - 그때는 회원이 아님")])
        let widths = [Double(max(10, (r.members.map { DisplayWidth.of($0.name) }.max() ?? 8) + 2))] + r.periods.map { _ in 11.0 } + [11, 11, 11, 11]

        var deposits: [[XLSXWriter.Cell]] = [["번호", "날짜", "금액", "입금자", "회원"].map { .text($0, .header) }]
        for m in r.members {
            for d in m.deposits {
                deposits.append([
                    .text("t\(d.id)"), .text(String(d.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")),
                    .number(d.amount), .text(mask ? "" : d.text), .text(name(m.name))
                ])
            }
        }
        let m = r.money
        let names = r.members.map(\.name)
        let shown = { (t: String) in mask ? Mask.person(t, members: names) : t }
        let when = { (d: Report.DepositLine) in String(d.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        var expenses: [[XLSXWriter.Cell]] = [["번호", "날짜", "금액", "내용", "메모", "취소"].map { .text($0, .header) }]
        for w in m.withdrawals {
            let back = m.cancelled.first { $0.out.id == w.id }?.back
            expenses.append([
                .text("t\(w.id)"), .text(when(w)), .number(w.amount), .text(shown(w.text)), .text(shown(w.memo)),
                .text(back.map { "취소됨 (t\($0.id))" } ?? "")
            ])
        }
        var other: [[XLSXWriter.Cell]] = [["번호", "날짜", "금액", "내용", "무엇"].map { .text($0, .header) }]
        for d in m.otherIncome {
            other.append([.text("t\(d.id)"), .text(when(d)), .number(d.amount), .text(shown(d.text)), .text(shown(Messages.show(d.reason ?? "", in: .ko)))])
        }
        // The balance as members check it: each line a figure, the end one the bank's to compare.
        var flow: [[XLSXWriter.Cell]] = [[.text("돈의 흐름 · \(r.periods.first?.label ?? "") – \(r.periods.last?.label ?? "")", .header)]]
        let figure = { (w: Won?) -> XLSXWriter.Cell in w.map { .number($0) } ?? .text("알 수 없음") }
        flow.append([.text("처음 잔액", .header), figure(m.opening)])
        flow.append([.text("+ 들어온 돈", .header), .number(m.income)])
        flow.append([.text("− 나간 돈", .header), .number(m.spending)])
        flow.append([.text("= 끝 잔액", .header), figure(m.closing)])
        flow.append([.text("은행 잔액", .header), figure(m.bankBalance)])
        if let d = m.mismatch { flow.append([.text("차이 (빠지거나 바뀐 거래)", .header), .number(d)]) }
        if !m.cancelled.isEmpty { flow.append([.text("취소된 거래 \(m.cancelled.count)건은 들어온 돈과 나간 돈에서 뺐습니다")]) }
        var ahead: [[XLSXWriter.Cell]] = [["회원", "기간", "금액"].map { .text($0, .header) }]
        let who = Dictionary(r.members.map { ($0.id, $0.name) }) { a, _ in a }
        for p in m.prepaid { ahead.append([.text(name(who[p.member] ?? p.member)), .text(p.period.label), .number(p.amount)]) }
        try XLSXWriter.write(
            sheets: [
                .init(name: "회비 현황", rows: grid, widths: widths, frozenRows: 2, frozenColumns: 1, printLandscapeFitWidth: true),
                .init(name: "회비 입금", rows: deposits, widths: [8, 17, 11, 20, 14], frozenRows: 1),
                .init(name: "기타 수입", rows: other, widths: [8, 17, 11, 20, 20], frozenRows: 1),
                .init(name: "출금", rows: expenses, widths: [8, 17, 11, 30, 20, 14], frozenRows: 1),
                .init(name: "돈의 흐름", rows: flow, widths: [26, 14]),
                .init(name: "미리 낸 회비", rows: ahead, widths: [14, 14, 11], frozenRows: 1)
            ], to: url)
    }
}
