import Foundation
import Testing

/// What `hoebi.json` holds, changed by commands instead of by hand (issue 23, point 1).
@Suite struct SetupCLITests {
    func made() throws -> URL {
        let d = try tempDir()
        let r = try hoebi(
            [
                "init", "--name", "독서 모임", "--bank", "kakaobank", "--account", "3333-01-1234567", "--amount", "20000",
                "--member", "홍길동", "--member", "김솔", "--member", "김하늘", "--from", "2026-09"
            ], in: d)
        #expect(r.status == 0, "\(r.err)")
        return d
    }

    func group(_ d: URL) throws -> [String: Any] { try json(try hoebi(["group", "show", "--format", "json"], in: d).out) }

    @Test func theGroupsSettingsChangeByCommand() throws {
        let d = try made()
        let edit = try hoebi(
            ["group", "edit", "--start", "2026-06", "--holder", "홍길동", "--treasurer", "홍길동", "--due-day", "25", "--add-word", "뒷풀이", "--fee", "가입비:5만원"],
            in: d)
        #expect(edit.status == 0, "\(edit.err)")
        let g = try group(d)
        let dues = g["dues"] as? [String: Any] ?? [:]
        #expect(dues["start"] as? String == "2026-06" && dues["dueDay"] as? Int == 25)
        #expect((dues["schedule"] as? [[String: Any]])?.count == 1, "moving the start keeps one rate, not two")
        #expect((g["account"] as? [String: Any])?["holder"] as? String == "홍길동")
        #expect((g["treasurer"] as? [String: Any])?["id"] as? String == "m1")
        #expect(g["nonDuesKeywords"] as? [String] == ["뒷풀이"] && (g["fees"] as? [String: Any])?["가입비"] as? Int == 50000)
        // A rate change, then taken back; the first rate cannot be removed.
        #expect(try hoebi(["dues", "set", "25,000", "--from", "2027-01"], in: d).status == 0)
        #expect(try hoebi(["report", "--from", "2027-01", "--to", "2027-01", "--format", "json"], in: d).out.contains("25000"))
        #expect(try hoebi(["dues", "remove", "--from", "2027-01"], in: d).status == 0)
        let first = try hoebi(["dues", "remove", "--from", "2026-06"], in: d)
        #expect(first.status == 64 && first.err.contains("group edit --start"), "\(first.err)")
        // Nothing to change, an unknown treasurer: refused in words, the file untouched.
        let before = try Data(contentsOf: d.appendingPathComponent("hoebi.json"))
        #expect(try hoebi(["group", "edit"], in: d).err.contains("nothing to change"))
        let unknown = try hoebi(["group", "edit", "--treasurer", "박지민"], in: d)
        #expect(unknown.status == 64 && unknown.err.contains("no member '박지민'") && unknown.err.contains("m1 (홍길동)"), "\(unknown.err)")
        // A start after a member's join date would be invalid: refused by the whole-file check.
        #expect(try hoebi(["member", "edit", "김솔", "--joined", "2026-07"], in: d).status == 0)
        let late = try hoebi(["group", "edit", "--start", "2026-08"], in: d)
        #expect(late.status == 78 && late.err.contains("not written"), "\(late.err)")
        #expect(try Data(contentsOf: d.appendingPathComponent("hoebi.json")) != before)  // the join date did change
        // Korean by default, particles chosen.
        let ko = try hoebi(["group"], in: d, env: ["HOEBI_LANG": "ko"])
        #expect(ko.out.contains("(예금주 홍길동)") && ko.out.contains("총무          홍길동 (m1)") && ko.out.contains("매 기간 25일까지"), "\(ko.out)")
    }

