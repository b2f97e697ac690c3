import Testing

@testable import HoebiCore

@Suite struct NameMatcherTests {
    let members = hiking().members

    func who(_ text: String, extra: [Member] = [], learned: [String: String] = [:]) -> NameMatcher.Result {
        NameMatcher(members: members + extra, learned: learned).match(text)
    }

    @Test(arguments: ["홍길동", "홍길동3월회비", "26.3월홍길동", "홍길동(2월회비)", "홍 길 동", "ＦＩＴ 홍길동 회비", "홍길동".decomposedStringWithCanonicalMapping])
    func nameWithMemoAroundIt(text: String) {
        guard case .member(let id, _, _) = who(text) else {
            Issue.record("\(text) not matched")
            return
        }
        #expect(id == "hong")
    }

    @Test func givenNameWithoutSurnameWhenUnique() {
        #expect(who("서연 4월") == .member(id: "lee", method: .givenName, matched: "서연"))
        // Once two members share the given name, it identifies nobody.
        let r = who("서연 4월", extra: [Member(id: "yoon", name: "윤서연")])
        #expect(
            r == .unknown(suggestion: nil)
                || {
                    if case .unknown = r { return true }
                    return false
                }())
    }

    @Test func givenAliasMatches() {
        guard case .member(let id, .name, _) = who("길동이 회비") else {
            Issue.record("alias not matched")
            return
        }
        #expect(id == "hong")
    }

    @Test func sameNameMembersAreNeverGuessed() {
        let r = who("홍길동", extra: [Member(id: "hong2", name: "홍길동")])
        guard case .ambiguous(let ids, let reason, let sameName) = r else {
            Issue.record("guessed: \(r)")
            return
        }
        #expect(sameName)
        #expect(ids == ["hong", "hong2"])
        #expect(Messages.show(reason, in: .en).contains("same name"))
    }

    @Test func twoMembersInOneTextGoToReview() {
        guard case .ambiguous(let ids, _, false) = who("홍길동김솔") else {
            Issue.record("guessed")
            return
        }
        #expect(Set(ids) == ["hong", "kim"])
    }

    @Test func aShorterNameInsideALongerOneDoesNotCount() {
        // 이서 is a member too, but 이서연 is the longer hit covering it.
        let r = who("이서연", extra: [Member(id: "short", name: "이서")])
        #expect(r == .member(id: "lee", method: .name, matched: "이서연"))
    }

    @Test func typoIsOnlyASuggestion() {
        #expect(who("홍길등") == .unknown(suggestion: "hong"))
        #expect(who("박지성") == .unknown(suggestion: nil))
    }

    @Test func learnedAliasWinsAndIsExact() {
        let learned = [Normalise.key("채원맘"): "kim"]
        #expect(who("채원맘", learned: learned) == .member(id: "kim", method: .learned, matched: "채원맘"))
        #expect(who("채원 맘", learned: learned) == .member(id: "kim", method: .learned, matched: "채원 맘"))
    }

    @Test func jamoDistance() {
        #expect(Jamo.distance(Jamo.decompose("동"), Jamo.decompose("등")) == 1)
        #expect(Jamo.distance(Jamo.decompose("홍길동"), Jamo.decompose("홍길동")) == 0)
    }
}

@Suite struct PeriodHintTests {
    @Test(arguments: [
        ("홍길동3월회비", "2026-04-02", ["2026-03"]),
        ("홍길동 1,2월", "2026-02-01", ["2026-01", "2026-02"]),
        ("홍길동 1/2월", "2026-02-01", ["2026-01", "2026-02"]),
        ("홍길동1월2월", "2026-02-01", ["2026-01", "2026-02"]),
        ("6~8월 홍길동", "2026-06-01", ["2026-06", "2026-07", "2026-08"]),
        ("6-8월 홍길동", "2026-06-01", ["2026-06", "2026-07", "2026-08"]),
        ("홍길동12월1월", "2027-01-05", ["2026-12", "2027-01"]),
        ("11~2월", "2026-11-05", ["2026-11", "2026-12", "2027-01", "2027-02"]),
        ("26.3월홍길동", "2026-05-01", ["2026-03"]),
        ("2026.3 홍길동", "2026-05-01", ["2026-03"]),
        ("홍길동45월회비", "2026-04-01", ["2026-04", "2026-05"]),
        ("12월회비", "2027-01-03", ["2026-12"]),
        ("1월회비", "2026-12-28", ["2027-01"]),
        ("홍길동 3개월", "2026-03-01", []),
        ("홍길동 30000원", "2026-03-01", []),
        ("홍길동", "2026-03-01", [])
    ])
    func hints(text: String, date: String, expected: [String]) {
        #expect(PeriodHints.parse(text).periods(at: t(date)).map(\.description) == expected)
    }
}
