import Foundation
import Testing

@testable import HoebiCore
@testable import HoebiRender

func sampleReport() -> Report {
    let p = { (s: String) in Period(s)! }
    let g = Group(
        id: "hiking", name: "북한산 산악회", account: Account(bank: "kakaobank", number: "3333-01-1234567", holder: "홍길동"),
        dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
        members: [
            Member(id: "hong", name: "홍길동"), Member(id: "kim", name: "김솔", amount: 15000),
            Member(id: "emily", name: "EMILY PARK", exempt: [p("2026-02")])
        ],
        treasurer: "hong")
    let t = SeoulTime(parsing: "2026-01-05 10:00:00")!
    let snapshot = LedgerSnapshot(
        transactions: 7, balance: 1_234_567,
        allocations: [
            Allocation(transactionID: 42, memberID: "hong", period: p("2026-01"), amount: 30000),
            Allocation(transactionID: 42, memberID: "hong", period: p("2026-02"), amount: 30000),
            Allocation(transactionID: 43, memberID: "kim", period: p("2026-01"), amount: 10000)
        ],
        deposits: [42: .init(id: 42, time: t, amount: 60000, text: "홍길동1,2월"), 43: .init(id: 43, time: t, amount: 10000, text: "김솔")],
        review: [.init(id: 77, time: t, amount: 30000, text: "홍길등", reason: "unknown depositor", suggestion: "hong")],
        other: [.init(id: 80, time: t, amount: 1237, text: "결산이자", reason: "interest")])
    return try! Report(group: g, periods: [p("2026-01"), p("2026-02")], snapshot: snapshot)
}

@Suite struct RenderTests {
    @Test func jsonKeepsTheContract() throws {
        let json = try ReportJSON.render(sampleReport())
        let doc = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(doc["group"] as? String == "hiking")
        #expect(doc["periods"] as? [String] == ["2026-01", "2026-02"])
        #expect(doc["transactions"] as? Int == 7)
        #expect(doc["balance"] as? Int == 1_234_567)
        let members = doc["members"] as! [[String: Any]]
        let hong = members[0]
        #expect(hong["id"] as? String == "hong" && hong["name"] as? String == "홍길동" && hong["outstanding"] as? Int == 0)
        let jan = (hong["periods"] as! [String: Any])["2026-01"] as! [String: Any]
        #expect(jan["due"] as? Int == 30000 && jan["paid"] as? Int == 30000 && jan["status"] as? String == "paid")
        let deposits = hong["deposits"] as! [[String: Any]]
        #expect(deposits.count == 1)  // split over two months, listed once with its full amount
        #expect(deposits[0]["id"] as? String == "t42" && deposits[0]["amount"] as? Int == 60000)
        #expect(deposits[0]["date"] as? String == "2026-01-05T10:00:00+09:00" && deposits[0]["text"] as? String == "홍길동1,2월")
        let kim = members[1]
        #expect(kim["outstanding"] as? Int == 20000)
        #expect(((kim["periods"] as! [String: Any])["2026-01"] as! [String: Any])["status"] as? String == "partial")
        let emily = ((members[2]["periods"] as! [String: Any])["2026-02"] as! [String: Any])
        #expect(emily["status"] as? String == "exempt")
        let review = doc["review"] as! [[String: Any]]
        #expect(review[0]["id"] as? String == "t77" && review[0]["reason"] as? String == "unknown depositor")
        let other = doc["other"] as! [[String: Any]]
        #expect(other[0]["reason"] as? String == "interest" && other[0]["amount"] as? Int == 1237)
    }

    @Test func tableAlignsHangulByDisplayWidth() {
        let lines = ReportTable.render(sampleReport()).split(separator: "\n").map(String.init)
        let header = lines[1], hong = lines[3], emily = lines[5]
        #expect(header.hasPrefix("회원"))
        // The first period column ends at the same display column on every row (columns are right-aligned).
        func column(of needle: String, in line: String) -> Int {
            DisplayWidth.of(String(line[..<line.range(of: needle)!.upperBound]))
        }
        #expect(column(of: "26.01", in: header) == column(of: "완납", in: hong))
        #expect(column(of: "26.01", in: header) == column(of: "미납", in: emily))
        #expect(lines.contains { $0.contains("확인 필요 1건") })
        let collected = lines.first { $0.hasPrefix("낸 돈") }!
        #expect(column(of: "40,000", in: collected) == column(of: "26.01", in: header))  // 30,000 + 10,000 in January
        #expect(lines.contains { $0.hasPrefix("미납액") && $0.contains("35,000") })
    }