    @Test func householdsExemptionsAndLeave() throws {
        let d = try made()
        let add = try hoebi(["household", "add", "김솔", "김하늘", "--amount", "3만원"], in: d)
        #expect(add.status == 0 && add.out.contains("household h1: 김솔·김하늘"), "\(add.err)")
        var report = try json(try hoebi(["report", "--from", "2026-09", "--to", "2026-09", "--format", "json"], in: d).out)
        var rows = report["members"] as? [[String: Any]] ?? []
        #expect(rows.count == 2, "the household is one row: \(rows.map { $0["name"] ?? "" })")
        #expect(try hoebi(["household", "remove", "김하늘"], in: d).out.contains("h1 dissolved"))
        #expect(try hoebi(["member", "exempt", "김솔", "2026-09"], in: d).status == 0)
        #expect(try hoebi(["member", "pause", "김하늘", "--from", "2026-09", "--to", "2026-10"], in: d).status == 0)
        report = try json(try hoebi(["report", "--from", "2026-09", "--to", "2026-09", "--format", "json"], in: d).out)
        rows = report["members"] as? [[String: Any]] ?? []
        func status(_ name: String) -> String? {
            ((rows.first { $0["name"] as? String == name }?["periods"] as? [String: Any])?["2026-09"] as? [String: Any])?["status"] as? String
        }
        #expect(status("김솔") == "exempt" && status("김하늘") == "paused", "\(rows)")
        let notExempt = try hoebi(["member", "exempt", "김솔", "2026-10", "--remove"], in: d)
        #expect(notExempt.status == 64 && notExempt.err.contains("2026-10 is not an exemption"))
        #expect(try hoebi(["member", "pause", "김하늘", "--from", "2026-09", "--remove"], in: d).status == 0)
        #expect(try hoebi(["member", "leave", "김솔", "--last", "2026-10"], in: d).status == 0)
        #expect(try hoebi(["member", "edit", "김솔", "--left", ""], in: d).status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(try hoebi(["member", "list", "--format", "json"], in: d).out.utf8)) as? [[String: Any]] ?? []
        #expect(list.allSatisfy { $0["left"] == nil })
    }

