/// An incoming transaction as the matcher sees it.
public struct Deposit: Sendable, Equatable {
    public var id: Int64
    public var time: SeoulTime
    public var amount: Won
    public var text: String
    /// The bank's transaction type (거래구분).
    public var kind: String
    /// The statement's memo column (KakaoBank 메모, Toss 메모, KB 송금메모): read after the text
    /// for month hints and non-dues words.
    public var memo: String

    public init(id: Int64, time: SeoulTime, amount: Won, text: String, kind: String = "", memo: String = "") {
        self.id = id
        self.time = time
        self.amount = amount
        self.text = text
        self.kind = kind
        self.memo = memo
    }
}

/// A treasurer's decision on one deposit; it always wins over the automatic rules.
public enum Decision: Sendable, Equatable {
    /// This member's money; `periods` empty means "apply the usual period rules".
    case assign(member: String, periods: [Period])
    /// Not dues (a refund, event money, …).
    case ignore(reason: String)
    /// Un-assigned: the automatic match was wrong; a person decides this deposit.
    case review
}

/// Money from one deposit applied to one member's period. `period == nil` is credit: money beyond
/// every period the member can owe (e.g. after leaving), kept visible rather than dropped.
public struct Allocation: Sendable, Equatable {
    public var transactionID: Int64
    public var memberID: String
    public var period: Period?
    public var amount: Won

    public init(transactionID: Int64, memberID: String, period: Period?, amount: Won) {
        self.transactionID = transactionID
        self.memberID = memberID
        self.period = period
        self.amount = amount
    }
}

/// What became of one deposit.
public enum Outcome: Sendable, Equatable {
    case allocated(member: String, method: MatchMethod)
    case review(reason: String, suggestion: String?)
    case other(reason: String)

    public var status: String {
        switch self {
        case .allocated: return "allocated"
        case .review: return "review"
        case .other: return "other"
        }
    }
}

extension Outcome {
    /// The outcome with its reason in words (`Messages.show`), for display and tests.
    public func shown(in lang: Language? = nil) -> Outcome {
        switch self {
        case .allocated: return self
        case .review(let r, let s): return .review(reason: Messages.show(r, in: lang), suggestion: s)
        case .other(let r): return .other(reason: Messages.show(r, in: lang))
        }
    }
}
