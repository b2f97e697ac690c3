/// What a remembered depositor text stands for: a member's money, not dues, or "a person decides".
/// The store keeps it as text (`Allocator.ignoreRule`, `Allocator.reviewRule`, or a member id);
/// everything else holds this value and renders it.
public enum LearnedRule: Sendable, Equatable {
    case member(String)
    case notDues
    case byHand
    /// Each deposit with this text is a collective payment (a payroll forward) of these members'
    /// dues for its month; nil: every member who owes.
    case collective([String]?)

    static let collectivePrefix = "!collective:"

    public init(stored: String) {
        switch stored {
        case Allocator.ignoreRule: self = .notDues
        case Allocator.reviewRule: self = .byHand
        case _ where stored.hasPrefix(Self.collectivePrefix):
            let list = stored.dropFirst(Self.collectivePrefix.count)
            self = .collective(list == "*" ? nil : list.split(separator: ",").map(String.init))
        default: self = .member(stored)
        }
    }

    /// The column text and the JSON value (unchanged from when rules were strings).
    public var stored: String {
        switch self {
        case .member(let id): return id
        case .notDues: return Allocator.ignoreRule
        case .byHand: return Allocator.reviewRule
        case .collective(let ms): return Self.collectivePrefix + (ms?.joined(separator: ",") ?? "*")
        }
    }

    /// In the reader's language: for a treasurer in Korean the member by the name people see,
    /// "회비 아님", "직접 확인"; in English the stored code (a member id, "!ignore", "!review"), as
    /// the English output always showed it.
    public func shown(_ names: [String: String], in lang: Language? = nil) -> String {
        guard (lang ?? Messages.language) == .ko else { return stored }
        switch self {
        case .member(let id): return names[id] ?? id
        case .notDues: return Messages.t("rule.notDues", in: .ko)
        case .byHand: return Messages.t("rule.byHand", in: .ko)
        case .collective(let ms):
            let who = ms.map { $0.map { names[$0] ?? $0 }.joined(separator: ", ") } ?? Messages.t("explain.everyone", in: .ko)
            return Messages.t("rule.collective", in: .ko, arguments: [who])
        }
    }
}

/// What a treasurer's decision on one deposit was, as the ledger records it (the `action` column).
public enum DecisionAction: String, Sendable, Equatable {
    case assign, ignore, review
    /// The decision in force was withdrawn.
    case clear

    /// The rule a decision of this kind implies for the deposit's text (`member` for assign).
    public func impliedRule(member: String?) -> LearnedRule? {
        switch self {
        case .assign: return member.map(LearnedRule.member)
        case .ignore: return .notDues
        case .review: return .byHand
        case .clear: return nil
        }
    }
}
