import Foundation
import Testing

@testable import HoebiCore

/// Money that is not one member paying their own dues (issue 21): each case a real club met,
/// each decided where a treasurer would have asked.
@Suite struct NotOwnDuesTests {
    /// A company social club (사우회): 20,000 a month, the treasurer 홍길동 is a member.
    func club(_ extra: [Member] = [], advanceMonths: Int? = nil) -> Group {
        var dues = Dues(dueDay: 25, schedule: [.init(from: p("2026-01"), amount: 20000)])
        dues.advanceMonths = advanceMonths
        var g = Group(
            id: "club", name: "사우회", account: Account(bank: "shinhan", number: "110-1", holder: "홍길동"), dues: dues,
            members: [Member(id: "hong", name: "홍길동"), Member(id: "kim", name: "김서연"), Member(id: "lee", name: "이민호")] + extra,
            treasurer: "hong")
        g.treasurerName = "홍길동"
        return g
    }

    func reason(_ o: Outcome) -> String {
        if case .review(let r, _) = o.shown(in: .ko) { return r }
        return "not review: \(o)"
    }

    @Test func aPayrollForwardIsNeverTheTreasurersDues() {
        let r = allocate(club(), [("2026-01-26 10:00", 2_001_300, "홍길동"), ("2026-01-27 10:00", 20000, "홍길동")])
        #expect(r.outcomes[0].status == "review" && reason(r.outcomes[0]).hasPrefix("총무(예금주) 홍길동님 이름의 2,001,300원"))
        // His own 20,000 the next day is his dues, decided as anyone's.
        #expect(r.outcomes[1] == .allocated(member: "hong", method: .name))
        #expect(r.paid("hong") == ["2026-01": 20000])
    }

    @Test func theTreasurersFloatIsAsked() {
        for amount in [200_000, 700_000, 5_000_000] as [Won] {
            let r = allocate(club(), [("2026-03-02 10:00", amount, "홍길동")])
            #expect(r.allocations.isEmpty && r.outcomes[0].status == "review", "\(amount)")
        }
        // A non-member holder's name is asked about too, not filed as a stranger.
        var g = club()
        g.account.holder = "사우회"
        let r = allocate(g, [("2026-03-02 10:00", 300_000, "사우회")])
        #expect(reason(r.outcomes[0]).hasPrefix("예금주 '사우회' 이름의 300,000원"))
    }

    @Test func aLumpSumIsNotSpreadOverYears() {
        let r = allocate(club(), [("2026-01-05 10:00", 1_500_000, "김서연")])
        #expect(r.allocations.isEmpty)
        #expect(reason(r.outcomes[0]).contains("회비의 75배로, 2032-03까지"))
        // Naming the periods still pays them: 1,2월.
        let named = allocate(club(), [("2026-02-05 10:00", 40000, "김서연 1,2월")])
        #expect(named.paid("kim") == ["2026-01": 20000, "2026-02": 20000])
        // A named month with eight years more is asked about.
        let more = allocate(club(), [("2026-02-05 10:00", 2_000_000, "김서연 2월회비")])
        #expect(more.allocations.isEmpty && reason(more.outcomes[0]).contains("나머지는 무엇인가요"))
    }

    @Test func theBoundIsTheGroupsInMonths() {
        // Half a year at once is fine for a club that says so.
        let six = allocate(club(advanceMonths: 5), [("2026-01-05 10:00", 120_000, "김서연")])
        #expect(six.paid("kim").count == 6 && six.outcomes[0].status == "allocated")
        #expect(allocate(club(advanceMonths: 5), [("2026-01-05 10:00", 140_000, "김서연")]).outcomes[0].status == "review")
        let config = """
            {"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "1"},
              "dues": {"schedule": [{"from": "2026-01", "amount": 10000}], "advanceMonths": 500}, "members": []}]}
            """
        #expect(throws: ConfigErrors.self) { try Configuration.parse(Data(config.utf8)) }
    }

    @Test func aYearlyClubIsNotPaidADecadeAhead() {
        var g = club([Member(id: "boss", name: "박회장", exempt: [p("2026"), p("2027"), p("2028")])])
        g.dues = Dues(dueDay: 1, schedule: [.init(from: p("2026"), amount: 60000)], cycle: .yearly)
        g.members.append(Member(id: "gone", name: "최민수", left: p("2026")))
        let r = allocate(
            g,
            [
                ("2026-01-10 10:00", 60000, "김서연"), ("2026-03-14 10:00", 10000, "김서연"),  // 참가비 after the year is paid
                ("2026-03-15 10:00", 100_000, "박회장"),  // the exempt 회장's gift
                ("2026-01-20 10:00", 60000, "최민수"), ("2027-02-01 10:00", 60000, "최민수"),  // a former member, paid up
                ("2026-05-01 10:00", 60000, "이민호 27년 연회비 선납")  // named: still allocated
            ])
        #expect(reason(r.outcomes[1]).hasPrefix("김서연님은 2026까지 다 냈는데 10,000원은 다음 회비 60,000원에 못 미칩니다"))
        #expect(reason(r.outcomes[2]).hasPrefix("박회장님은 2026 회비 면제인데 100,000원이"))
        #expect(r.outcomes[4].status == "review")
        #expect(r.paid("kim") == ["2026": 60000] && r.paid("boss").isEmpty && r.paid("gone") == ["2026": 60000])
        #expect(r.paid("lee") == ["2027": 60000])
    }

