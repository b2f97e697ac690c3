import Foundation
import Testing

/// The club's book beyond dues (issue 24): an event's fee, who paid and who owes, money no name
/// tells, a deposit that is dues and fee at once, the treasurer's lines for withdrawals, and the
/// 결산 that reads them — all through the binary, against sums of the statement's own rows.
@Suite struct ClubBookCLITests {
    /// A mountain club: dues 20,000 from October, a 송년회 with a 30,000 fee. 김솔 and 이하늘 pay
    /// the fee (name in the text, and in the memo), 최도윤 sends dues and fee as one 50,000, a guest
    /// pays under her own name, the dinner and the karaoke are paid by card, and 최도윤 gets 20,000 back.
    func club() throws -> URL {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "산악회", "account": {"bank": "kakaobank", "number": "3333-01-1234567", "holder": "박지민"},
              "dues": {"schedule": [{"from": "2026-10", "amount": 20000}]}, "treasurer": "m4",
              "members": [{"id": "m1", "name": "김솔"}, {"id": "m2", "name": "이하늘"}, {"id": "m3", "name": "최도윤"}, {"id": "m4", "name": "박지민"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,kind,amount,balance,text,memo
            2026-10-01 09:00,입금,20000,120000,김솔,
            2026-10-02 09:00,입금,20000,140000,이하늘,
            2026-10-03 09:00,입금,20000,160000,최도윤,
            2026-10-03 10:00,입금,20000,180000,박지민,
            2026-11-01 09:00,입금,20000,200000,김솔,
            2026-11-25 09:00,입금,30000,230000,김솔송년회,
            2026-11-26 09:00,입금,30000,260000,이하늘,송년회
            2026-11-27 09:00,입금,50000,310000,최도윤 송년회,
            2026-11-28 09:00,입금,30000,340000,홍길동,송년회 참가비
            2026-12-20 21:00,체크카드결제,-150000,190000,한우마을 강남점,
            2026-12-20 23:00,체크카드결제,-40000,150000,노래연습장,
            2026-12-21 10:00,이체,-20000,130000,최도윤,송년회 환불
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        #expect(try hoebi(["event", "add", "송년회", "--date", "2026-12-20", "--fee", "3만원"], in: d).status == 0)
        let r = try hoebi(["import", "s.csv"], in: d)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        return d
    }

    func attendees(_ d: URL) throws -> [String: [String: Any]] {
        let doc = try json(try hoebi(["event", "show", "송년회", "--format", "json"], in: d).out)
        return Dictionary(uniqueKeysWithValues: (doc["attendees"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) })
    }

    @Test func anEventsFeeIsFiledAndAQuestionIsNeverShownAsOwing() throws {
        let d = try club()
        var a = try attendees(d)
        #expect(a["김솔"]?["paid"] as? Int == 30000 && a["이하늘"]?["paid"] as? Int == 30000 && a["박지민"]?["owes"] as? Int == 30000, "\(a)")
        // 50,000 is dues and fee at once: a question, so 최도윤 is neither paid nor owing.
        #expect(a["최도윤"]?["checking"] as? Int == 50000 && a["최도윤"]?["owes"] as? Int == 0, "\(a)")
        let doc = try json(try hoebi(["event", "show", "송년회", "--format", "json"], in: d).out)
        #expect((doc["unmatched"] as? [[String: Any]] ?? []).map { $0["text"] as? String } == ["홍길동"], "the guest's money waits for a person")
        let notice = try hoebi(["notice", "--event", "송년회"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(notice.out.contains("낸 사람 2명: 김솔, 이하늘") && notice.out.contains("아직 1명: 박지민 30,000원"), "\(notice.out)")
        #expect(!notice.out.contains("최도윤") && notice.out.contains("확인 중인 입금 2건"), "\(notice.out)")
        #expect(notice.err.contains("확인할 입금이 2건"), "the treasurer is told on stderr: \(notice.err)")
        // The treasurer answers: the guest's money was 박지민's, and 최도윤's deposit is split.
        #expect(try hoebi(["event", "pay", "송년회", "t9", "--member", "박지민"], in: d).status == 0)
        #expect(try hoebi(["split", "t8", "--dues", "최도윤:20000", "--other", "송년회:30000"], in: d).status == 0)
        a = try attendees(d)
        #expect(a["박지민"]?["paid"] as? Int == 30000 && a["최도윤"]?["paid"] as? Int == 30000 && a["최도윤"]?["owes"] as? Int == 20000, "\(a)")
        // Undo takes the split back, then the payment: 박지민 owes again.
        #expect(try hoebi(["undo"], in: d).status == 0)
        #expect(try hoebi(["undo"], in: d).status == 0)
        a = try attendees(d)
        #expect(a["박지민"]?["owes"] as? Int == 30000, "\(a)")
        let bad = try hoebi(["event", "show", "송년화"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(bad.status == 64 && bad.err.contains("있는 행사: 송년회"), "\(bad.err)")
        let date = try hoebi(["event", "add", "MT", "--date", "12월"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(date.status == 64 && date.err.contains("2026-12-20처럼"), "\(date.err)")
    }

    @Test func theTreasurersLinesReachTheClosingAndCanBeTakenBack() throws {
        let d = try club()
        let preview = try hoebi(["category", "set", "t10", "t11", "송년회", "--dry-run"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(preview.out.contains("분류 안 됨 → 송년회"), "\(preview.out)")
        func spending() throws -> [String: Int] {
            let doc = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: d).out)
            return (doc["spending"] as? [String: Any])?["kinds"] as? [String: Int] ?? [:]
        }
        #expect(try spending()["unsorted"] == 190000, "a dry run changes nothing")
        #expect(try hoebi(["category", "set", "t10", "t11", "송년회"], in: d).status == 0)
        // The refund names the event too: the whole 210,000 is the 송년회's.
        #expect(try spending() == ["송년회": 210000])
        let settle = try hoebi(["event", "settle", "송년회"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(settle.contains("쓴 돈 190,000원") && settle.contains("1인당 47,500원"), "\(settle)")
        #expect(try hoebi(["category", "undo"], in: d).status == 0)
        #expect(try spending()["unsorted"] == 190000)
        // A rule of the group's own: every 노래 withdrawal is 회식비.
        #expect(try hoebi(["category", "rule", "노래", "회식비"], in: d).status == 0)
        #expect(try spending()["회식비"] == 40000)
    }

    @Test func theClosingsDuesAndEventsAddUp() throws {
        let d = try club()
        let rows = try String(contentsOf: d.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let amounts = rows.map { Int($0[2])! }
        let doc = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: d).out)
        let income = try #require(doc["income"] as? [String: Any]), spending = try #require(doc["spending"] as? [String: Any])
        #expect(income["total"] as? Int == amounts.filter { $0 > 0 }.reduce(0, +))
        #expect(spending["total"] as? Int == -amounts.filter { $0 < 0 }.reduce(0, +))
        #expect((income["kinds"] as? [String: Int] ?? [:]).values.reduce(0, +) == income["total"] as? Int, "\(income)")
        #expect(doc["closing"] as? Int == Int(rows.last![3])! && doc["bankBalance"] as? Int == Int(rows.last![3])!)
        #expect((doc["gaps"] as? [Any])?.isEmpty == true, "a whole statement has no gap")
        // A statement missing 김솔's November row: the 결산 says where, and the ends disagree.
        let gap = try tempDir()
        try FileManager.default.copyItem(at: d.appendingPathComponent("hoebi.json"), to: gap.appendingPathComponent("hoebi.json"))
        let text = try String(contentsOf: d.appendingPathComponent("s.csv"), encoding: .utf8)
        try Data(text.split(separator: "\n").filter { !$0.hasPrefix("2026-11-01") }.joined(separator: "\n").utf8).write(to: gap.appendingPathComponent("s.csv"))
        #expect(try hoebi(["import", "s.csv"], in: gap).status == 0)
        let holed = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: gap).out)
        #expect((holed["gaps"] as? [[String: Any]])?.first?["missing"] as? Int == 20000, "\(holed["gaps"] ?? "")")
        #expect(holed["closing"] as? Int != holed["bankBalance"] as? Int)
        let dues = try #require(doc["dues"] as? [String: Any])
        // Two months due for four members; 박지민 and 이하늘 have not paid November.
        #expect(dues["owed"] as? Int == 160000 && dues["collected"] as? Int == 100000, "\(dues)")
        let arrears = (dues["arrears"] as? [[String: Any]] ?? []).compactMap { $0["member"] as? String }
        #expect(Set(arrears) == ["박지민", "이하늘", "최도윤"], "\(arrears)")
        let event = try #require((doc["events"] as? [[String: Any]])?.first)
        #expect(event["name"] as? String == "송년회" && event["collected"] as? Int == 60000 && event["refunded"] as? Int == 20000, "\(event)")
    }

    /// Receipts go with money out and are known by their bytes; the handover bundle carries them,
    /// restores the ledger exactly elsewhere, and refuses a bundle that was changed.
    @Test func receiptsAndTheHandoverBundle() throws {
        let d = try club()
        // A real JPEG start and a PDF header, written here; a text file is refused by its bytes.
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 64)).write(to: d.appendingPathComponent("영수증.jpg"))
        try Data("%PDF-1.4\n%…\n".utf8).write(to: d.appendingPathComponent("bill.pdf"))
        try Data("just text".utf8).write(to: d.appendingPathComponent("fake.jpg"))
        #expect(try hoebi(["receipt", "add", "t10", "영수증.jpg"], in: d).status == 0)
        #expect(try hoebi(["receipt", "add", "t11", "bill.pdf"], in: d).status == 0)
        let fake = try hoebi(["receipt", "add", "t11", "fake.jpg"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(fake.status == 64 && fake.err.contains("PDF가 아닙니다"), "\(fake.err)")
        #expect(try hoebi(["receipt", "add", "t1", "bill.pdf"], in: d).status != 0, "a deposit takes no receipt")
        // Taking the import back would drop the rows the receipts hang on: refused, in words.
        let revert = try hoebi(["revert", "r2"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(revert.status != 0 && revert.err.contains("영수증이 붙어 있어") && revert.err.contains("r1 r2"), "\(revert.out)\(revert.err)")
        let html = try hoebi(["report", "--format", "html", "--mask", "--from", "2026-12", "--to", "2026-12"], in: d).out
        #expect(html.components(separatedBy: "🧾 영수증").count == 3, "members see that two receipts exist")
        #expect(try hoebi(["category", "set", "t10", "송년회"], in: d).status == 0)
        let before = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: d).out)
        let out = try hoebi(["export", "인계.zip"], in: d)
        #expect(out.status == 0, "\(out.err)")
        let elsewhere = try tempDir()
        let restored = try hoebi(["import-bundle", d.appendingPathComponent("인계.zip").path, "--into", "new"], in: elsewhere, env: ["HOEBI_LANG": "ko"])
        #expect(restored.status == 0 && restored.out.contains("receipts 2") && restored.out.contains("같습니다"), "\(restored.out)\(restored.err)")
        let new = elsewhere.appendingPathComponent("new")
        let after = try json(try hoebi(["closing", "--year", "2026", "--format", "json"], in: new).out)
        #expect(NSDictionary(dictionary: after) == NSDictionary(dictionary: before), "the 결산 is the same on the new machine")
        #expect(try hoebi(["receipt", "get", "r1", "--output", "r.jpg"], in: new).status == 0)
        #expect(try Data(contentsOf: new.appendingPathComponent("r.jpg")) == Data(contentsOf: d.appendingPathComponent("영수증.jpg")))
        #expect(FileManager.default.fileExists(atPath: new.appendingPathComponent("결산-club-2026.html").path))
        // A bundle whose ledger was changed after the export (one amount, with Python's own sqlite3
        // and zipfile): refused by its checksum, and nothing is restored.
        let script = """
            import sqlite3, sys, tempfile, zipfile, os
            src, dst = sys.argv[1], sys.argv[2]
            tmp = tempfile.mkdtemp()
            with zipfile.ZipFile(src) as z: z.extractall(tmp)
            db = sqlite3.connect(os.path.join(tmp, "hoebi.sqlite")); db.execute("UPDATE transactions SET amount = amount + 1 WHERE id = 1"); db.commit(); db.close()
            with zipfile.ZipFile(dst, "w") as z:
                for n in os.listdir(tmp): z.write(os.path.join(tmp, n), n)
            """
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", "-c", script, d.appendingPathComponent("인계.zip").path, d.appendingPathComponent("바뀜.zip").path]
        try py.run()
        py.waitUntilExit()
        #expect(py.terminationStatus == 0)
        let tampered = try hoebi(["import-bundle", d.appendingPathComponent("바뀜.zip").path, "--into", "other"], in: elsewhere, env: ["HOEBI_LANG": "ko"])
        #expect(tampered.status == 64 && tampered.err.contains("만들 때와 다릅니다"), "\(tampered.err)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("other/hoebi.json").path), "nothing restored")
        // Restoring twice into one folder would overwrite: refused, nothing touched.
        let again = try hoebi(["import-bundle", d.appendingPathComponent("인계.zip").path, "--into", "new"], in: elsewhere)
        #expect(again.status == 64)
    }

    /// Money that only says 참가비 or 뒷풀이 (issue 24: "12/20 참가비", "뒷풀이 on the event's day"):
    /// the event's day named or the day itself ties it; a week early it is a question, so its payer
    /// is neither paid nor owing; a monthly 뒷풀이 filed elsewhere by the treasurer is not the event's.
    @Test func wordsForAShareTieMoneyByTheDayOrAskAboutIt() throws {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "club", "name": "산악회", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"schedule": [{"from": "2026-10", "amount": 20000}]},
              "members": [{"id": "m1", "name": "김솔"}, {"id": "m2", "name": "이하늘"}, {"id": "m3", "name": "최도윤"}, {"id": "m4", "name": "박지민"}],
              "events": [{"name": "송년회", "date": "2026-12-20", "fee": 30000}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,amount,balance,text,memo
            2026-11-28 20:00,15000,15000,최도윤 뒷풀이,
            2026-12-05 09:00,30000,45000,김솔,12/20 참가비
            2026-12-13 09:00,30000,75000,박지민 참가비,
            2026-12-20 22:00,30000,105000,이하늘 뒷풀이,
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        #expect(try hoebi(["import", "s.csv"], in: d).status == 0)
        var a = try attendees(d)
        #expect(a["김솔"]?["paid"] as? Int == 30000, "the day named in the memo: \(a)")
        #expect(a["이하늘"]?["paid"] as? Int == 30000, "뒷풀이 on the event's day")
        #expect(a["박지민"]?["paid"] as? Int == 0 && a["박지민"]?["checking"] as? Int == 30000 && a["박지민"]?["owes"] as? Int == 0, "a week early: asked")
        #expect(a["최도윤"]?["checking"] as? Int == 15000 && a["최도윤"]?["owes"] as? Int == 0, "a 뒷풀이 three weeks before: asked too")
        let notice = try hoebi(["notice", "--event", "송년회"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(notice.contains("낸 사람 2명: 김솔, 이하늘") && !notice.contains("아직") && notice.contains("확인 중인 입금 2건"), "\(notice)")
        // The treasurer answers: 박지민's was the fee; 최도윤's was November's own 뒷풀이.
        #expect(try hoebi(["event", "pay", "송년회", "t3"], in: d).status == 0)
        #expect(try hoebi(["category", "set", "t1", "11월 뒷풀이"], in: d).status == 0)
        a = try attendees(d)
        #expect(a["박지민"]?["paid"] as? Int == 30000 && a["최도윤"]?["checking"] as? Int == 0 && a["최도윤"]?["owes"] as? Int == 30000, "\(a)")
    }
}
