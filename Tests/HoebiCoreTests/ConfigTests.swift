import Foundation
import Testing
@testable import HoebiCore

@Suite struct ConfigTests {
    let valid = """
    {"database": "x.sqlite", "groups": [{"id": "hiking", "name": "북한산 산악회",
      "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
      "dues": {"cycle": "monthly", "dueDay": 10, "schedule": [{"from": "2026-01", "amount": 30000}, {"from": "2026-07", "amount": 35000}]},
      "treasurer": "hong",
      "members": [{"id": "hong", "name": "홍길동", "aliases": ["길동"], "joined": "2026-01"},
                  {"id": "lee", "name": "이서연", "joined": "2026-03", "left": "2026-09", "exempt": ["2026-05"]},
                  {"id": "kim", "name": "김솔", "amount": 15000}]}]}
    """

    func errors(_ json: String) -> [ConfigError] {
        do { _ = try Configuration.parse(Data(json.utf8)); return [] } catch let e as ConfigErrors { return e.errors } catch { return [] }
    }

    @Test func theIssueExampleIsValid() throws {
        let c = try Configuration.parse(Data(valid.utf8))
        let g = try c.group(nil)
        #expect(g.members.count == 3)
        #expect(g.obligation(of: g.member("kim")!, in: p("2026-08")) == .due(15000))
        #expect(g.obligation(of: g.member("hong")!, in: p("2026-07")) == .due(35000))
        #expect(g.obligation(of: g.member("hong")!, in: p("2026-06")) == .due(30000))
        #expect(g.obligation(of: g.member("lee")!, in: p("2026-02")) == .inactive)
        #expect(g.obligation(of: g.member("lee")!, in: p("2026-05")) == .exempt)
        #expect(g.obligation(of: g.member("lee")!, in: p("2026-09")) == .due(35000))
        #expect(g.obligation(of: g.member("lee")!, in: p("2026-10")) == .inactive)
    }

    @Test(arguments: [
        ("\"joined\": \"2026-03\", \"left\": \"2026-09\"", "\"joined\": \"2026-13\", \"left\": \"2026-09\"", "groups[0].members[1].joined"),
        ("{\"id\": \"kim\"", "{\"id\": \"hong\"", "groups[0].members[2].id"),
        ("{\"from\": \"2026-07\"", "{\"from\": \"2026-01\"", "groups[0].dues.schedule[1].from"),
        ("\"treasurer\": \"hong\"", "\"treasurer\": \"nobody\"", "groups[0].treasurer"),
        ("\"dueDay\": 10", "\"dueDay\": 40", "groups[0].dues.dueDay"),
        ("\"cycle\": \"monthly\"", "\"cycle\": \"weekly\"", "groups[0].dues.cycle"),
        ("\"left\": \"2026-09\"", "\"left\": \"2026-01\"", "groups[0].members[1].left"),
        ("\"amount\": 15000", "\"amount\": \"15000\"", "groups[0].members[2].amount"),
        ("\"name\": \"김솔\"", "\"name\": \"김솔\", \"aliases\": [\"길동\"]", "groups[0].members[2].aliases[0]"),
    ])
    func invalidConfigsNameThePath(find: String, replace: String, path: String) {
        let broken = valid.replacingOccurrences(of: find, with: replace)
        #expect(broken != valid)
        let errs = errors(broken)
        #expect(errs.contains { $0.path == path }, "expected an error at \(path), got \(errs)")
    }

    @Test func missingFieldAndBadJSON() {
        #expect(errors(valid.replacingOccurrences(of: "\"name\": \"북한산 산악회\",", with: "")).contains { $0.path == "groups[0].name" })
        #expect(errors("{ not json").first?.path == "(file)")
    }

    @Test func severalProblemsAreAllReported() {
        let broken = valid.replacingOccurrences(of: "\"dueDay\": 10", with: "\"dueDay\": 0")
            .replacingOccurrences(of: "\"treasurer\": \"hong\"", with: "\"treasurer\": \"x\"")
        #expect(errors(broken).count == 2)
    }

    @Test func groupSelection() throws {
        let c = try Configuration.parse(Data(valid.utf8))
        #expect(throws: ConfigError.self) { try c.group("nope") }
    }
}