    @Test func csvHasOneLinePerMemberAndPeriod() {
        let lines = ReportCSV.render(sampleReport(), layout: .long).split(separator: "\n")
        #expect(lines[0] == "group,member_id,name,period,due,paid,status")
        #expect(lines.count == 1 + 3 * 2)
        #expect(lines.contains("hiking,kim,김솔,2026-01,15000,10000,partial"))
        #expect(lines.contains("hiking,emily,EMILY PARK,2026-02,0,0,exempt"))
    }

    @Test func htmlEscapesAndShowsStatuses() {
        let html = ReportHTML.render(sampleReport())
        #expect(html.contains("<td class=\"partial\""))
        #expect(html.contains("홍길등"))
        #expect(!html.contains("<script"))
    }

    /// Depositor texts come from anyone who sends 1 won, names and the group's name from the
    /// configuration: the HTML report escapes all of them, the text notice keeps them verbatim.
    @Test func hostileTextsAreEscapedInHTMLAndVerbatimInText() throws {
        let p = { (s: String) in Period(s)! }
        let evil = "<img src=x onerror=alert(1)>&\"q\"'"
        let g = Group(
            id: "g", name: "A&B <모임>", account: Account(bank: "kakaobank", number: "1", holder: "<b>홀더</b>"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
            members: [Member(id: "x", name: evil), Member(id: "kim", name: "김솔")])
        let t = SeoulTime(parsing: "2026-01-05 10:00:00")!
        let r = try Report(
            group: g, periods: [p("2026-01")],
            snapshot: LedgerSnapshot(
                transactions: 2, balance: 0,
                allocations: [Allocation(transactionID: 1, memberID: "x", period: p("2026-01"), amount: 30000)],
                deposits: [1: .init(id: 1, time: t, amount: 30000, text: "<script>alert(1)</script>")],
                review: [.init(id: 2, time: t, amount: 5000, text: "<svg onload=alert(2)>", reason: "\"><i>reason</i>")], other: []))
        for html in [ReportHTML.render(r), ReportHTML.render(r, mask: true)] {
            for raw in ["<img", "<script>alert", "<svg", "<i>reason", "<b>홀더", "<모임>"] { #expect(!html.contains(raw), "\(raw)") }
        }
        let html = ReportHTML.render(r)
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&quot;"))
        #expect(html.contains("&lt;svg onload=alert(2)&gt;") && html.contains("A&amp;B &lt;모임&gt;"))
        // The notice is plain text for a chat: nothing escaped there.
        let text = try NoticeRenderer.render(Notice(report: r, period: p("2026-01"), mask: false))
        #expect(text.contains("A&B <모임>") && text.contains(evil), "\(text)")
        #expect(!text.contains("&amp;") && !text.contains("&lt;"))
    }

    @Test func noticeDefaultTemplate() throws {
        let r = sampleReport()
        let text = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: false))
        #expect(text.contains("[북한산 산악회] 2026년 2월 회비 안내"))
        #expect(text.contains("2월 10일(화)"))
        #expect(text.contains("- 김솔 15,000원 (밀린 회비 포함 총 20,000원)"))
        #expect(text.contains("✅ 낸 분 (1명): 홍길동"))
        #expect(text.contains("면제: EMILY PARK"))
        #expect(text.contains("카카오뱅크 3333-01-1234567 (홍길동)"))
        #expect(text.contains("총무 홍길동"))
        #expect(!text.contains("&"))  // text mode: nothing HTML-escaped
    }

    @Test func noticeMaskedAndCustomTemplate() throws {
        let r = sampleReport()
        // --mask hides members' names; the account to pay into, its holder and the treasurer stay.
        let masked = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: true))
        #expect(masked.contains("- 김* 15,000원") && masked.contains("✅ 낸 분 (1명): 홍*동"), "\(masked)")
        #expect(masked.contains("카카오뱅크 3333-01-1234567 (홍길동)") && masked.contains("총무 홍길동"))
        let account = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: true, maskAccount: true))
        #expect(account.contains("3333-**-***4567") && !account.contains("1234567"))
        let custom = try NoticeRenderer.render(
            Notice(report: r, period: Period("2026-01")!, mask: false),
            template: "{{% CONTENT_TYPE: TEXT}}{{periodLabel}}:{{#unpaid}} {{name}}={{owed}}{{/unpaid}}")
        // The sample has a deposit in review that holds no one's period; a template that does not
        // mention it still asks members to speak up.
        #expect(custom == "2026년 1월: 김솔=5,000 EMILY PARK=30,000\n❓ 누가 보냈는지 아직 확인하지 못한 입금이 1건 있습니다. 내셨는데 미납으로 나오면 총무에게 알려 주세요.\n")
        let mentions = try NoticeRenderer.render(
            Notice(report: r, period: Period("2026-01")!, mask: false),
            template: "{{% CONTENT_TYPE: TEXT}}{{periodLabel}}:{{#unpaid}} {{name}}={{owed}}{{/unpaid}} ({{reviewCount}})")
        #expect(mentions == "2026년 1월: 김솔=5,000 EMILY PARK=30,000 (1)")
    }
}