    @Test func aDepositThatIsTwoThingsIsSplitByAPerson() {
        var a = Allocator(group: club().with(joined: "2026-07", for: "kim"), learnedAliases: [:])
        let deposits = [
            Deposit(id: 1, time: t("2026-07-25 10:00"), amount: 20000, text: "김서연"),
            Deposit(id: 2, time: t("2026-08-25 10:00"), amount: 35000, text: "김서연", memo: "8월회비+뒷풀이"),
            Deposit(id: 3, time: t("2026-09-25 10:00"), amount: 20000, text: "김서연")
        ]
        let r = a.run(deposits: deposits, decisions: [:])
        #expect(reason(r.outcomes[1]) == "회비와 '뒷풀이'가 함께 든 35,000원: 회비 20,000원과 나머지 15,000원으로 나누면 됩니다 (hoebi split)")
        // August is held for her meanwhile: September's money pays September, not August.
        #expect(r.holds == [Allocation(transactionID: 2, memberID: "kim", period: p("2026-08"), amount: 20000)])
        #expect(r.allocations.filter { $0.memberID == "kim" }.map(\.period) == [p("2026-07"), p("2026-09")])
    }

    @Test func aTypoInReviewHoldsItsMonth() {
        // July's deposit has a typo (김서언); August and September still pay August and September.
        let r = allocate(
            club(), [("2026-07-25 10:00", 20000, "김서언"), ("2026-08-25 10:00", 20000, "김서연"), ("2026-09-25 10:00", 20000, "김서연")])
        #expect(r.outcomes[0] == .review(reason: Messages.ref("reason.unknown"), suggestion: "kim"))
        let kim = club().with(joined: "2026-07", for: "kim")
        let held = allocate(kim, [("2026-07-25 10:00", 20000, "김서언"), ("2026-08-25 10:00", 20000, "김서연"), ("2026-09-25 10:00", 20000, "김서연")])
        #expect(held.holds.map(\.period) == [p("2026-07")])
        #expect(held.paid("kim") == ["2026-08": 20000, "2026-09": 20000])
        // Answered as suggested, July is paid and nothing else moves.
        let answered = allocate(
            kim, [("2026-07-25 10:00", 20000, "김서언"), ("2026-08-25 10:00", 20000, "김서연"), ("2026-09-25 10:00", 20000, "김서연")],
            decisions: [1: .assign(member: "kim", periods: [])])
        #expect(answered.paid("kim") == ["2026-07": 20000, "2026-08": 20000, "2026-09": 20000] && answered.holds.isEmpty)
        #expect(zip(answered.allocations.dropFirst(), held.allocations).allSatisfy { $0 == $1 })
    }

