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
    /// One deposit paying several members' dues at once (일괄 납부: a payroll forward, cash
    /// collected at a meeting, a parent for two children): what each of `members` (nil: every
    /// member) still owes for `periods` (empty: the deposit's own period). Money left over is other
    /// income labelled `rest`; without a label the amounts must add up, or a person is asked.
    case collective(members: [String]?, periods: [Period], rest: String?)
    /// One deposit in parts: dues for members and periods, and other money with its label. The
    /// parts add up to the deposit.
    case split(parts: [DepositPart])
}

/// A part of a split deposit: `amount` won of `member`'s dues (for `periods`, or the usual rules
/// when empty), or, without a member, other money called `label` (뒷풀이, 가입비).
public struct DepositPart: Sendable, Equatable {
    public var member: String?
    public var periods: [Period]
    public var amount: Won
    public var label: String

    public init(member: String?, periods: [Period] = [], amount: Won, label: String = "") {
        self.member = member
        self.periods = periods
        self.amount = amount
        self.label = label
    }
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