/// Notices for the group chat (issue 12, point 5).
@Suite struct NoticeTests {
    func bigReport(_ n: Int) throws -> Report {
        let p = { (s: String) in Period(s)! }
        let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"], givens = ["민준", "서연", "도윤", "지우", "하은"]
        let members = (0..<n).map { Member(id: "m\($0)", name: surnames[$0 % 10] + givens[($0 / 10) % 5] + (($0 / 50) > 0 ? "\($0 / 50)" : "")) }
        let g = Group(
            id: "big", name: "큰 모임", account: Account(bank: "kakaobank", number: "3333-01-1234567", holder: "김총무"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]), members: members)
        // Everyone paid January; half paid February; a few owe both.
        var allocations: [Allocation] = []
        for (i, m) in members.enumerated() {
            if i % 9 != 0 { allocations.append(Allocation(transactionID: Int64(i), memberID: m.id, period: p("2026-01"), amount: 30000)) }
            if i % 2 == 0 { allocations.append(Allocation(transactionID: Int64(1000 + i), memberID: m.id, period: p("2026-02"), amount: 30000)) }
        }
        var r = try Report(
            group: g, periods: [p("2026-01"), p("2026-02")],
            snapshot: LedgerSnapshot(transactions: 100, balance: nil, allocations: allocations, deposits: [:], review: [], other: []))
        r.asOf = SeoulTime(parsing: "2026-02-20 14:03:00")
        return r
    }

    @Test func fiftyMembersFitInACompactNotice() throws {
        let r = try bigReport(50)
        let full = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: false), layout: .full)
        let text = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: false))
        #expect(full.split(separator: "\n").count > 30 && text.count < full.count)
        #expect(text.count < 1000 && text.split(separator: "\n").count <= 8, "\(text.count) characters:\n\(text)")
        #expect(text.contains("2월 20일 14:03 기준") && text.contains("❌ 미납 25명") && text.contains("(총 60,000)"))
        let unpaidOnly = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: false), unpaidOnly: true)
        #expect(!unpaidOnly.contains("✅"))
        // A small group keeps the full layout, with its "as of" line.
        let small = try NoticeRenderer.render(Notice(report: try bigReport(6), period: Period("2026-02")!, mask: false))
        #expect(small.contains("❌ 아직 안 낸 분") && small.contains("(2월 20일 14:03 입출금까지 반영)"))
    }

    /// A yearly club's notice says 연회비, and the compact layout gives an amount beside anyone
    /// who owes something else than the year's dues (issue 23, point 8).
    @Test func aYearlyClubsNoticeSaysYearlyDuesAndAmounts() throws {
        let p = { (s: String) in Period(s)! }
        var part = Member(id: "m1", name: "김솔")
        part.cycle = .monthly
        let members = [part] + (2...30).map { Member(id: "m\($0)", name: "회원\($0)") }
        let g = Group(
            id: "y", name: "동문회", account: Account(bank: "kakaobank", number: "3333-01-1234567"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026"), amount: 60000)], cycle: .yearly), members: members)
        let r = try Report(
            group: g, periods: [p("2026")],
            snapshot: LedgerSnapshot(
                transactions: 1, balance: nil,
                allocations: [Allocation(transactionID: 1, memberID: "m1", period: p("2026-01"), amount: 5000)], deposits: [:], review: [], other: []))
        let full = try NoticeRenderer.render(Notice(report: r, period: p("2026"), mask: false), layout: .full)
        #expect(full.contains("2026년 연회비 안내"), "\(full)")
        let compact = try NoticeRenderer.render(Notice(report: r, period: p("2026"), mask: false), layout: .compact)
        // Every name under the amount it owes: a compact notice never reads as "the whole year".
        #expect(compact.contains("연회비 60,000원") && compact.contains("55,000원 김솔") && compact.contains("60,000원씩 회원2,"), "\(compact)")
    }

    @Test func templateErrorsSayWhere() throws {
        let n = Notice(report: sampleReport(), period: Period("2026-02")!, mask: false)
        #expect {
            try NoticeRenderer.render(n, template: "{{% CONTENT_TYPE: TEXT}}\n{{groupName}}\n{{#unpaid}}{{naem}}{{/unpaid}}", name: "my.mustache")
        } throws: { e in
            let t = "\(e)"
            return t.hasPrefix("my.mustache, line 3, column 12: unknown variable 'naem'") && t.contains("did you mean 'name'?")
        }
        #expect {
            try NoticeRenderer.render(n, template: "{{groupName}}\n{{#unpaid}}{{name}}", name: "my.mustache")
        } throws: { e in "\(e)".hasPrefix("my.mustache, line") && "\(e)".contains("never closed") }
        // Item variables outside their list are unknown too.
        #expect(throws: TemplateError.self) { try NoticeRenderer.render(n, template: "{{owed}}") }
    }

    @Test func aPersonalReminder() throws {
        let r = sampleReport()
        let text = try #require(Reminder.render(report: r, member: "kim", period: Period("2026-02")!))
        #expect(text.contains("[북한산 산악회] 김솔님") && text.contains("2026년 1월 5,000원, 2026년 2월 15,000원 (총 20,000원)"), "\(text)")
        #expect(text.contains("카카오뱅크 3333-01-1234567 (홍길동)") && text.contains("총무 홍길동"))
        let paid = try #require(Reminder.render(report: r, member: "hong", period: Period("2026-02")!))
        #expect(paid.contains("2026년 2월까지 모두 납부하셨습니다"))
    }
}

