import Testing

@testable import HoebiCore

@Suite struct MatcherDepthTests {
    let extra = [
        Member(id: "emily", name: "Emily Park"), Member(id: "namgung", name: "남궁민수"),
        Member(id: "park", name: "박준영"), Member(id: "kimsh", name: "김소희")
    ]

    func who(_ text: String, _ members: [Member]? = nil) -> NameMatcher.Result {
        NameMatcher(members: members ?? hiking(extra).members, learned: [:]).match(text)
    }

    @Test(arguments: ["EMILY PARK", "park emily", "Park, Emily 회비", "ＥＭＩＬＹ ＰＡＲＫ"])
    func latinNamesInAnyOrderAndCase(text: String) {
        guard case .member("emily", _, _) = who(text) else {
            Issue.record("\(text): \(who(text))")
            return
        }
    }

    @Test(arguments: ["홍길동_회비", "F.I.T 홍길동 회비", "회비홍길동", "토스 홍길동", "홍길동(카카오페이)", "3월회비 홍길동님"])
    func decorationsAroundTheName(text: String) {
        guard case .member("hong", _, _) = who(text) else {
            Issue.record("\(text): \(who(text))")
            return
        }
    }

    @Test func truncatedNamesMatchOnlyWhenUnique() {
        #expect(who("3월회비남궁민") == .member(id: "namgung", method: .truncated, matched: "남궁민"))
        // Too short to have been cut by a length limit: not a truncation.
        #expect({ if case .member = who("남궁민") { return false } else { return true } }())
        // Two members whose names start the same way: the cut is ambiguous.
        let twins = hiking(extra + [Member(id: "namgung2", name: "남궁민호")]).members
        #expect({ if case .member = who("3월회비남궁민", twins) { return false } else { return true } }())
    }

    @Test func aGivenNameThatMayBeACutNameIsNotGuessed() {
        // 김서연's given name, or 서연우's name cut by the length limit: a person could not tell.
        let members = [Member(id: "kim", name: "김서연"), Member(id: "seo", name: "서연우")]
        guard case .doubt(let ids, _) = who("11월회비서연", members) else {
            Issue.record("guessed: \(who("11월회비서연", members))")
            return
        }
        #expect(ids == ["kim", "seo"])
        // A short text is not cut: the given name stands.
        #expect(who("서연 회비", members) == .member(id: "kim", method: .givenName, matched: "서연"))
        // A misspelt full name holding another member's given name is not that member.
        let typo = [Member(id: "jw", name: "김정우"), Member(id: "wj", name: "정우진")]
        guard case .doubt = who("정우잔", typo) else {
            Issue.record("guessed: \(who("정우잔", typo))")
            return
        }
    }

    @Test func aCoupleSplitsTheirDeposit() {
        let g = hiking(extra)
        let r = allocate(g, [("2026-01-05 10:00", 60000, "박준영김소희")])
        #expect(r.paid("park") == ["2026-01": 30000])
        #expect(r.paid("kimsh") == ["2026-01": 30000])
        // An amount that is not whole months of both goes to review.
        let odd = allocate(g, [("2026-01-05 10:00", 45000, "박준영김소희")])
        guard case .review = odd.outcomes[0] else {
            Issue.record("split an odd amount")
            return
        }
    }

    @Test func sameNameSettledByAMemberSpecificAmount() {
        let g = hiking([Member(id: "kim2", name: "김솔")])  // hiking's 김솔 pays 15,000; this one the schedule's 30,000
        let r = allocate(g, [("2026-01-05 10:00", 15000, "김솔"), ("2026-01-06 10:00", 30000, "김솔"), ("2026-01-07 10:00", 45000, "김솔")])
        #expect(r.outcomes[0] == .allocated(member: "kim", method: .nameAndAmount))
        #expect(r.outcomes[1] == .allocated(member: "kim2", method: .nameAndAmount))
        guard case .review = r.outcomes[2] else {
            Issue.record("guessed a same-name member")
            return
        }
    }

    @Test func feesWithTheirOwnAmount() {
        var g = hiking()
        g.fees = ["가입비": 50000]
        let r = allocate(g, [("2026-01-05 10:00", 50000, "홍길동 가입비"), ("2026-01-06 10:00", 80000, "홍길동 가입비")])
        #expect(r.outcomes[0].shown(in: .en) == .other(reason: "가입비 (50,000 won)"))
        guard case .review = r.outcomes[1] else {
            Issue.record("fee with another amount decided")
            return
        }
    }

    @Test func rulesFromDecisions() {
        let r = allocate(
            hiking(), [("2026-01-05 10:00", 30000, "홍길동"), ("2026-01-06 10:00", 30000, "북한산대피소")],
            learned: [Normalise.key("홍길동"): Allocator.reviewRule, Normalise.key("북한산대피소"): Allocator.ignoreRule])
        guard case .review = r.outcomes[0] else {
            Issue.record("by-hand rule ignored")
            return
        }
        guard case .other = r.outcomes[1] else {
            Issue.record("ignore rule ignored")
            return
        }
        #expect(r.allocations.isEmpty && r.conflicts.isEmpty)
    }

    /// A "not dues" rule on a text that names a member (a stranger's name, then a member joined
    /// with it) is a conflict: reported, the deposit to review, never silently swallowed.
    @Test func anIgnoreRuleNamingAMemberIsAConflict() {
        let g = hiking([Member(id: "seul", name: "이슬기")])
        let r = allocate(g, [("2026-01-05 10:00", 30000, "이슬기")], learned: [Normalise.key("이슬기"): Allocator.ignoreRule])
        guard case .review(let reason, "seul") = r.outcomes[0] else {
            Issue.record("\(r.outcomes[0])")
            return
        }
        #expect(Messages.show(reason, in: .en).contains("conflict") && r.conflicts == ["이슬기"])
    }

    @Test func explanationShowsTheEvidence() {
        let g = hiking()
        let d = Deposit(id: 1, time: t("2026-03-02 10:00"), amount: 30000, text: "홍길동3월회비")
        let lines = Explanation.lines(
            group: g, deposit: d, learnedAliases: [:], decision: nil,
            outcome: .allocated(member: "hong", method: .name.withMonthHint),
            allocations: [Allocation(transactionID: 1, memberID: "hong", period: p("2026-03"), amount: 30000)])
        #expect(lines.contains { $0.contains("name '홍길동' of hong") })
        #expect(lines.contains("months named: 2026-03"))
        #expect(lines.contains { $0.contains("30,000 won due in 2026-03") })
        #expect(lines.contains("allocated: 30,000 won to hong for 2026-03"))
    }
}
