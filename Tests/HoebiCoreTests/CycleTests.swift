import Foundation
import Testing

@testable import HoebiCore

/// Dues cycles: quarterly, half-yearly and yearly groups, and members paying on their own cycle
/// (issue 10, point 6).
@Suite struct CycleTests {
    @Test func periodsOfEveryCycle() {
        #expect(["2026-03", "2026-Q1", "2026-H2", "2026"].map { Period($0)?.description } == ["2026-03", "2026-Q1", "2026-H2", "2026"])
        for bad in ["2026-Q5", "2026-H3", "2026-Q", "26", "2026-1", "2026-13", "2026-q1x", "", "-", "2026-"] { #expect(Period(bad) == nil, "\(bad)") }
        #expect(p("2026-08").within(.quarterly) == p("2026-Q3"))
        #expect(p("2026-08").within(.halfYearly) == p("2026-H2"))
        #expect(p("2026-Q4").within(.yearly) == p("2026"))
        #expect(p("2026-H2").periods(in: .quarterly) == [p("2026-Q3"), p("2026-Q4")])
        #expect(p("2026").periods(in: .monthly).count == 12)
        #expect(p("2026-05").periods(in: .quarterly) == [p("2026-Q2")])
        #expect(p("2026-Q4").next == p("2027-Q1"))
        #expect(Period.range(p("2025-Q4"), p("2026-Q2")) == [p("2025-Q4"), p("2026-Q1"), p("2026-Q2")])
        #expect([p("2026"), p("2026-02"), p("2026-Q1"), p("2026-01")].sorted() == [p("2026-01"), p("2026-Q1"), p("2026"), p("2026-02")])
        #expect(p("2026-H1").label == "2026년 상반기" && p("2026-Q3").label == "2026년 3분기" && p("2026").label == "2026년")
    }

    @Test func longerPeriodHints() {
        let jan = t("2026-01-20 10:00"), nov = t("2026-11-20 10:00")
        #expect(PeriodHints.parse("홍길동 1분기").periods(at: jan) == [p("2026-Q1")])
        #expect(PeriodHints.parse("홍길동 1/4분기").periods(at: jan) == [p("2026-Q1")])
        // Not January 2026: "2026년 3분기" is a quarter.
        #expect(PeriodHints.parse("2026년 3분기 홍길동").periods(at: jan) == [p("2026-Q3")])
        #expect(PeriodHints.parse("홍길동26년하반기").periods(at: jan) == [p("2026-H2")])
        // A bare half is the nearest one: 상반기 paid in November is next year's.
        #expect(PeriodHints.parse("상반기 홍길동").periods(at: nov) == [p("2027-H1")])
        #expect(PeriodHints.parse("홍길동 26년 연회비").periods(at: jan) == [p("2026")])
        #expect(PeriodHints.parse("2026년회비 홍길동").periods(at: jan) == [p("2026")])
        #expect(PeriodHints.parse("홍길동 2027년도 회비").periods(at: nov) == [p("2027")])
        // Months keep working, and 회비 after a month is not a year.
        #expect(PeriodHints.parse("홍길동 3월회비").periods(at: jan) == [p("2026-03")])
        #expect(PeriodHints.parse("홍길동 회비").isEmpty)
        #expect(PeriodHints.parse("12분기 반기 분기").isEmpty)
    }

    func group(_ cycle: Cycle, _ schedule: [(String, Won)], _ members: [Member]) -> Group {
        Group(
            id: "g", name: "모임", account: Account(bank: "kakaobank", number: "1"),
            dues: Dues(dueDay: 10, schedule: schedule.map { .init(from: p($0.0), amount: $0.1) }, cycle: cycle), members: members)
    }

    @Test func aQuarterlyGroup() throws {
        let g = group(.quarterly, [("2026-Q1", 90000)], [Member(id: "hong", name: "홍길동"), Member(id: "kim", name: "김솔")])
        let r = allocate(g, [("2026-01-05 10:00", 180000, "홍길동"), ("2026-02-05 10:00", 90000, "김솔 3분기"), ("2026-04-05 10:00", 45000, "김솔")])
        #expect(r.paid("hong") == ["2026-Q1": 90000, "2026-Q2": 90000])
        // The named quarter first; later money goes to the oldest unpaid one.
        #expect(r.paid("kim") == ["2026-Q3": 90000, "2026-Q1": 45000], "\(r.outcomes)")
        let snapshot = LedgerSnapshot(transactions: 3, balance: nil, allocations: r.allocations, deposits: [:], review: [], other: [])
        let report = try Report(group: g, periods: Period.range(p("2026-Q1"), p("2026-Q4")), snapshot: snapshot)
        #expect(report.members[0].cells.map(\.status) == [.paid, .paid, .unpaid, .unpaid])
        #expect(report.members[1].cells.map(\.status) == [.partial, .unpaid, .paid, .unpaid])
        #expect(report.expected == 8 * 90000 && report.collected == 315000)
        let notice = Notice(report: report, period: p("2026-Q1"), mask: false)
        #expect(notice.unpaid.map(\.owed) == [45000])
        #expect(notice.period.label == "2026년 1분기" && notice.amount == 90000)
    }

    @Test func aYearlyMemberInAMonthlyGroup() throws {
        var yearly = Member(id: "kim", name: "김솔")
        yearly.cycle = .yearly
        var late = Member(id: "lee", name: "이서연")
        late.cycle = .yearly
        // A rate change in July: the year costs 6 × 30,000 + 6 × 35,000.
        let g = group(.monthly, [("2026-01", 30000), ("2026-07", 35000)], [Member(id: "hong", name: "홍길동"), yearly, late])
        #expect(g.obligation(of: yearly, in: p("2026-05")) == .due(390000))
        let r = allocate(g, [("2026-01-05 10:00", 390000, "김솔"), ("2026-01-06 10:00", 30000, "홍길동"), ("2026-02-06 10:00", 100000, "이서연")])
        #expect(r.paid("kim") == ["2026": 390000])
        #expect(r.paid("lee") == ["2026": 100000])
        let snapshot = LedgerSnapshot(transactions: 3, balance: nil, allocations: r.allocations, deposits: [:], review: [], other: [])
        let report = try Report(group: g, periods: Period.range(p("2026-01"), p("2026-03")), snapshot: snapshot)
        let kim = report.members[1], lee = report.members[2]
        #expect(kim.cells.map(\.status) == [.paid, .paid, .paid])
        #expect(kim.cells.map(\.due) == [390000, 0, 0] && kim.cells[1].span == p("2026"))
        #expect(kim.cycle == .yearly && report.members[0].cycle == nil)
        #expect(lee.cells.map(\.status) == [.partial, .partial, .partial])
        // Totals count the yearly money once, in January.
        #expect(report.totals.map(\.expected) == [30000 + 390000 * 2, 30000, 30000])
        #expect(report.totals.map(\.collected) == [30000 + 490000, 0, 0])
        // The notice for March names 이서연 once, owing the rest of her year, not three times it.
        let notice = Notice(report: report, period: p("2026-03"), mask: false)
        let leeLine = notice.unpaid.first { $0.name == "이서연" }
        #expect(leeLine?.owed == 290000 && leeLine?.totalOwed == 290000)
        #expect(notice.paid.map(\.name).contains("김솔"))
    }

    @Test func aMonthlyMemberInAYearlyGroup() throws {
        var monthly = Member(id: "hong", name: "홍길동")
        monthly.cycle = .monthly
        let g = group(.yearly, [("2026", 120000)], [monthly, Member(id: "kim", name: "김솔")])
        #expect(g.obligation(of: monthly, in: p("2026-04")) == .due(10000))
        // Six months at once from the monthly payer is past this month and the next: decided by hand.
        let r = allocate(
            g, [("2026-01-05 10:00", 60000, "홍길동"), ("2026-01-06 10:00", 120000, "김솔 2026년 회비")],
            decisions: [1: .assign(member: "hong", periods: [])])
        #expect(r.paid("hong").count == 6 && r.paid("kim") == ["2026": 120000])
        let snapshot = LedgerSnapshot(transactions: 2, balance: nil, allocations: r.allocations, deposits: [:], review: [], other: [])
        let report = try Report(group: g, periods: [p("2026")], snapshot: snapshot)
        #expect(report.members.map { $0.cells[0].status } == [.partial, .paid])
        #expect(report.members[0].cells[0].due == 120000 && report.members[0].cells[0].paid == 60000)
        // A share that is not whole won needs the member's own amount.
        let config = """
            {"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "1"},
              "dues": {"cycle": "yearly", "schedule": [{"from": "2026", "amount": 100000}]},
              "members": [{"id": "a", "name": "홍길동", "cycle": "monthly"AMOUNT}]}]}
            """
        let error = try #require(throws: ConfigErrors.self) { try Configuration.parse(Data(config.replacingOccurrences(of: "AMOUNT", with: "").utf8)) }
        #expect(error.description.contains("groups[0].members[0].cycle"))
        #expect(try Configuration.parse(Data(config.replacingOccurrences(of: "AMOUNT", with: ", \"amount\": 9000").utf8)).groups[0].members[0].amount == 9000)
    }

    @Test func joiningLeavingExemptionsAndLeaveInCyclePeriods() throws {
        let config = Data(
            """
            {"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "1"},
              "dues": {"cycle": "분기", "schedule": [{"from": "2026-Q1", "amount": 90000}, {"from": "2026-07", "amount": 99000}]},
              "members": [{"id": "a", "name": "홍길동", "joined": "2026-02", "left": "2026-08"},
                          {"id": "b", "name": "김솔", "joined": "2026-Q1", "exempt": ["2026-Q3"]},
                          {"id": "c", "name": "이솔", "paused": [{"from": "2026-08"}]}]}]}
            """.utf8)
        let g = try Configuration.parse(config).groups[0]
        #expect(g.dues.cycle == .quarterly && g.firstPeriod == p("2026-Q1"))
        let quarters = Period.range(p("2026-Q1"), p("2026-Q4"))
        func owed(_ i: Int) -> [Obligation] { quarters.map { g.obligation(of: g.members[i], in: $0) } }
        // Joined in February: a member when Q2 began, not Q1. Left in August: still one when Q3 began.
        #expect(owed(0) == [.inactive, .due(90000), .due(99000), .inactive])
        #expect(owed(1) == [.due(90000), .due(90000), .exempt, .due(99000)])
        // Leave from August: Q3 had begun, Q4 is on leave.
        #expect(owed(2) == [.due(90000), .due(90000), .due(99000), .paused])
        // An exemption shorter than the member's period is refused, naming the period to write.
        let bad = String(decoding: config, as: UTF8.self).replacingOccurrences(of: "\"2026-Q3\"]", with: "\"2026-08\"]")
        let error = try #require(throws: ConfigErrors.self) { try Configuration.parse(Data(bad.utf8)) }
        #expect(error.description.contains("members[1].exempt[0]") && error.description.contains("2026-Q3"))
        let weekly = String(decoding: config, as: UTF8.self).replacingOccurrences(of: "\"분기\"", with: "\"weekly\"")
        let e2 = try #require(throws: ConfigErrors.self) { try Configuration.parse(Data(weekly.utf8)) }
        #expect(e2.description.contains("dues.cycle"))
    }
}

/// Same-name members are told apart wherever a person reads (issue 11, point 5).
@Suite struct SameNameDisplayTests {
    @Test func namesAreToldApartInTheReportAndTheNotice() throws {
        var big = Member(id: "jiwoo2", name: "이지우")
        big.display = "이지우(87)"
        let g = Group(
            id: "g", name: "모임", account: Account(bank: "kakaobank", number: "1"),
            dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000)]),
            members: [Member(id: "jiwoo1", name: "이지우"), Member(id: "jiwoo3", name: "이지우"), big, Member(id: "hong", name: "홍길동")])
        #expect(g.displayNames() == ["jiwoo1": "이지우 (jiwoo1)", "jiwoo3": "이지우 (jiwoo3)", "jiwoo2": "이지우(87)", "hong": "홍길동"])
        let r = allocate(g, [("2026-01-05 10:00", 30000, "홍길동")], decisions: [:])
        var allocs = r.allocations
        allocs.append(Allocation(transactionID: 9, memberID: "jiwoo1", period: p("2026-01"), amount: 30000))
        let snapshot = LedgerSnapshot(transactions: 2, balance: nil, allocations: allocs, deposits: [:], review: [], other: [])
        let report = try Report(group: g, periods: [p("2026-01")], snapshot: snapshot)
        let notice = Notice(report: report, period: p("2026-01"), mask: false)
        #expect(notice.paid.map(\.name) == ["이지우 (jiwoo1)", "홍길동"])
        #expect(notice.unpaid.map(\.name) == ["이지우 (jiwoo3)", "이지우(87)"])
        let masked = Notice(report: report, period: p("2026-01"), mask: true)
        #expect(masked.paid.map(\.name) == ["이*우 (jiwoo1)", "홍*동"])
        // Every name in the notice is one person's.
        let all = notice.paid.map(\.name) + notice.unpaid.map(\.name)
        #expect(Set(all).count == all.count)
    }
}
