import Foundation
import Testing

/// Money that is not one member's own dues, as a treasurer meets it on the command line (issue 21):
/// the payroll forward and float in review with the reason, `collect` and `split` previewed and
/// applied, the notice saying what is still being checked.
@Suite(.serialized) struct NotOwnDuesCLITests {
    func club() throws -> URL {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "사우회", "treasurer": "hong",
              "account": {"bank": "kakaobank", "number": "3333-01-1234567", "holder": "홍길동"},
              "dues": {"dueDay": 25, "schedule": [{"from": "2026-05", "amount": 20000}]},
              "members": [{"id": "hong", "name": "홍길동"}, {"id": "kim", "name": "김서연"},
                          {"id": "lee", "name": "이민호"}, {"id": "park", "name": "박지훈"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,amount,text,memo
            2026-05-24 10:00,20000,김서연,
            2026-05-25 10:00,40000,홍길동,
            2026-05-26 10:00,20000,홍길동,
            2026-06-02 10:00,700000,홍길동,
            2026-06-25 10:00,40000,홍길동,
            2026-06-26 10:00,35000,김서연,6월회비+뒷풀이
            2026-06-28 10:00,20000,홍길동과장,
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        return d
    }

    @Test func theTreasurerAnswersAndTheNoticeSaysWhatIsOpen() throws {
        let d = try club()
        #expect(try hoebi(["import", "s.csv"], in: d).status == 0)
        let review = try hoebi(["review"], in: d, env: ["HOEBI_LANG": "ko"]).out
        // The forwards and the float are the treasurer's name, asked about; the split is suggested.
        #expect(review.contains("확인이 필요한 입금 4건"), "\(review)")  // t2, t4, t5 and the split t6
        #expect(review.contains("총무(예금주) 홍길동님 이름의 700,000원") && review.contains("나머지 15,000원으로 나누면 됩니다"), "\(review)")
        #expect(review.contains("(혹시 김서연 (kim)?)"))
        // While June's split waits, 김서연's June is 확인 중 in the notice, and the notice says questions are open.
        let run = try hoebi(["notice", "--period", "2026-06"], in: d)
        let open = run.out
        // The treasurer is told above the text (stderr), not inside what is pasted into the chat.
        #expect(open.contains("🔎 입금 확인 중 (1명): 김서연") && run.err.contains("4 deposit(s) still wait in review") && !open.contains("⚠️"), "\(run)")
        #expect(!open.contains("- 김서연"), "김서연 must not be listed as unpaid: \(open)")
        // The forward, decided once for every month.
        let preview = try hoebi(["collect", "t2", "--members", "이민호,박지훈", "--every-month", "--dry-run"], in: d)
        #expect(preview.status == 0 && preview.out.contains("nothing has changed") || preview.out.contains("dry run"), "\(preview.out)")
        let applied = try hoebi(["collect", "t2", "--members", "이민호,박지훈", "--every-month"], in: d)
        #expect(applied.status == 0 && applied.out.contains("t5"), "June's forward follows the rule: \(applied.out)")
        #expect(try hoebi(["split", "t6", "--dues", "김서연:20000:2026-06", "--other", "뒷풀이:15000"], in: d).status == 0)
        #expect(try hoebi(["ignore", "t4", "--reason", "운영비"], in: d).status == 0)
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2026-05", "--to", "2026-06"], in: d).out)
        let members = try #require(doc["members"] as? [[String: Any]])
        func status(_ i: Int, _ p: String) -> String? { ((members[i]["periods"] as? [String: [String: Any]])?[p])?["status"] as? String }
        for i in 0..<4 { #expect(status(i, "2026-05") == "paid" && status(i, "2026-06") == "paid", "\(members[i])") }
        #expect(doc["collected"] as? Int == 160000)
        let closed = try hoebi(["notice", "--period", "2026-06"], in: d).out
        #expect(closed.contains("모두 납부했습니다") && !closed.contains("⚠️"), "\(closed)")
        // A split that does not add up is refused with the sums, exit code 2, nothing written.
        let bad = try hoebi(["split", "t6", "--dues", "김서연:20000"], in: d)
        #expect(bad.status == 64 && bad.err.contains("20,000") && bad.err.contains("35,000"), "\(bad.err)")
    }

    @Test func aRefundThatReturnsNoDepositIsAsked() throws {
        let d = try club()
        let rows = "datetime,amount,text,memo\n2026-05-24 10:00,20000,김서연,\n2026-07-02 10:00,-50000,박지훈,탈퇴 환불\n"
        try Data(rows.utf8).write(to: d.appendingPathComponent("s.csv"))
        #expect(try hoebi(["import", "s.csv"], in: d).status == 0)
        let review = try hoebi(["review", "--format", "json"], in: d).out
        #expect(review.contains("\"t2\"") && review.contains("refund to 박지훈"), "\(review)")
        // Assigning a transfer out is refused in words; "looked at, not dues" answers it.
        let assign = try hoebi(["assign", "t2", "박지훈"], in: d)
        #expect(assign.status != 0 && assign.err.contains("t2"), "\(assign.err)")
        let looked = try hoebi(["ignore", "t2", "--reason", "탈퇴 회원 정산"], in: d)
        #expect(looked.status == 0 && looked.out.contains("review → not dues"), "\(looked.out)")
        #expect(try hoebi(["review"], in: d).out.contains("Nothing to review"))
        // …and undone, it is asked again.
        #expect(try hoebi(["undo"], in: d).status == 0)
        #expect(try hoebi(["review", "--format", "json"], in: d).out.contains("\"t2\""))
    }
}
