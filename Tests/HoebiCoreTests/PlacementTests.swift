import Testing

@testable import HoebiCore

/// A deposit's placement and a learned rule are values: the JSON and English output show their
/// codes, a treasurer in Korean sees names and words, and nothing reads a rendered string back.
@Suite struct PlacementTests {
    let names = ["hong": "홍길동", "kim": "김솔"]

    @Test func placementsRenderAsCodesAndAsWords() {
        let paid = Placement.paid([.init(member: "hong", period: p("2026-03")), .init(member: "kim", period: nil)])
        #expect(paid.code == "hong 2026-03, kim credit")
        #expect(paid.shown(names, in: .ko) == "홍길동 2026년 3월, 김솔 미리 낸 돈")
        #expect(paid.shown(names, in: .en) == paid.code)
        #expect([Placement.review, .notDues, .removed, .none].map(\.code) == ["review", "not dues", "removed", ""])
        #expect([Placement.review, .notDues, .removed, .none].map { $0.shown(names, in: .ko) } == ["확인 필요", "회비 아님", "지워짐", "없음"])
        // Two placements differ exactly when their members or periods do.
        #expect(Placement.paid([.init(member: "hong", period: p("2026-03"))]) != .paid([.init(member: "hong", period: p("2026-04"))]))
    }

    @Test func placementsComeFromTheMatch() {
        let g = hiking()
        let r = allocate(g, [("2026-01-05 10:00", 60000, "홍길동"), ("2026-01-06 10:00", 30000, "모르는사람"), ("2026-01-07 10:00", 30000, "회식비")])
        let deposits = (1...3).map { Deposit(id: Int64($0), time: t("2026-01-05 10:00"), amount: 1, text: "") }
        let placed = Placement.of(deposits, r)
        #expect(placed[1] == .paid([.init(member: "hong", period: p("2026-01")), .init(member: "hong", period: p("2026-02"))]))
        #expect(placed[2] == .review && placed[3] == .notDues)
    }

    @Test func learnedRulesKeepTheirStoredText() {
        for stored in ["hong", Allocator.ignoreRule, Allocator.reviewRule] { #expect(LearnedRule(stored: stored).stored == stored) }
        #expect(LearnedRule(stored: Allocator.ignoreRule) == .notDues && LearnedRule(stored: "hong") == .member("hong"))
        #expect(LearnedRule.member("hong").shown(names, in: .ko) == "홍길동" && LearnedRule.notDues.shown(names, in: .ko) == "회비 아님")
        #expect(LearnedRule.byHand.shown(names, in: .en) == Allocator.reviewRule)
        #expect(DecisionAction.ignore.impliedRule(member: nil) == .notDues && DecisionAction.assign.impliedRule(member: "kim") == .member("kim"))
        #expect(DecisionAction.clear.impliedRule(member: "kim") == nil)
        #expect(DecisionAction(rawValue: "review") == .review)
    }

    @Test func matchMethodsKeepTheirStoredText() {
        for stored in [
            "manual", "name", "given-name", "learned", "truncated", "name+amount", "name+month-hint", "given-name+month-hint",
            "name+amount+month-hint", "shared with kim", "shared with kim, lee"
        ] {
            #expect(MatchMethod(stored: stored).stored == stored, "\(stored)")
        }
        #expect(MatchMethod(stored: "shared with kim, lee").basis == .shared(with: ["kim", "lee"]))
        #expect(MatchMethod(stored: "name+month-hint") == .name.withMonthHint && MatchMethod.name.withMonthHint != .name)
        #expect(MatchMethod(stored: "") == .manual)
    }

    @Test func runStatusesKeepTheirTextAndHaveKoreanWords() {
        for stored in ["running", "ok", "failed", "interrupted"] { #expect(RunStatus(stored: stored).stored == stored) }
        #expect(RunStatus.reverted(at: "2026-11-20T10:00:00+09:00").description == "reverted 2026-11-20T10:00")
        #expect(RunStatus.reverted(at: "2026-11-20T10:00:00+09:00").korean == "되돌림 2026-11-20 10:00")
        #expect([RunStatus.ok, .failed, .running, .interrupted].map(\.korean) == ["완료", "실패", "진행 중", "중단됨"])
    }
}
