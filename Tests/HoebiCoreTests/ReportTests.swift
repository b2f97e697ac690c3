import Testing

@testable import HoebiCore

@Suite struct ReportTests {
    func report(_ rows: [(String, Won, String)], from: String = "2026-01", to: String = "2026-06") -> Report {
        let g = hiking()
        let r = allocate(g, rows)
        var deposits: [Int64: Report.DepositLine] = [:]
        for (i, row) in rows.enumerated() { deposits[Int64(i + 1)] = .init(id: Int64(i + 1), time: t(row.0), amount: row.1, text: row.2) }
        let snapshot = LedgerSnapshot(
            transactions: rows.count, balance: 123, allocations: r.allocations, deposits: deposits,
            review: [], other: [])
        return try! Report(group: g, periods: Period.range(p(from), p(to)), snapshot: snapshot)
    }

    @Test func statusesAndTotals() {
        let r = report([("2026-01-05 10:00", 45000, "홍길동"), ("2026-03-06 10:00", 30000, "이서연")])
        let hong = r.members.first { $0.id == "hong" }!
        #expect(hong.cells.map(\.status) == [.paid, .partial, .unpaid, .unpaid, .unpaid, .unpaid])
        #expect(hong.expected == 180000 && hong.collected == 45000 && hong.outstanding == 135000)
        let lee = r.members.first { $0.id == "lee" }!
        #expect(lee.cells.map(\.status) == [.inactive, .inactive, .paid, .unpaid, .exempt, .unpaid])
        #expect(lee.expected == 90000)
        #expect(r.totals[0].expected == 45000)  // hong 30,000 + kim 15,000; lee not yet a member
        #expect(r.totals[0].paidCount == 1 && r.totals[0].owingCount == 1)
        #expect(r.balance == 123)
        // A deposit split over two periods is listed once, with its full amount.
        #expect(hong.deposits.map(\.amount) == [45000])
    }

    @Test func noticeListsWhoPaidAndWhoOwes() {
        let r = report([("2026-01-05 10:00", 60000, "홍길동")], from: "2026-01", to: "2026-03")
        let n = Notice(report: r, period: p("2026-03"), mask: false)
        #expect(n.paid.isEmpty)
        #expect(n.unpaid.map(\.name) == ["홍길동", "이서연", "김솔"])
        #expect(n.unpaid[0].owed == 30000 && n.unpaid[0].totalOwed == 30000)
        #expect(n.unpaid[2].totalOwed == 45000)  // 김솔 owes Jan–Mar at 15,000
        #expect(n.dueDate.iso8601.hasPrefix("2026-03-10"))
        let masked = Notice(report: r, period: p("2026-03"), mask: true)
        #expect(masked.unpaid.map(\.name) == ["홍*동", "이*연", "김*"])
        #expect(masked.accountNumber == "3333-01-1234567")  // members must be able to pay
        #expect(Notice(report: r, period: p("2026-03"), mask: true, maskAccount: true).accountNumber == "3333-**-***4567")
    }
}

/// A monthly payer in a yearly club who is up to date is not listed as unpaid for a month not yet
/// due (issue 23, point 8): the notice counts only the member periods whose due day has come.
@Suite struct NoticeDueByNowTests {
    @Test func aMonthlyPayerUpToDateIsNotUnpaid() throws {
        let p = { (s: String) in Period(s)! }
        var monthly = Member(id: "sa", name: "사아자")
        monthly.cycle = .monthly
        let g = Group(
            id: "y", name: "동문회", account: Account(bank: "kakaobank", number: "3333-01-1234567"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026"), amount: 60000)], cycle: .yearly), members: [monthly, Member(id: "ga", name: "가나다")])
        let paid = (1...11).map { Allocation(transactionID: Int64($0), memberID: "sa", period: Period(year: 2026, month: $0)!, amount: 5000) }
        let r = try Report(
            group: g, periods: [p("2026")],
            snapshot: LedgerSnapshot(transactions: 11, balance: nil, allocations: paid, deposits: [:], review: [], other: []))
        let early = Notice(report: r, period: p("2026"), mask: false, now: SeoulTime(parsing: "2026-12-01 09:00:00"))
        #expect(early.unpaid.map(\.name) == ["가나다"] && early.paid.map(\.name) == ["사아자"], "\(early.unpaid)")
        let late = Notice(report: r, period: p("2026"), mask: false, now: SeoulTime(parsing: "2026-12-15 09:00:00"))
        #expect(late.unpaid.first { $0.name == "사아자" }?.owed == 5000)
        // Without a clock (a report of the whole year), December is owed as before.
        #expect(Notice(report: r, period: p("2026"), mask: false).unpaid.contains { $0.name == "사아자" })
    }
}
