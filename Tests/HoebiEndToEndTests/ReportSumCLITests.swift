import Foundation
import Testing

/// Issue 19 through the binary: a yearly club whose members paid in 2025 and 2026. Over both
/// years, every output says what the money says: 가나다 paid 90,000 (2026 is 일부 30,000 of
/// 60,000), 라마바 120,000, the 2026 column 90,000. The store used to return each 2026 allocation
/// twice for a window spanning two years, and every output doubled it.
@Suite struct ReportSumCLITests {
    func club() throws -> URL {
        let d = try tempDir()
        try Data(
            """
            {"groups": [{"id": "alumni", "name": "동문회", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"cycle": "yearly", "schedule": [{"from": "2025", "amount": 60000}]},
              "members": [{"id": "ga", "name": "가나다"}, {"id": "ra", "name": "라마바"}, {"id": "sa", "name": "사아자", "cycle": "monthly"}]}]}
            """.utf8
        ).write(to: d.appendingPathComponent("hoebi.json"))
        try Data(
            """
            datetime,amount,text
            2025-01-05 10:00,60000,가나다
            2025-01-06 10:00,60000,라마바
            2026-01-05 10:00,30000,가나다
            2026-01-06 10:00,60000,라마바
            """.utf8
        ).write(to: d.appendingPathComponent("s.csv"))
        let r = try hoebi(["import", "s.csv"], in: d)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        return d
    }

    @Test func aYearlyClubOverTwoYearsCountsEachDepositOnce() throws {
        let d = try club()
        let window = ["--from", "2025", "--to", "2026"]
        let doc = try json(try hoebi(["report", "--format", "json"] + window, in: d).out)
        let members = try #require(doc["members"] as? [[String: Any]])
        func cell(_ i: Int, _ p: String) -> [String: Any] { (members[i]["periods"] as? [String: [String: Any]])?[p] ?? [:] }
        #expect(cell(0, "2026")["status"] as? String == "partial" && cell(0, "2026")["paid"] as? Int == 30000 && cell(0, "2026")["owed"] as? Int == 30000)
        #expect(members[0]["collected"] as? Int == 90000 && members[0]["outstanding"] as? Int == 30000)
        #expect(members[1]["collected"] as? Int == 120000)
        // The monthly member owes 5,000 a month: 60,000 a year, nothing paid.
        #expect(cell(2, "2026")["due"] as? Int == 60000 && cell(2, "2026")["status"] as? String == "unpaid")
        let totals = try #require(doc["totals"] as? [[String: Any]])
        #expect(totals.map { $0["collected"] as? Int } == [120000, 90000])
        #expect(doc["collected"] as? Int == 210000 && doc["expected"] as? Int == 360000 && doc["outstanding"] as? Int == 150000)

        // The terminal table, the CSV grid, the HTML page and the workbook show the same figures.
        let table = try hoebi(["report", "--wide"] + window, in: d, env: ["HOEBI_LANG": "ko"]).out
        let gaLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("가나다") })
        #expect(gaLine.contains("일부 30,000") && gaLine.contains("90,000") && !gaLine.contains("180,000"), "\(table)")
        let paidLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("낸 돈") })
        #expect(paidLine.split(separator: " ").map(String.init) == ["낸", "돈", "120,000", "90,000"], "\(paidLine)")
        let csv = try hoebi(["report", "--format", "csv"] + window, in: d).out
        #expect(csv.contains("가나다,ga,완납,\"일부 30,000\",120000,90000,30000,0\r\n"), "\(csv)")
        #expect(csv.contains("라마바,ra,완납,완납,120000,120000,0,0\r\n") && csv.contains("낸 돈 합계,,120000,90000,360000,210000,150000,\r\n"))
        let html = try hoebi(["report", "--format", "html"] + window, in: d).out
        #expect(html.contains(">일부 30,000</td><td class=\"num tot\">120,000</td><td class=\"num tot\">90,000</td><td class=\"num\">30,000</td>"))
        #expect(html.contains("<th class=\"name\">낸 돈 합계</th><td class=\"num\">120,000</td><td class=\"num\">90,000</td>"))
        #expect(try hoebi(["report", "--format", "xlsx", "--output", "r.xlsx"] + window, in: d).status == 0)
        let sheet = try unzip(d.appendingPathComponent("r.xlsx"), "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("일부 30,000") && sheet.contains("<v>90000</v>") && !sheet.contains("<v>180000</v>"), "\(sheet)")

        // The notice and the reminder: 가나다 still owes 30,000 for 2026 and is not among the paid.
        let notice = try hoebi(["notice", "--period", "2026"], in: d, env: ["HOEBI_LANG": "ko"]).out
        let paidPart = try #require(notice.components(separatedBy: "낸 분").last)
        #expect(!paidPart.contains("가나다") && paidPart.contains("라마바") && notice.contains("가나다 30,000원"), "\(notice)")
        let remind = try hoebi(["remind", "가나다", "--period", "2026"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(remind.contains("2026년 30,000원") && !remind.contains("모두 납부"), "\(remind)")
        let history = try json(try hoebi(["history", "가나다", "--format", "json"], in: d).out)
        let paid = (history["deposits"] as? [[String: Any]] ?? []).flatMap { $0["paid"] as? [[String: Any]] ?? [] }
        #expect(paid.compactMap { $0["amount"] as? Int }.reduce(0, +) == 90000)
        // One year alone says the same (it always did).
        let one = try json(try hoebi(["report", "--format", "json", "--from", "2026", "--to", "2026"], in: d).out)
        #expect((one["members"] as? [[String: Any]])?.first?["collected"] as? Int == 30000)
    }

    @Test func aMonthlyPayerInAYearlyClubOwesEachMonthOnce() throws {
        let d = try club()
        // 10,000 from the monthly member pays the two oldest months (5,000 each) of 2025.
        try Data("datetime,amount,text\n2026-03-05 10:00,10000,사아자\n".utf8).write(to: d.appendingPathComponent("t.csv"))
        #expect(try hoebi(["import", "t.csv"], in: d).status == 0)
        let remind = try hoebi(["remind", "사아자", "--period", "2026"], in: d, env: ["HOEBI_LANG": "ko"]).out
        #expect(remind.contains("2025년 50,000원") && remind.contains("2026년 60,000원") && remind.contains("총 110,000원"), "\(remind)")
        let doc = try json(try hoebi(["report", "--format", "json", "--from", "2025", "--to", "2026"], in: d).out)
        let sa = try #require((doc["members"] as? [[String: Any]])?.last)
        #expect(sa["collected"] as? Int == 10000 && sa["outstanding"] as? Int == 110000 && sa["expected"] as? Int == 120000)
        let cells = sa["periods"] as? [String: [String: Any]]
        #expect(cells?["2025"]?["status"] as? String == "partial" && cells?["2025"]?["paid"] as? Int == 10000)
    }
}

/// One part of a zip file, read with the system's unzip (independent of Hoebi's own reader).
func unzip(_ file: URL, _ part: String) throws -> String { try tool(["unzip", "-p", file.path, part]) }
