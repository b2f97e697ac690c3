import Foundation
import HoebiCore
import HoebiImport
import HoebiOffice

/// The demo's sample group and a KakaoBank-layout statement for it, generated deterministically:
/// regular payers, memos around names, a surname left out, advance and partial payments, a typo,
/// same-day identical deposits, interest, an event collection and withdrawals.
public enum Sample {
    public static let config = """
        {
          "database": "hoebi.sqlite",
          "groups": [{
            "id": "hiking", "name": "북한산 산악회",
            "account": {"bank": "kakaobank", "number": "3333-01-1234567", "holder": "홍길동"},
            "dues": {"cycle": "monthly", "dueDay": 10,
                     "schedule": [{"from": "2026-01", "amount": 30000}, {"from": "2026-07", "amount": 35000}]},
            "treasurer": "hong",
            "nonDuesKeywords": ["뒷풀이", "회식", "찬조"],
            "members": [
              {"id": "hong", "name": "홍길동", "aliases": ["길동"], "joined": "2026-01"},
              {"id": "lee", "name": "이서연", "joined": "2026-03", "left": "2026-09", "exempt": ["2026-05"]},
              {"id": "kim", "name": "김솔", "amount": 15000},
              {"id": "park", "name": "박준영"},
              {"id": "namgung", "name": "남궁민수", "joined": "2026-04"},
              {"id": "choi", "name": "최유나", "exempt": ["2026-08"]}
            ]
          }]
        }
        """

    /// Statement rows (KakaoBank layout: header at row 11 after the title block, column A empty).
    public static func statementRows(through last: Period = Period(year: 2026, month: 11)!) -> [[String]] {
        struct Entry {
            var time: SeoulTime
            var amount: Won
            var kind: String
            var text: String
        }
        var entries: [Entry] = []
        func add(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ amount: Won, _ text: String, kind: String = "일반입금") {
            guard let p = Period(year: y, month: m), p <= last else { return }
            entries.append(
                Entry(
                    time: SeoulTime(year: y, month: m, day: d, hour: h, minute: (d * 7) % 60, second: (m * 13) % 60)!,
                    amount: amount, kind: kind, text: text))
        }
        for m in 1...11 {
            let due: Won = m >= 7 ? 35000 : 30000
            // 홍길동: pays every month, with month memos, sometimes just the given name.
            add(2026, m, 3, 9, due, m % 3 == 0 ? "길동" : "홍길동\(m)월회비")
            // 김솔: member-specific 15,000; paid Jan–Jun at once in January, saying so (six months
            // naming none would be asked about), then monthly from July.
            if m == 1 { add(2026, 1, 5, 20, 90000, "김솔 상반기") }
            if m >= 7 { add(2026, m, 9, 21, 15000, "26.\(m)월김솔") }
            // 박준영: pays two months at a time with a month list.
            if m % 2 == 1 && m < 11 { add(2026, m, 8, 12, due + (m + 1 >= 7 ? 35000 : 30000), "박준영 \(m),\(m + 1)월") }
            // 최유나: pays late in March and not at all in October/November.
            if m != 3 && m < 10 && m != 8 { add(2026, m, 10, 18, due, "최유나(\(m)월회비)") }
            if m == 4 { add(2026, 4, 2, 10, 30000, "최유나") }
        }
        // 이서연: joined in March, exempt in May, left after September; half a payment in June.
        for m in [3, 4, 7, 8, 9] { add(2026, m, 6, 8, m >= 7 ? 35000 : 30000, "이서연") }
        add(2026, 6, 6, 8, 15000, "이서연")
        // 남궁민수: joined in April; misspelled once (goes to review with a suggestion).
        for m in 4...9 { add(2026, m, 4, 19, m >= 7 ? 35000 : 30000, m == 6 ? "남궁민주" : "남궁민수") }
        // Two genuinely identical deposits on the same day from an unknown sender (both kept).
        add(2026, 5, 20, 14, 20000, "뒷풀이 정산")
        add(2026, 5, 20, 14, 20000, "뒷풀이 정산")
        add(2026, 9, 14, 11, 50000, "송채원엄마")
        for m in [3, 6, 9] { add(2026, m, 21, 3, Won(1000 + m * 37), "결산이자", kind: "예금이자") }
        // Withdrawals: hut booking and a dinner.
        add(2026, 2, 15, 13, -120000, "북한산대피소")
        add(2026, 6, 15, 22, -240000, "회식비")
        add(2026, 10, 16, 13, -150000, "버스대절")
        entries.sort { $0.time < $1.time }

        var rows: [[String]] = [
            [], ["", "카카오뱅크 거래내역"], [], ["", "성명", "홍길동"], ["", "계좌번호", "3333-01-*****67"],
            ["", "조회기간", "2026.01.01 ~ \(last.year).\(last.month < 10 ? "0" : "")\(last.month).\(SeoulTime.daysIn(year: last.year, month: last.month))"],
            [], ["", "※ 금액앞에 '-' 표시는 출금 금액입니다."], ["", "※ 이 거래내역은 법적효력이 없는 참고용입니다."], [],
            ["", "거래일시", "구분", "거래금액", "거래 후 잔액", "거래구분", "내용", "메모"]
        ]
        var balance: Won = 0
        for e in entries {
            balance += e.amount
            let t = e.time
            func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            rows.append([
                "", "\(t.year).\(p2(t.month)).\(p2(t.day)) \(p2(t.hour)):\(p2(t.minute)):\(p2(t.second))",
                e.amount < 0 ? "출금" : "입금", e.amount.grouped, balance.grouped,
                e.amount < 0 ? "일반이체" : e.kind, e.text, ""
            ])
        }
        return rows
    }

    /// Writes `hoebi.json` and the sample statement into `dir`; returns the statement's URL.
    public static func write(into dir: URL, through last: Period = Period(year: 2026, month: 11)!) throws -> URL {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: dir.appendingPathComponent("hoebi.json"))
        let statement = dir.appendingPathComponent("카카오뱅크_거래내역.xlsx")
        try XLSXWriter.write(rows: statementRows(through: last), sheetName: "카카오뱅크 거래내역", to: statement)
        return statement
    }
}
