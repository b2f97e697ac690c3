import Testing

@testable import HoebiCore

@Suite struct AllocatorTests {
    let g = hiking()

    @Test func oldestUnpaidFirstThenTheNextPeriod() {
        // 60,000 in January from 홍길동 with no month named: January, then February.
        let r = allocate(g, [("2026-01-05 10:00", 60000, "홍길동")])
        #expect(r.paid("hong") == ["2026-01": 30000, "2026-02": 30000])
        #expect(r.outcomes == [.allocated(member: "hong", method: .name)])
        // 90,000 would reach March, past the period now due and the next: a person is asked.
        let far = allocate(g, [("2026-01-05 10:00", 90000, "홍길동")])
        #expect(far.allocations.isEmpty)
        #expect(
            far.outcomes.map { $0.shown(in: .ko) } == [
                .review(reason: "홍길동님 이름의 90,000원은 회비의 3배로, 2026-03까지 미리 내는 셈입니다: 한 사람의 회비가 맞나요, 여러 사람 몫(일괄 납부)이나 다른 돈인가요?", suggestion: "hong")
            ])
        // The treasurer's decision (no periods named) still pays ahead as before.
        let decided = allocate(g, [("2026-01-05 10:00", 90000, "홍길동")], decisions: [1: .assign(member: "hong", periods: [])])
        #expect(decided.paid("hong") == ["2026-01": 30000, "2026-02": 30000, "2026-03": 30000])
    }

    @Test func lateMoneyFillsTheOldestGapFirst() {
        let r = allocate(g, [("2026-01-05 10:00", 30000, "홍길동"), ("2026-03-05 10:00", 60000, "홍길동")])
        #expect(r.paid("hong") == ["2026-01": 30000, "2026-02": 30000, "2026-03": 30000])
    }

    @Test func partialPaymentsAccumulate() {
        let r = allocate(g, [("2026-01-05 10:00", 10000, "홍길동"), ("2026-01-20 10:00", 20000, "홍길동"), ("2026-02-01 10:00", 5000, "홍길동")])
        #expect(r.paid("hong") == ["2026-01": 30000, "2026-02": 5000])
    }

    @Test func rateChangeIsFollowed() {
        // June at 30,000 then July at 35,000: 65,000 paid in June with nothing named.
        let r = allocate(hiking().with(joined: "2026-06", for: "hong"), [("2026-06-05 10:00", 65000, "홍길동")])
        #expect(r.paid("hong") == ["2026-06": 30000, "2026-07": 35000])
    }

    @Test func memberAmountOverridesSchedule() {
        let r = allocate(g, [("2026-01-05 10:00", 30000, "김솔")])
        #expect(r.paid("kim") == ["2026-01": 15000, "2026-02": 15000])
    }

    @Test func joinedExemptAndLeftAreRespected() {
        // 이서연 joined 2026-03, exempt 2026-05, left after 2026-09: 7 months owed, 6 due.
        // 400,000 is more than she can ever owe: asked, unless the treasurer decides it is hers.
        #expect(allocate(g, [("2026-03-05 10:00", 400000, "이서연")]).outcomes.map(\.status) == ["review"])
        let r = allocate(g, [("2026-03-05 10:00", 400000, "이서연")], decisions: [1: .assign(member: "lee", periods: [])])
        let paid = r.paid("lee")
        #expect(paid["2026-02"] == nil && paid["2026-05"] == nil && paid["2026-10"] == nil)
        #expect(paid["2026-03"] == 30000 && paid["2026-04"] == 30000 && paid["2026-06"] == 30000)
        #expect(paid["2026-07"] == 35000 && paid["2026-09"] == 35000)
        // 400,000 − (3×30,000 + 3×35,000) = 205,000 beyond anything she can owe: kept as credit.
        #expect(paid["credit"] == 205000)
    }

    @Test func monthHintDecidesThePeriods() {
        let r = allocate(g, [("2026-03-02 10:00", 30000, "홍길동3월회비")])
        #expect(r.paid("hong") == ["2026-03": 30000])
        #expect(r.outcomes == [.allocated(member: "hong", method: .name.withMonthHint)])
    }

    @Test func monthListSplitsAcrossMonths() {
        let r = allocate(g, [("2026-02-02 10:00", 60000, "홍길동 1,2월")])
        #expect(r.paid("hong") == ["2026-01": 30000, "2026-02": 30000])
    }

    @Test func yearEndWrap() {
        let r = allocate(g, [("2027-01-03 10:00", 70000, "홍길동12월1월")])
        // 홍길동 has paid nothing before, yet the named months get the money, not January 2026.
        #expect(r.paid("hong") == ["2026-12": 35000, "2027-01": 35000])
    }

    @Test func hintThatContradictsTheAmountGoesToReview() {
        let r = allocate(g, [("2026-02-02 10:00", 30000, "홍길동 1,2월")])
        guard case .review(let reason, let suggestion) = r.outcomes[0] else {
            Issue.record("re-split silently")
            return
        }
        #expect(Messages.show(reason, in: .en).contains("2 months"))
        #expect(suggestion == "hong")
        #expect(r.allocations.isEmpty)
    }

    @Test func hintForAMonthNotOwedGoesToReview() {
        let r = allocate(g, [("2026-05-02 10:00", 30000, "이서연 5월")])
        guard case .review(let reason, _) = r.outcomes[0] else {
            Issue.record("allocated to exempt month")
            return
        }
        #expect(Messages.show(reason, in: .en).contains("exempt"))
    }

    @Test func sameNameGoesToReviewAndLearnedAliasSettlesIt() {
        let twins = hiking([Member(id: "hong2", name: "홍길동")])
        let r = allocate(twins, [("2026-01-05 10:00", 30000, "홍길동")])
        guard case .review = r.outcomes[0] else {
            Issue.record("guessed between same-name members")
            return
        }
        let learned = allocate(twins, [("2026-01-05 10:00", 30000, "홍길동")], learned: [Normalise.key("홍길동"): "hong2"])
        #expect(learned.paid("hong2") == ["2026-01": 30000])
    }

    @Test func interestAndKeywordsAreOtherMoney() {
        let r = allocate(
            g, [("2026-01-31 03:00", 1237, "결산이자"), ("2026-02-01 10:00", 20000, "홍길동 뒷풀이")],
            kinds: ["예금이자", "일반입금"])
        #expect(r.outcomes[0].shown(in: .en) == .other(reason: "interest"))
        #expect(r.outcomes[1].shown(in: .en) == .other(reason: "not dues: '뒷풀이'"))
        #expect(r.allocations.isEmpty)
    }

    @Test func unknownDepositorGoesToReviewWithSuggestion() {
        let r = allocate(g, [("2026-01-05 10:00", 30000, "홍길등"), ("2026-01-06 10:00", 30000, "")])
        #expect(r.outcomes[0].shown(in: .en) == .review(reason: "unknown depositor", suggestion: "hong"))
        #expect(r.outcomes[1].shown(in: .en) == .review(reason: "no depositor name", suggestion: nil))
    }

    @Test func manualDecisionsWin() {
        let rows: [(String, Won, String)] = [
            ("2026-01-05 10:00", 30000, "홍길등"), ("2026-01-06 10:00", 30000, "홍길동"),
            ("2026-01-07 10:00", 60000, "모르는사람")
        ]
        let r = allocate(
            g, rows,
            decisions: [
                1: .assign(member: "hong", periods: []), 2: .ignore(reason: "환불"),
                3: .assign(member: "kim", periods: [p("2026-03"), p("2026-04")])
            ])
        #expect(r.outcomes[0] == .allocated(member: "hong", method: .manual))
        #expect(r.outcomes[1].shown(in: .en) == .other(reason: "환불"))
        #expect(r.paid("hong") == ["2026-01": 30000])
        // Explicit periods are filled first (15,000 each), the rest goes the usual way (oldest first: Jan, Feb).
        #expect(r.paid("kim") == ["2026-03": 15000, "2026-04": 15000, "2026-01": 15000, "2026-02": 15000])
    }

    @Test func deterministicWhateverTheInputOrder() {
        let rows: [(String, Won, String)] = [
            ("2026-03-05 10:00", 45000, "홍길동"), ("2026-01-05 10:00", 15000, "홍길동"),
            ("2026-02-05 10:00", 30000, "김솔")
        ]
        var a = Allocator(group: g, learnedAliases: [:]), b = Allocator(group: g, learnedAliases: [:])
        let ds = rows.enumerated().map { Deposit(id: Int64($0.offset + 1), time: t($0.element.0), amount: $0.element.1, text: $0.element.2) }
        let x = a.run(deposits: ds, decisions: [:]), y = b.run(deposits: ds.reversed(), decisions: [:])
        #expect(
            Set(x.allocations.map { "\($0.transactionID)\($0.memberID)\($0.period!)\($0.amount)" })
                == Set(y.allocations.map { "\($0.transactionID)\($0.memberID)\($0.period!)\($0.amount)" }))
        // Time order, not input order: the January deposit pays January.
        #expect(x.allocations.first { $0.transactionID == 2 }?.period == p("2026-01"))
    }
}

extension Group {
    func with(joined: String, for id: String) -> Group {
        var g = self
        g.members = g.members.map {
            var m = $0
            if m.id == id { m.joined = p(joined) }
            return m
        }
        return g
    }
}
