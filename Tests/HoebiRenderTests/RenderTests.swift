import Foundation
import Testing
@testable import HoebiCore
@testable import HoebiRender

func sampleReport() -> Report {
    let p = { (s: String) in Period(s)! }
    let g = Group(id: "hiking", name: "북한산 산악회", account: Account(bank: "kakaobank", number: "3333-01-1234567", holder: "홍길동"),
                  dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
                  members: [Member(id: "hong", name: "홍길동"), Member(id: "kim", name: "김솔", amount: 15000),
                            Member(id: "emily", name: "EMILY PARK", exempt: [p("2026-02")])],
                  treasurer: "hong")
    let t = SeoulTime(parsing: "2026-01-05 10:00:00")!
    let snapshot = LedgerSnapshot(
        transactions: 7, balance: 1_234_567,
        allocations: [Allocation(transactionID: 42, memberID: "hong", period: p("2026-01"), amount: 30000),
                      Allocation(transactionID: 42, memberID: "hong", period: p("2026-02"), amount: 30000),
                      Allocation(transactionID: 43, memberID: "kim", period: p("2026-01"), amount: 10000)],
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
        #expect(deposits.count == 1)   // split over two months, listed once with its full amount
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
        #expect(column(of: "40,000", in: collected) == column(of: "26.01", in: header))   // 30,000 + 10,000 in January
        #expect(lines.contains { $0.hasPrefix("미납액") && $0.contains("35,000") })
    }

    @Test func csvHasOneLinePerMemberAndPeriod() {
        let lines = ReportCSV.render(sampleReport()).split(separator: "\n")
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
        #expect(!text.contains("&"))   // text mode: nothing HTML-escaped
    }

    @Test func noticeMaskedAndCustomTemplate() throws {
        let r = sampleReport()
        let masked = try NoticeRenderer.render(Notice(report: r, period: Period("2026-02")!, mask: true))
        #expect(masked.contains("김*") && masked.contains("3333-**-***4567") && !masked.contains("홍길동"))
        let custom = try NoticeRenderer.render(Notice(report: r, period: Period("2026-01")!, mask: false),
                                               template: "{{% CONTENT_TYPE: TEXT}}{{periodLabel}}:{{#unpaid}} {{name}}={{owed}}{{/unpaid}}")
        #expect(custom == "2026년 1월: 김솔=5,000 EMILY PARK=30,000")
    }
}
