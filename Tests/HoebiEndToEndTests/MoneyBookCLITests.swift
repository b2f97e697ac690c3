import Foundation
import Testing

/// What members see of the club's money (issue 23, point 6): the balance from start to end
/// beside the bank's, cancelled pairs shown once and kept out of the sums, money in that is not
/// dues with its label, refunds with their memo, dues paid ahead, and `--mask` masking people only.
@Suite struct MoneyBookCLITests {
    func club() throws -> URL {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "book", "name": "독서 모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"schedule": [{"from": "2026-09", "amount": 20000}]}, "nonDuesKeywords": ["뒷풀이"],
              "members": [{"id": "m1", "name": "김솔"}, {"id": "m2", "name": "이하늘"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        // A card purchase the shop cancelled (the bank's card kind arriving as money in), a transfer
        // out cancelled by the bank (이체취소), a refund to a guest with its memo, a meeting's 뒷풀이, and 이하늘
        // paying October and November ahead in October. The balance runs from 50,000.
        try Data(
            """
            datetime,kind,amount,balance,text,memo
            2026-09-01 09:00,입금,20000,70000,김솔,
            2026-09-02 09:00,입금,20000,90000,이하늘,
            2026-09-10 12:00,체크카드결제,-4500,85500,스타벅스 광화문점,
            2026-09-11 08:00,체크카드결제,4500,90000,스타벅스 광화문점,
            2026-09-15 10:00,이체,-30000,60000,김솔,
            2026-09-15 10:05,이체취소,30000,90000,김솔,
            2026-09-20 19:00,입금,15000,105000,뒷풀이 김솔,
            2026-09-25 10:00,이체,-20000,85000,박지민,행사비 환불
            2026-09-30 10:00,입금,40000,125000,이하늘 10월11월회비,
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        let r = try hoebi(["import", "s.csv"], in: d)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        return d
    }

    @Test func theMoneyAddsUpFromTheOpeningBalance() throws {
        let d = try club()
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2026-09", "--to", "2026-09"], in: d).out)
        let m = try #require(doc["money"] as? [String: Any])
        // In: 20,000 + 20,000 + 15,000 + 40,000 (the two cancellations left out); out: the refund.
        #expect(m["opening"] as? Int == 50000 && m["income"] as? Int == 95000 && m["spending"] as? Int == 20000, "\(m)")
        #expect(m["closing"] as? Int == 125000 && m["bankBalance"] as? Int == 125000)
        let cancelled = m["cancelled"] as? [[String: Any]] ?? []
        #expect(cancelled.compactMap { $0["amount"] as? Int }.sorted() == [4500, 30000], "\(cancelled)")
        let other = m["otherIncome"] as? [[String: Any]] ?? []
        #expect(other.map { $0["text"] as? String } == ["뒷풀이 김솔"] && (other.first?["label"] as? String ?? "").contains("뒷풀이"), "\(other)")
        let refund = (m["withdrawals"] as? [[String: Any]] ?? []).first { $0["amount"] as? Int == 20000 }
        #expect(refund?["memo"] as? String == "행사비 환불")
        let prepaid = m["prepaid"] as? [[String: Any]] ?? []
        #expect(prepaid.map { "\($0["member"] ?? "") \($0["period"] ?? "") \($0["amount"] ?? "")" } == ["m2 2026-10 20000", "m2 2026-11 20000"], "\(prepaid)")
    }

    @Test func theSharedPageMasksPeopleNotShops() throws {
        let d = try club()
        let html = try hoebi(["report", "--format", "html", "--mask", "--from", "2026-09", "--to", "2026-09"], in: d).out
        #expect(html.contains("<th>처음 잔액</th><td>50,000원</td>") && html.contains("<th>= 끝 잔액</th><td><b>125,000원</b></td>"), "\(html)")
        #expect(html.contains("125,000원 (맞음)") && html.contains("취소된 거래 2건"))
        #expect(html.contains("스타벅스 광화문점") && html.contains("<b>취소됨</b>"), "a shop's name stays; the cancelled payment is marked")
        #expect(!html.contains("김솔") && !html.contains("이하늘") && !html.contains("박지민") && html.contains("박*민"), "people are masked")
        #expect(html.contains("행사비 환불") && html.contains("미리 낸 회비") && html.contains("2026년 10월"))
        #expect(html.contains("회비가 아닌 입금 (1건, 15,000원)"))
        // The workbook: other income on its own sheet, the balance sheet adds up.
        #expect(try hoebi(["report", "--format", "xlsx", "--output", "r.xlsx", "--from", "2026-09", "--to", "2026-09"], in: d).status == 0)
        let book = try unzip(d.appendingPathComponent("r.xlsx"), "xl/workbook.xml")
        #expect(book.contains("기타 수입") && book.contains("돈의 흐름") && book.contains("미리 낸 회비"), "\(book)")
    }

    /// The 결산 (issue 24, first part): its figures against an independent sum of the statement's
    /// own rows, read here without Hoebi.
    @Test func theClosingStatementAddsUpToTheStatementsRows() throws {
        let d = try club()
        let rows = try String(contentsOf: d.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        // A row that undoes another: the bank's 이체취소, or a card kind arriving as money in.
        let undoing = rows.filter { Int($0[2])! > 0 && ($0[1].hasSuffix("취소") || $0[1] == "체크카드결제") }
        let undone = undoing.map { Int($0[2])! }
        let income = rows.map { Int($0[2])! }.filter { $0 > 0 }.reduce(0, +) - undone.reduce(0, +)
        let spending = rows.map { Int($0[2])! }.filter { $0 < 0 }.reduce(0) { $0 - $1 } - undone.reduce(0, +)
        let opening = Int(rows[0][3])! - Int(rows[0][2])!, last = Int(rows[rows.count - 1][3])!
        let doc = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: d).out)
        #expect(doc["opening"] as? Int == opening && doc["closing"] as? Int == last && doc["bankBalance"] as? Int == last, "\(doc)")
        let inc = doc["income"] as? [String: Any] ?? [:], out = doc["spending"] as? [String: Any] ?? [:]
        #expect(inc["total"] as? Int == income && out["total"] as? Int == spending)
        // Each side's kinds add up to its total; dues are the three members' payments.
        for side in [inc, out] {
            #expect((side["kinds"] as? [String: Int] ?? [:]).values.reduce(0, +) == side["total"] as? Int, "\(side)")
        }
        #expect((inc["kinds"] as? [String: Int])?["dues"] == 80000 && (inc["kinds"] as? [String: Int])?["entry"] == 15000)
        #expect((out["kinds"] as? [String: Int])?["refund"] == 20000)
        // September alone: 이하늘's 40,000 for October and November is 선납, on its own line.
        let september = try json(try hoebi(["closing", "--from", "2026-09", "--to", "2026-09", "--format", "json"], in: d).out)
        let sepIncome = try #require(september["income"] as? [String: Any])
        #expect((sepIncome["kinds"] as? [String: Int])?["duesLater"] == 40000 && (sepIncome["kinds"] as? [String: Int])?["dues"] == 40000, "\(sepIncome)")
        #expect((sepIncome["kinds"] as? [String: Int] ?? [:]).values.reduce(0, +) == sepIncome["total"] as? Int)
        let text = try hoebi(["closing", "--year", "2026"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(text.contains("이월금 (처음 잔액)") && text.contains("차기 이월금 (끝 잔액)") && text.contains("125,000원 (맞음)"), "\(text)")
        // One month alone is a fiscal year from it; a range backwards is refused.
        let fiscal = try json(try hoebi(["closing", "--from", "2026-09", "--format", "json"], in: d).out)
        #expect(fiscal["from"] as? String == "2026-09" && fiscal["to"] as? String == "2027-08", "\(fiscal)")
        #expect(try hoebi(["closing", "--from", "2026-09", "--to", "2026-03"], in: d).status == 64)
        // The chat text and the CSV carry the same sums.
        let chat = try hoebi(["closing", "--year", "2026", "--format", "chat"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(chat.contains("수입 95,000원 (회비 80,000, 참가비 15,000)") && chat.contains("지출 20,000원 (환불 20,000)") && chat.contains("(맞음)"), "\(chat)")
        let csv = try hoebi(["closing", "--year", "2026", "--format", "csv"], in: d).out
        let amounts = csv.split(separator: "\r\n").dropFirst().compactMap {
            $0.split(separator: ",", omittingEmptySubsequences: false).last.flatMap { Int($0) }
        }
        #expect(amounts == [opening, 80000, 15000, 20000, last, last], "\(csv)")
    }
}
