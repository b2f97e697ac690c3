import Foundation

/// The `hoebi.json` file: where the database is and which groups it keeps.
public struct Configuration: Sendable {
    public var database: String
    /// Where a PostgreSQL database's password is: an environment variable's name or a file
    /// (`databasePasswordEnv`, `databasePasswordFile`), never the password itself.
    public var databasePasswordEnv: String?
    public var databasePasswordFile: String?
    /// Folder holding migrations/*.sql, when it is not found on its own.
    public var migrations: String?
    public var groups: [Group]
    /// `"language": "ko"` or `"en"`: what this club reads Hoebi in (HOEBI_LANG still wins).
    public var language: Language?

    public func group(_ id: String?) throws -> Group {
        if groups.isEmpty { throw ConfigError(path: "groups", reason: Messages.t("config.noGroups")) }
        if let id {
            guard let g = groups.first(where: { $0.id == id }) else {
                throw ConfigError(path: "groups", reason: Messages.t("config.noGroup", id, groups.map(\.id).joined(separator: ", ")))
            }
            return g
        }
        guard groups.count == 1 else {
            throw ConfigError(path: "groups", reason: Messages.t("config.severalGroups", groups.map(\.id).joined(separator: ", ")))
        }
        return groups[0]
    }
}

/// A configuration problem, located by its JSON path (e.g. `groups[0].members[2].joined`).
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

extension Configuration {
    /// Decodes and validates a configuration. Every problem found is reported, not just the first.
    public static func parse(_ data: Data, sources: [String]) throws -> Configuration {
        // Strict syntax and known keys first: a misspelt key ("ammount") silently ignored bills a
        // member the wrong amount.
        let tree: StrictJSON.Node
        do { tree = try StrictJSON.parse(Array(data)) } catch let e as StrictJSON.SyntaxError {
            throw ConfigErrors(errors: [ConfigError(path: "(file)", reason: Messages.t("config.notJSON", e))])
        }
        var problems = KnownKeys.check(tree)
        let raw: RawConfig
        do {
            raw = try JSONDecoder().decode(RawConfig.self, from: data)
        } catch let error as DecodingError {
            throw ConfigErrors(errors: problems + [ConfigError(decoding: error)])
        }
        let config = raw.validated(into: &problems, sources: sources)
        if !problems.isEmpty { throw ConfigErrors(errors: problems) }
        return config
    }
}

public struct ConfigErrors: Error, CustomStringConvertible {
    public var errors: [ConfigError]
    public init(errors: [ConfigError]) { self.errors = errors }
    public var description: String {
        Messages.t("config.invalid") + "\n" + errors.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension ConfigError {
    init(decoding error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { acc, key in
                if let i = key.intValue { return acc + "[\(i)]" }
                return acc.isEmpty ? key.stringValue : acc + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let p = path(ctx.codingPath + [key])
            self.init(path: p, reason: Messages.t("config.missing"))
        case .typeMismatch(let type, let ctx):
            self.init(path: path(ctx.codingPath), reason: Messages.t("config.expected", Self.jsonType(type)))
        case .valueNotFound(let type, let ctx):
            self.init(path: path(ctx.codingPath), reason: Messages.t("config.expectedNull", Self.jsonType(type)))
        case .dataCorrupted(let ctx):
            let p = path(ctx.codingPath)
            let msg = ctx.codingPath.isEmpty ? "not valid JSON (\(ctx.underlyingError.map { "\($0)" } ?? ctx.debugDescription))" : ctx.debugDescription
            self.init(path: p.isEmpty ? "(file)" : p, reason: msg)
        @unknown default:
            self.init(path: "(file)", reason: "\(error)")
        }
    }

    static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return Messages.t("config.type.string")
        case is Int.Type, is Int64.Type: return Messages.t("config.type.integer")
        case is [Any].Type: return Messages.t("config.type.array")
        default: return "\(type)".contains("Array") ? Messages.t("config.type.array") : Messages.t("config.type.other", "\(type)")
        }
    }
}

// The file's shape, before validation.
private struct RawConfig: Decodable {
    var database: String?
    var databasePasswordEnv: String?
    var databasePasswordFile: String?
    var migrations: String?
    /// Absent in a hosted service's file: its groups are kept in the ledger (`hoebi config import`).
    var groups: [RawGroup]?
    var language: String?