    @Test func refundsPairWithTheDepositTheyReturn() {
        var a = Allocator(group: club(), learnedAliases: [:])
        let deposits = [
            Deposit(id: 1, time: t("2026-01-25 10:00"), amount: 20000, text: "김서연"),
            Deposit(id: 2, time: t("2026-01-25 10:05"), amount: 20000, text: "김서연"),
            Deposit(id: 3, time: t("2026-04-25 10:00"), amount: 20000, text: "이민호"),
            Deposit(id: 4, time: t("2026-04-26 10:00"), amount: 20000, text: "이민호")
        ]
        let out = [
            Deposit(id: 10, time: t("2026-01-26 09:00"), amount: 20000, text: "김서연", kind: "이체", memo: "중복입금 환불"),
            Deposit(id: 11, time: t("2026-04-27 09:00"), amount: 20000, text: "이민호", kind: "이체")
        ]
        let r = a.run(deposits: deposits, decisions: [:], withdrawals: out)
        #expect(r.outcomes[0] == .allocated(member: "kim", method: .name))
        #expect(r.outcomes[1].shown(in: .ko) == .other(reason: "돌려준 돈: t10 출금 (2026-01-26, 20,000원, '김서연')으로 환불됨"))
        #expect(r.paid("kim") == ["2026-01": 20000])
        // Without a word, the same amount back within a week is asked about.
        #expect(r.outcomes[3].status == "review" && reason(r.outcomes[3]).hasPrefix("같은 금액이 t11 출금"))
        // A refund smaller than the deposit it follows gives part of it back: asked, to be split.
        var b = Allocator(group: club(), learnedAliases: [:])
        let partly = b.run(
            deposits: [Deposit(id: 1, time: t("2026-01-25 10:00"), amount: 50000, text: "김서연")], decisions: [:],
            withdrawals: [Deposit(id: 9, time: t("2026-01-28 10:00"), amount: 30000, text: "김서연", kind: "이체", memo: "환불")])
        #expect(reason(partly.outcomes[0]).hasPrefix("t9 출금 (2026-01-28, 30,000원, 환불)이 이 50,000원의 일부를"))
        // A refund that returns none of the member's deposits is itself asked about, until looked at.
        var c = Allocator(group: club(), learnedAliases: [:])
        let back = [Deposit(id: 9, time: t("2026-05-28 10:00"), amount: 30000, text: "이민호", kind: "이체", memo: "탈퇴 환불")]
        let lone = c.run(deposits: [Deposit(id: 1, time: t("2026-01-25 10:00"), amount: 20000, text: "김서연")], decisions: [:], withdrawals: back)
        #expect(lone.withdrawalReviews.mapValues { Messages.show($0, in: .ko) }[9]?.hasPrefix("출금: 이민호님에게 30,000원 환불인데") == true)
        var e = Allocator(group: club(), learnedAliases: [:])
        #expect(e.run(deposits: [], decisions: [9: .ignore(reason: "확인함")], withdrawals: back).withdrawalReviews.isEmpty)
    }

    @Test func titlesNextToAnotherMembersNameStayAQuestion() {
        // 홍길동 and 이민호 in one text is two members, not 홍길동 with a title: never one member's.
        let r = allocate(club(), [("2026-01-05 10:00", 20000, "홍길동이민호")])
        #expect(r.outcomes[0].status == "review")
    }

    @Test(
        arguments: [
            ("토스뱅크", "프로모션입금", 300), ("GS25 역삼점", "체크카드결제", 4500), ("신한할인캐쉬백", "입금", 1200),
            ("부가세박스", "빼기", 300_000), ("여행박스", "기타", 50000), ("4721", "입금", 1)
        ] as [(String, String, Won)])
    func theBanksOwnCredits(text: String, kind: String, amount: Won) {
        let g = club([Member(id: "box", name: "박스진")])
        let r = allocate(g, [("2026-03-02 10:00", amount, text)], kinds: [kind])
        guard case .other(let why) = r.outcomes[0] else {
            Issue.record("\(text)/\(kind): \(r.outcomes[0])")
            return
        }
        #expect(Messages.show(why, in: .ko).hasPrefix("은행이 쓴 줄"))
        // Switched off with the other built-in rules.
        var off = g
        off.builtinRules = false
        #expect(allocate(off, [("2026-03-02 10:00", amount, text)], kinds: [kind]).outcomes[0].status != "other")
    }

    @Test(arguments: ["홍길동과장", "김서연대리님", "이민호 팀장", "김서연님", "이민호부장"])
    func titlesAfterANameAreTheName(text: String) {
        let r = allocate(club(), [("2026-01-05 10:00", 20000, text)])
        #expect(r.outcomes[0].status == "allocated", "\(text): \(r.outcomes[0])")
    }

    @Test func aNamelessTextTeachesNoRule() {
        #expect(!NameMatcher.namesSomeone("2026년회비") && !NameMatcher.namesSomeone("3월 회비") && !NameMatcher.namesSomeone("연회비"))
        #expect(NameMatcher.namesSomeone("김서연") && NameMatcher.namesSomeone("박민지 회비"))
        // A rule stored before names were required is not applied to the next nameless deposit.
        let r = allocate(club(), [("2026-01-05 10:00", 20000, "2026년회비")], learned: ["2026년회비": "kim"])
        #expect(r.outcomes[0].status == "review")
    }

    @Test func theDefaultPeriodIsTheLatestAlreadyDue() {
        let g = club()  // due on the 25th
        #expect(g.latestDuePeriod(at: t("2026-12-01 09:00")) == p("2026-11"))
        #expect(g.latestDuePeriod(at: t("2026-12-25 00:00")) == p("2026-12"))
        // Never before the schedule's start.
        #expect(g.latestDuePeriod(at: t("2026-01-03 09:00")) == p("2026-01"))
        var yearly = g
        yearly.dues = Dues(dueDay: 10, schedule: [.init(from: p("2025"), amount: 60000)], cycle: .yearly)
        #expect(yearly.latestDuePeriod(at: t("2026-01-05 09:00")) == p("2025") && yearly.latestDuePeriod(at: t("2026-03-01 09:00")) == p("2026"))
    }
}