/// The terminal table fits the terminal (issue 12, point 2).
@Suite struct TableWidthTests {
    @Test func theTableFitsEightyColumnsAndSaysWhatItLeftOut() throws {
        let p = { (s: String) in Period(s)! }
        let g = Group(
            id: "g", name: "모임", account: Account(bank: "kakaobank", number: "1"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
            members: [Member(id: "a", name: "남궁민수"), Member(id: "b", name: "김솔")])
        let r = try Report(
            group: g, periods: Period.range(p("2026-01"), p("2026-12")),
            snapshot: LedgerSnapshot(transactions: 0, balance: nil, allocations: [], deposits: [:], review: [], other: []))
        let wide = ReportTable.render(r)
        #expect(wide.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 80 })
        let fitted = ReportTable.render(r, width: 80)
        for line in fitted.split(separator: "\n") where line.contains("──") || line.contains("미납") || line.contains("26.") {
            #expect(DisplayWidth.of(String(line)) <= 80, "\(line)")
        }
        #expect(fitted.contains("26.12") && !fitted.contains("26.01 ") && fitted.contains("생략") && fitted.contains("--wide"))
    }
}

@Suite struct GridCSVTests {
    @Test func theGridOpensInKoreanExcel() {
        let csv = ReportCSV.render(sampleReport())
        #expect(csv.hasPrefix("\u{FEFF}회원,아이디,2026년 1월,2026년 2월,낼 돈,낸 돈,미납액,선납·초과\r\n"))
        let lines = csv.dropFirst().split(separator: "\r\n")
        #expect(lines.count == 1 + 3 + 2)
        #expect(lines.contains("김솔,kim,\"일부 10,000\",미납,30000,10000,20000,0"))
        #expect(lines.contains("EMILY PARK,emily,미납,면제,30000,0,30000,0"))
        #expect(ReportCSV.field("=HYPERLINK(1)") == "\"'=HYPERLINK(1)\"")
    }
}

/// The HTML report to share (issue 12, point 4; the Chromium check is still to come).
@Suite struct ShareHTMLTests {
    @Test func phonePrintLegendAsOfAndMoney() {
        var r = sampleReport()
        r.asOf = SeoulTime(parsing: "2026-02-20 14:03:00")
        r.money = MoneyBook(
            opening: 20_000, income: 100_000, spending: 45_000, bankBalance: 75_000,
            withdrawals: [.init(id: 90, time: SeoulTime(parsing: "2026-02-11 09:00:00")!, amount: 45_000, text: "북한산대피소")], otherIncome: [], prepaid: [])
        let html = ReportHTML.render(r)
        #expect(html.contains("name=\"viewport\"") && html.contains("@page{size:A4 landscape") && html.contains("word-break:keep-all"))
        #expect(html.contains("2026년 2월 20일 14:03 기준") && html.contains("면제</span>이번에는 안 내도 됨"))
        #expect(html.contains("+ 들어온 돈</th><td>100,000원") && html.contains("− 나간 돈</th><td>45,000원") && html.contains("북한산대피소"))
        // 20,000 + 100,000 − 45,000 = 75,000, the bank's balance.
        #expect(html.contains("= 끝 잔액</th><td><b>75,000원</b>") && html.contains("75,000원 (맞음)"))
        // A shop's name is not a person's: masked pages keep it.
        #expect(ReportHTML.render(r, mask: true).contains("북한산대피소"))
        #expect(html.contains("홍길등"))
        let masked = ReportHTML.render(r, mask: true)
        #expect(!masked.contains("홍길동") && masked.contains("홍*동") && !masked.contains("홍길등") && masked.contains("총무가 확인 중"))
    }
}
