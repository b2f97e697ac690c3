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
        do {
            _ = try Configuration.parse(Data(json.utf8))
            return []
        } catch let e as ConfigErrors { return e.errors } catch { return [] }
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
        ("\"name\": \"김솔\"", "\"name\": \"김솔\", \"aliases\": [\"길동\"]", "groups[0].members[2].aliases[0]")
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

/// Strict configuration: unknown and repeated keys, and JSON that Foundation would let through
/// (issue 11, point 4).
@Suite struct StrictConfigTests {
    let good = """
        {"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "1"},
          "dues": {"schedule": [{"from": "2026-01", "amount": 30000}]},
          "members": [{"id": "a", "name": "홍길동"}, {"id": "b", "name": "김솔"}, {"id": "c", "name": "이솔"},
                      {"id": "d", "name": "박하나", "amount": 10000}]}]}
        """

    func errors(_ text: String) -> String {
        do {
            _ = try Configuration.parse(Data(text.utf8))
            return ""
        } catch { return "\(error)" }
    }

    @Test func unknownKeysAreNamedWithTheNearestKnownOne() throws {
        #expect(try Configuration.parse(Data(good.utf8)).groups[0].members[3].amount == 10000)
        let e = errors(good.replacingOccurrences(of: "\"amount\": 10000", with: "\"ammount\": 10000"))
        #expect(e.contains("groups[0].members[3].ammount: unknown key (line 4, column") && e.contains("did you mean 'amount'?"), "\(e)")
        let far = errors(good.replacingOccurrences(of: "\"treasurer\"", with: "x").replacingOccurrences(of: "\"dues\"", with: "\"colour\": 1, \"dues\""))
        #expect(far.contains("groups[0].colour: unknown key") && far.contains("known here: id, name"), "\(far)")
        // Free-form places stay free: fees are words, sync settings are checked by each source.
        #expect(errors(good.replacingOccurrences(of: "\"dues\"", with: "\"fees\": {\"가입비\": 50000}, \"dues\"")) == "")
        let twice = errors(good.replacingOccurrences(of: "\"name\": \"홍길동\"", with: "\"name\": \"홍길동\", \"name\": \"홍길순\""))
        #expect(twice.contains("groups[0].members[0].name: written twice"), "\(twice)")
    }

    /// A whole configuration on one line (as a program writes it, and as the ledger's groups are
    /// read): every key's column is counted on from the one before, and comes out as a count from
    /// the line's start would give, Hangul counted as one column each.
    @Test func keysOnOneLongLineAreLocatedExactly() throws {
        let oneLine = good.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\"amount\": 10000", with: "\"ammount\": 10000")
        let e = errors(oneLine)
        let before = try #require(oneLine.range(of: "\"ammount\""))
        #expect(e.contains("unknown key (line 1, column \(oneLine[..<before.lowerBound].count + 1))"), "\(e)")
        let nodes = try StrictJSON.parse(Array(oneLine.utf8))
        guard case .object(let top) = nodes else { throw ConfigError(path: "", reason: "not an object") }
        for m in top {
            let at = try #require(oneLine.range(of: "\"\(m.key)\""))
            #expect(m.line == 1 && m.column == oneLine[..<at.lowerBound].count + 1, "\(m.key)")
        }
    }

    @Test func syntaxErrorsSayWhere() {
        let comma = errors(good.replacingOccurrences(of: "\"name\": \"박하나\", \"amount\": 10000}]", with: "\"name\": \"박하나\", \"amount\": 10000},]"))
        #expect(comma.contains("line 4, column") && comma.contains("a comma before ]"), "\(comma)")
        let colon = errors("{\"groups\" [\n]}")
        #expect(colon.contains("line 1, column 11") && colon.contains("expected ':'"), "\(colon)")
        let open = errors("{\"groups\": [{\"id\": \"g\",\n\"name\": \"모임}]}")
        #expect(open.contains("line 2") && open.contains("not closed"), "\(open)")
        #expect(errors("{\"groups\": [] } x").contains("after the end"))
        #expect(errors("{\"database\": 01}").contains("may not start with 0"))
    }
}

/// One message catalogue in Korean and English (issue 12, point 1 — first part).
@Suite struct MessageTests {
    @Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set((1...9).map { "{\($0)}" }.filter { s.contains($0) })
        }
        for (key, entry) in Messages.catalogue {
            #expect(!entry.ko.isEmpty && !entry.en.isEmpty, "\(key)")
            #expect(placeholders(entry.ko) == placeholders(entry.en), "\(key)")
            #expect(entry.ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(key): the Korean text has no Hangul")
        }
    }

    @Test func noKeyIsInTwoPartsOfTheCatalogue() {
        #expect(Messages.parts.map(\.count).reduce(0, +) == Messages.catalogue.count)
        #expect(Messages.byEnglish.values.allSatisfy { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } })
    }

    @Test func aStoredReasonIsReadInEitherLanguage() {
        let stored = Messages.ref("reason.reversal", 100, "2026-03-01", "50,000", "최도윤")
        #expect(Messages.show(stored, in: .en) == "reversal of t100 (2026-03-01, 50,000 won to '최도윤')")
        #expect(Messages.show(stored, in: .ko) == "t100 출금의 취소 (2026-03-01, 50,000원, '최도윤')")
        // A treasurer's own words are kept as they are; separators inside an argument cannot split it.
        #expect(Messages.show("찬조금", in: .en) == "찬조금")
        let odd = Messages.ref("reason.keyword", "a\u{1F}b\u{1E}c")
        #expect(Messages.show(odd, in: .en) == "not dues: 'a b c'")
        // An unknown key (a reason from a newer Hoebi) still shows its words, never crashes.
        #expect(Messages.show("\u{1E}reason.future\u{1F}x", in: .en) == "reason.future x")
    }

    @Test func theLanguageComesFromHoebiLangOrTheLocaleAndIsKoreanByDefault() {
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8"], configured: .ko) == .ko)
        #expect(Language.from(environment: ["HOEBI_LANG": "en"], configured: .ko) == .en)
        #expect(Language(config: "한국어") == .ko && Language(config: "English") == .en && Language(config: "fr") == nil)
        #expect(Language.from(environment: [:]) == .ko)
        #expect(Language.from(environment: ["LANG": "C.UTF-8"]) == .ko)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "ko_KR.UTF-8"]) == .ko)
        #expect(Language.from(environment: ["LANG": "ko_KR.UTF-8", "HOEBI_LANG": "en"]) == .en)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8", "HOEBI_LANG": "ko"]) == .ko)
    }
}

/// A message's arguments are filled in once: a depositor's text that holds "{2}" stays as typed.
@Suite struct MessageFillTests {
    @Test func anArgumentIsNeverFilledInAgain() {
        let s = Messages.t("page.decisionSummary", in: .ko, arguments: ["5", "2026-03-01", "30,000", "{6}{1}", "검토", "홍길동"])
        #expect(s == "t5 2026-03-01 30,000원 '{6}{1}': 검토 → 홍길동", "\(s)")
        // Every dashboard word has both languages and the same placeholders.
        for (key, e) in Messages.dashboard {
            func holes(_ s: String) -> Set<String> {
                Set(s.matches(of: /\{[0-9]\}/).map { String($0.output) })
            }
            #expect(holes(e.ko) == holes(e.en) && !e.en.isEmpty && e.ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(key)")
        }
    }
}