    struct RawGroup: Decodable {
        var id: String
        var name: String
        var account: RawAccount
        var dues: RawDues
        var members: [RawMember]
        var treasurer: String?
        var nonDuesKeywords: [String]?
        var sync: [String: Scalar]?
        var fees: [String: Won]?
        var builtinRules: Bool?
        var defaultNonDuesKeywords: Bool?
        /// Joining after this day of the month starts with the next period (with `joined` dates).
        var joinDay: Int?
        var households: [RawHousehold]?
        var events: [RawEvent]?
        var categories: [String: String]?
    }
    struct RawHousehold: Decodable {
        var id: String
        var members: [String]
        var amount: Won?
    }
    /// `joined`: a period (YYYY-MM) or the day someone joined (YYYY-MM-DD).
    struct JoinDate: Decodable {
        var period: Period
        var day: Int?
        init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            if let p = Period(text) {
                period = p
                day = nil
                return
            }
            guard let t = SeoulTime(parsing: text), text.filter(\.isASCIIDigit).count == 8 else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a period (YYYY-MM) or a date (YYYY-MM-DD)"))
            }
            period = t.period
            day = t.day
        }
    }
    struct RawPause: Decodable {
        var from: Period
        var to: Period?
    }
    /// A setting value: JSON strings and numbers are both accepted and kept as text.
    enum Scalar: Decodable {
        case text(String)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                self = .text(s)
            } else if let i = try? c.decode(Int.self) {
                self = .text(String(i))
            } else if let b = try? c.decode(Bool.self) {
                self = .text(b ? "true" : "false")
            } else {
                throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a string or a number"))
            }
        }
        var text: String {
            switch self {
            case .text(let s): return s
            }
        }
    }
    struct RawAccount: Decodable {
        var bank: String
        var number: String
        var holder: String?
    }
    struct RawDues: Decodable {
        var cycle: String?
        var dueDay: Int?
        var schedule: [RawRate]
        var advanceMonths: Int?
    }
    struct RawRate: Decodable {
        var from: Period
        var amount: Won
    }
    struct RawMember: Decodable {
        var id: String
        var name: String
        var aliases: [String]?
        var joined: JoinDate?
        var left: Period?
        var exempt: [Period]?
        var amount: Won?
        var paused: [RawPause]?
        var cycle: String?
        var display: String?
    }

    func validated(into problems: inout [ConfigError], sources: [String]) -> Configuration {
        func fail(_ path: String, _ reason: String) { problems.append(ConfigError(path: path, reason: reason)) }
        var groupIDs: [String: Int] = [:]
        var result: [Group] = []
        for (gi, g) in (groups ?? []).enumerated() {
            let gp = "groups[\(gi)]"
            if !validID(g.id) { fail("\(gp).id", Messages.t("config.badID", g.id)) }
            if let first = groupIDs[g.id] { fail("\(gp).id", Messages.t("config.dupGroup", g.id, first)) }
            groupIDs[g.id] = groupIDs[g.id] ?? gi
            if g.name.trimmingCharacters(in: .whitespaces).isEmpty { fail("\(gp).name", Messages.t("config.empty")) }
            if g.account.number.filter(\.isNumber).isEmpty { fail("\(gp).account.number", Messages.t("config.noDigits")) }
            if g.account.bank.isEmpty { fail("\(gp).account.bank", Messages.t("config.empty")) }
            let cycle = Cycle(config: g.dues.cycle ?? "monthly") ?? .monthly
            if let c = g.dues.cycle, Cycle(config: c) == nil { fail("\(gp).dues.cycle", Self.cycleProblem(c)) }
            let dueDay = g.dues.dueDay ?? 10
            if !(1...31).contains(dueDay) { fail("\(gp).dues.dueDay", Messages.t("config.day", dueDay)) }
            if g.dues.schedule.isEmpty { fail("\(gp).dues.schedule", Messages.t("config.noSchedule")) }
            if let a = g.dues.advanceMonths, !(0...120).contains(a) { fail("\(gp).dues.advanceMonths", Messages.t("config.advanceMonths", a)) }
            var froms: [Int: Int] = [:]
            for (ri, r) in g.dues.schedule.enumerated() {
                if let other = froms[r.from.startMonth] {
                    fail("\(gp).dues.schedule[\(ri)].from", Messages.t("config.overlap", other, r.from))
                }
                froms[r.from.startMonth] = froms[r.from.startMonth] ?? ri
                if r.amount < 0 { fail("\(gp).dues.schedule[\(ri)].amount", Messages.t("config.negative")) }
                if r.amount > Money.limit { fail("\(gp).dues.schedule[\(ri)].amount", Messages.t("config.tooMuch", r.amount, Money.limit.grouped)) }
            }
            let start = g.dues.schedule.map(\.from).min()
            if let d = g.joinDay, !(1...31).contains(d) { fail("\(gp).joinDay", Messages.t("config.day", d)) }
            for (ri, r) in g.dues.schedule.enumerated() where r.from.cycle.months > cycle.months {
                fail("\(gp).dues.schedule[\(ri)].from", Messages.t("config.rateStart", r.from, cycle.rawValue))
            }
            var memberIDs: [String: Int] = [:]
            var aliasOwner: [String: String] = [:]
            var members: [Member] = []
            for (mi, m) in g.members.enumerated() {
                let mp = "\(gp).members[\(mi)]"
                if !validID(m.id) { fail("\(mp).id", Messages.t("config.badID", m.id)) }
                if let first = memberIDs[m.id] { fail("\(mp).id", Messages.t("config.dupMember", m.id, first)) }
                memberIDs[m.id] = memberIDs[m.id] ?? mi
                let name = Normalise.nfc(m.name.trimmingCharacters(in: .whitespaces))
                if Normalise.letters(name).isEmpty { fail("\(mp).name", Messages.t("config.letters")) }
                // A join date after the group's joinDay starts with the next period.
                let joined = m.joined.map { j in j.day.map { $0 > (g.joinDay ?? 31) } == true ? j.period.advanced(by: 1) : j.period }
                if let j = joined, let l = m.left, l < j { fail("\(mp).left", Messages.t("config.leftBeforeJoined", l, j)) }
                if let j = joined, let s = start, j < s { fail("\(mp).joined", Messages.t("config.joinedBeforeSchedule", j, s)) }
                for (pi, pause) in (m.paused ?? []).enumerated() {
                    if let to = pause.to, to < pause.from { fail("\(mp).paused[\(pi)].to", Messages.t("config.toBeforeFrom", to, pause.from)) }
                }
                let own = m.cycle.flatMap { Cycle(config: $0) }
                if let c = m.cycle, own == nil { fail("\(mp).cycle", Self.cycleProblem(c)) }
                let mc = own ?? cycle
                for (ei, e) in (m.exempt ?? []).enumerated() where e.cycle.months < mc.months {
                    fail("\(mp).exempt[\(ei)]", Messages.t("config.exemptShort", e, mc.rawValue, e.within(mc)))
                }
                // A member paying more often than the group owes a share of its rate: it must be whole won.
                if m.amount == nil, mc.months < cycle.months,
                    let r = g.dues.schedule.first(where: { $0.amount.multipliedReportingOverflow(by: Won(mc.months)).partialValue % Won(cycle.months) != 0 })
                {
                    fail("\(mp).cycle", Messages.t("config.split", r.amount, cycle.rawValue, mc.rawValue))
                }
                if let a = m.amount, a < 0 { fail("\(mp).amount", Messages.t("config.negative")) }
                if let a = m.amount, a > Money.limit { fail("\(mp).amount", Messages.t("config.tooMuch", a, Money.limit.grouped)) }
                let aliases = (m.aliases ?? []).map { Normalise.nfc($0.trimmingCharacters(in: .whitespaces)) }
                for (ai, a) in aliases.enumerated() {
                    let key = Normalise.letters(a)
                    if key.isEmpty {
                        fail("\(mp).aliases[\(ai)]", Messages.t("config.letters"))
                    } else if let owner = aliasOwner[key], owner != m.id {
                        fail("\(mp).aliases[\(ai)]", Messages.t("config.aliasTaken", a, owner))
                    }
                    aliasOwner[key] = aliasOwner[key] ?? m.id
                }
                var member = Member(
                    id: m.id, name: name, aliases: aliases, joined: joined, left: m.left,
                    exempt: Set(m.exempt ?? []), amount: m.amount)
                member.paused = (m.paused ?? []).map { Member.Pause(from: $0.from, to: $0.to) }
                member.cycle = own == cycle ? nil : own
                member.display = m.display.map { Normalise.nfc($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isEmpty ? nil : $0 }
                members.append(member)
            }
            if let t = g.treasurer, memberIDs[t] == nil { fail("\(gp).treasurer", Messages.t("config.unknownMember", t)) }
            let treasurerOwnName = g.treasurer.flatMap { t in members.first { $0.id == t } }?.name
            // Households owe one rate together: they become one billing member whose name lists
            // theirs and whose aliases are all their names, so either name (or both) pays it.
            var householdOf: [String: String] = [:]
            for (hi, hh) in (g.households ?? []).enumerated() {
                let hp = "\(gp).households[\(hi)]"
                if !validID(hh.id) || memberIDs[hh.id] != nil { fail("\(hp).id", Messages.t("config.householdID", hh.id)) }
                if hh.members.count < 2 { fail("\(hp).members", Messages.t("config.householdSize")) }
                if let a = hh.amount, a <= 0 || a > Money.limit { fail("\(hp).amount", Messages.t("config.range", Money.limit.grouped)) }
                let parts = hh.members.compactMap { id in members.first { $0.id == id } }
                for id in hh.members where memberIDs[id] == nil { fail("\(hp).members", Messages.t("config.unknownMember", id)) }
                for id in hh.members where householdOf[id] != nil { fail("\(hp).members", Messages.t("config.inHousehold", id, householdOf[id] ?? "")) }
                guard parts.count == hh.members.count, parts.count >= 2 else { continue }
                for id in hh.members { householdOf[id] = hh.id }
                var unit = Member(
                    id: hh.id, name: parts.map(\.name).joined(separator: "·"), aliases: parts.flatMap { [$0.name] + $0.aliases },
                    joined: parts.compactMap(\.joined).min(), left: parts.allSatisfy { $0.left != nil } ? parts.compactMap(\.left).max() : nil,
                    exempt: parts.dropFirst().reduce(parts[0].exempt) { $0.intersection($1.exempt) }, amount: hh.amount)
                unit.paused = parts.allSatisfy { !$0.paused.isEmpty } ? parts[0].paused : []
                unit.cycle = parts[0].cycle
                members.removeAll { hh.members.contains($0.id) }
                members.append(unit)
            }

            var sync: SyncConfig?
            if let raw = g.sync {
                var fields = raw.mapValues(\.text)
                let source = fields.removeValue(forKey: "source") ?? ""
                let base = fields.removeValue(forKey: "baseURL") ?? ""
                let overlap = fields.removeValue(forKey: "overlapDays").map { Int($0) ?? -1 } ?? 3
                let start = fields.removeValue(forKey: "start")
                let config = SyncConfig(source: source, baseURL: base, overlapDays: overlap, start: start, fields: fields)
                for (field, reason) in config.problems(sources: sources) { fail("\(gp).sync.\(field)", reason) }
                sync = config
            }
            guard !g.dues.schedule.isEmpty else { continue }
            result.append(
                Group(
                    id: g.id, name: Normalise.nfc(g.name),
                    account: Account(bank: g.account.bank, number: g.account.number, holder: g.account.holder),
                    dues: Dues(dueDay: dueDay, schedule: g.dues.schedule.map { .init(from: $0.from, amount: $0.amount) }, cycle: cycle),
                    members: members, treasurer: g.treasurer,
                    nonDuesKeywords: (g.nonDuesKeywords ?? []).map(Normalise.nfc), sync: sync))
            for (k, v) in g.fees ?? [:] where v <= 0 || v > Money.limit || Normalise.letters(k).isEmpty {
                fail("\(gp).fees.\(k)", Messages.t("config.fee", Money.limit.grouped))
            }
            // Two spellings of one word (composed and decomposed Hangul) are one fee: keep the larger.
            result[result.count - 1].households = householdOf
            result[result.count - 1].treasurerName = treasurerOwnName
            result[result.count - 1].dues.advanceMonths = g.dues.advanceMonths
            result[result.count - 1].builtinRules = g.builtinRules ?? true
            result[result.count - 1].defaultNonDuesKeywords = g.defaultNonDuesKeywords ?? true
            result[result.count - 1].fees = Dictionary((g.fees ?? [:]).map { (Normalise.nfc($0.key), $0.value) }, uniquingKeysWith: max)
            result[result.count - 1].events = RawEvent.events(g.events ?? [], "\(gp).events", members: Set(memberIDs.keys), fail: fail)
            result[result.count - 1].categoryWords = RawEvent.categories(g.categories ?? [:], "\(gp).categories", fail: fail)
        }
        var lang: Language?
        if let language {
            lang = Language(config: language)
            if lang == nil { fail("language", Messages.t("config.language", language)) }
        }
        var config = Configuration(database: database ?? "hoebi.sqlite", migrations: migrations, groups: result, language: lang)
        config.databasePasswordEnv = databasePasswordEnv
        config.databasePasswordFile = databasePasswordFile
        return config
    }

    static func cycleProblem(_ text: String) -> String {
        Messages.t("config.cycle", text)
    }

    private func validID(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
