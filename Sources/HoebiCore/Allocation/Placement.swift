/// Where one deposit's money stands, as a decision's, an undo's or a revert's preview compares it
/// before and after: the members and periods it pays, review, not dues, or gone from the ledger.
/// A value to render (`code`, `words`), never text to parse back.
public enum Placement: Sendable, Equatable {
    /// One member period (or credit, `period == nil`) the money went to.
    public struct Share: Sendable, Equatable {
        public var member: String
        public var period: Period?
        public init(member: String, period: Period?) {
            self.member = member
            self.period = period
        }
    }

    case paid([Share])
    case review
    case notDues
    /// The deposit is no longer in the ledger (its import or sync was reverted).
    case removed
    /// No result known (a deposit the preview has not seen).
    case none

    /// The placement of every deposit of a match, from its outcomes and allocations.
    public static func of(_ deposits: [Deposit], _ result: Allocator.Result) -> [Int64: Placement] {
        var shares: [Int64: [Share]] = [:]
        for a in result.allocations { shares[a.transactionID, default: []].append(Share(member: a.memberID, period: a.period)) }
        var out: [Int64: Placement] = [:]
        for (d, o) in zip(deposits, result.outcomes) {
            switch o {
            case .allocated: out[d.id] = .paid(shares[d.id] ?? [])
            case .review: out[d.id] = .review
            case .other: out[d.id] = .notDues
            }
        }
        return out
    }

    /// For scripts and the JSON documents, the same in every language: "hong 2026-03, kim credit",
    /// "review", "not dues", "removed", "".
    public var code: String {
        switch self {
        case .paid(let shares): return shares.map { $0.member + " " + ($0.period?.description ?? "credit") }.joined(separator: ", ")
        case .review: return "review"
        case .notDues: return "not dues"
        case .removed: return "removed"
        case .none: return ""
        }
    }

    /// In the reader's language: for a treasurer in Korean "홍길동 2026년 3월", "확인 필요", "회비
    /// 아님", "지워짐", "없음" (`names`: member ids to the names people see, `Group.displayNames()`);
    /// in English the code, which shows ids, as the English output always has.
    public func shown(_ names: [String: String], in lang: Language? = nil) -> String {
        let l = lang ?? Messages.language
        guard l == .ko else { return code }
        func word(_ key: String) -> String { Messages.t(key, in: l) }
        switch self {
        case .paid(let shares):
            return shares.map { (names[$0.member] ?? $0.member) + " " + ($0.period?.label ?? word("placement.credit")) }.joined(separator: ", ")
        case .review: return word("placement.review")
        case .notDues: return word("placement.notDues")
        case .removed: return word("placement.removed")
        case .none: return word("placement.none")
        }
    }
}
