import Foundation
import HoebiCore
import HoebiOffice

/// The report as a workbook a club opens in Excel or LibreOffice: the member × period grid with
/// status colours and totals, a sheet of the deposits each member's money came from, and a sheet
/// of the withdrawals (expenses).
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
        var expenses: [[XLSXWriter.Cell]] = [["번호", "날짜", "금액", "내용"].map { .text($0, .header) }]
        for w in r.withdrawals {
            expenses.append([
                .text("t\(w.id)"), .text(String(w.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")),
                .number(w.amount), .text(mask ? Mask.name(w.text) : w.text)
            ])
        }
        expenses.append([.text("출금 합계", .header), .empty, .number(r.spending, .boldNumber)])
        expenses.append([.text("입금 합계", .header), .empty, .number(r.income, .boldNumber)])
        try XLSXWriter.write(
            sheets: [
                .init(name: "회비 현황", rows: grid, widths: widths, frozenRows: 2, frozenColumns: 1, printLandscapeFitWidth: true),
                .init(name: "입금", rows: deposits, widths: [8, 17, 11, 20, 14], frozenRows: 1),
                .init(name: "출금", rows: expenses, widths: [8, 17, 11, 30], frozenRows: 1)
            ], to: url)
    }
}