    @Test func aDryRunImportWritesNothing() throws {
        let d = try demoFolder()
        let preview = try hoebi(["import", "--dry-run", "카카오뱅크_거래내역.xlsx"], in: d)
        #expect(preview.status == 0, "\(preview.err)")
        #expect(preview.out.contains("preview: what importing would do") && preview.out.contains("51 new, 0 already known"))
        // What would be asked is listed, names and reasons.
        #expect(preview.out.contains("2 deposit(s) to review") && preview.out.contains("남궁민주"), "\(preview.out)")
        #expect(!FileManager.default.fileExists(atPath: d.appendingPathComponent("hoebi.sqlite").path), "a first dry run makes no ledger")
        let real = try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d)
        #expect(real.out.contains("51 new") && real.out.contains("hoebi revert r"), "\(real.out)")
        let db = d.appendingPathComponent("hoebi.sqlite")
        let runs = try hoebi(["runs", "--format", "json"], in: d).out
        let again = try hoebi(["import", "--dry-run", "카카오뱅크_거래내역.xlsx"], in: d)
        #expect(again.out.contains("0 new, 51 already known"))
        #expect(try hoebi(["runs", "--format", "json"], in: d).out == runs, "the dry run left no run behind")
        #expect(FileManager.default.fileExists(atPath: db.path))
    }

    @Test func initReadsTheStartFromAStatement() throws {
        let d = try demoFolder()
        let r = try hoebi(
            [
                "init", "--config", "new.json", "--statement", "카카오뱅크_거래내역.xlsx", "--name", "독서", "--account", "3333011234567", "--amount", "2만원", "--member",
                "홍길동"
            ],
            in: d)
        #expect(r.status == 0, "\(r.err)")
        // The statement's deposits begin on 3 January: dues start then, at KakaoBank; the masked
        // number the file prints is said, never written as the account.
        #expect(r.err.contains("bank 카카오뱅크") && r.err.contains("first deposit 2026-01-03"), "\(r.err)")
        let g = try json(try hoebi(["group", "show", "--config", "new.json", "--format", "json"], in: d).out)
        #expect((g["dues"] as? [String: Any])?["start"] as? String == "2026-01")
        #expect((g["account"] as? [String: Any])?["bank"] as? String == "kakaobank")
        let masked = try hoebi(["init", "--config", "other.json", "--statement", "카카오뱅크_거래내역.xlsx", "--name", "독서", "--amount", "1", "--member", "a"], in: d)
        #expect(masked.status == 64 && masked.err.contains("is needed"), "\(masked.err)")
    }

    @Test func severalDepositsAreOneDecisionUndoneAsOne() throws {
        let d = try demoFolder()
        #expect(try hoebi(["import", "카카오뱅크_거래내역.xlsx"], in: d).status == 0)
        let ids = try JSONSerialization.jsonObject(with: Data(try hoebi(["review", "--format", "json"], in: d).out.utf8)) as? [[String: Any]] ?? []
        let review = ids.compactMap { $0["id"] as? String }
        #expect(review.count == 2, "\(ids)")
        let preview = try hoebi(["ignore"] + review + ["--reason", "모임비", "--dry-run"], in: d)
        #expect(preview.out.contains("2 deposits decided as one change") && preview.out.contains("dry run"), "\(preview.out)")
        #expect(try hoebi(["review", "--format", "json"], in: d).out.contains(review[0]), "a dry run decides nothing")
        let done = try hoebi(["ignore"] + review + ["--reason", "모임비", "--only"], in: d)
        #expect(done.status == 0 && done.out.contains("undo takes all 2 back together") && done.out.contains("0 deposit(s) still to review"), "\(done.out)")
        // One undo takes the whole change back; the next undo finds nothing.
        let undo = try hoebi(["undo"], in: d)
        #expect(
            undo.out.contains("also took back the 1 other deposit(s) of the same change") && undo.out.contains("2 deposit(s) still to review"), "\(undo.out)")
        #expect(try hoebi(["undo"], in: d).out.contains("No decision to undo"))
        // By the words in the text: only deposits in review are candidates.
        let byText = try hoebi(["ignore", "--matching", "엄마", "--reason", "모임비"], in: d)
        #expect(byText.status == 0 && byText.out.contains("송채원엄마") && !byText.out.contains("남궁민주'  "), "\(byText.out)")
        let none = try hoebi(["ignore", "--matching", "홍길동", "--reason", "x"], in: d)
        #expect(none.status == 64 && none.err.contains("no deposit in review contains"), "\(none.err)")
        // Assigning works the same way: several deposits, then the member; undone as one.
        #expect(try hoebi(["undo"], in: d).status == 0)
        let both = try hoebi(["assign"] + review + ["남궁민수", "--only"], in: d)
        #expect(both.status == 0 && both.out.contains("2 deposits decided as one change"), "\(both.out)")
        #expect(try hoebi(["undo"], in: d).out.contains("also took back the 1 other deposit(s)"))
        #expect(try hoebi(["assign", "t24"], in: d).err.contains("say to whom"))
    }

    @Test func anImportSaysWhenDepositsComeBeforeAMemberJoined() throws {
        let d = try made()
        #expect(try hoebi(["member", "edit", "김솔", "--joined", "2026-10"], in: d).status == 0)
        try Data("datetime,amount,text\n2026-09-05 10:00,20000,김솔\n2026-09-06 10:00,20000,홍길동\n".utf8).write(to: d.appendingPathComponent("s.csv"))
        let r = try hoebi(["import", "s.csv"], in: d)
        #expect(
            r.err.contains("김솔's deposits start in 2026-09 but they joined in 2026-10") && r.err.contains("hoebi member edit 김솔 --joined 2026-09"), "\(r.err)")
        // The one command it names settles it: the deposit pays September.
        #expect(try hoebi(["member", "edit", "김솔", "--joined", "2026-09"], in: d).status == 0)
        #expect(try hoebi(["review"], in: d).out.contains("Nothing to review"))
    }
}
