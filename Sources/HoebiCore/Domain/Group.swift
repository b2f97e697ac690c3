/// A group (모임): one shared account, a dues rule and its members.
public struct Group: Sendable, Equatable {
    public var id: String
    public var name: String
    public var account: Account
    public var dues: Dues
    public var members: [Member]
    /// Member id of the treasurer (총무); the notice is signed with this name.
    public var treasurer: String?
    /// Words that mark a deposit as not dues (event money, refunds): "뒷풀이", "회식", …
    public var nonDuesKeywords: [String]
    /// Where the account's history comes from, when it is synced from a bank API.
    public var sync: SyncConfig?
    /// One-off payments with their own amount (가입비 50,000): a deposit naming one with exactly
    /// that amount is not dues; with another amount it goes to review.
    public var fees: [String: Won] = [:]
    /// The bank's own rows (interest, pockets, matured deposits, card payouts) and reversals are
    /// recognised as not dues (`BankRows`); `"builtinRules": false` turns that off.
    public var builtinRules = true
    /// Whether `BankRows.defaultNonDuesKeywords` apply besides `nonDuesKeywords`.
    public var defaultNonDuesKeywords = true

    public init(id: String, name: String, account: Account, dues: Dues, members: [Member],
                treasurer: String? = nil, nonDuesKeywords: [String] = [], sync: SyncConfig? = nil) {
        self.id = id; self.name = name; self.account = account; self.dues = dues
        self.members = members; self.treasurer = treasurer; self.nonDuesKeywords = nonDuesKeywords; self.sync = sync
    }

    /// A member by id; a member of a household answers with the household, which is who owes.
    public func member(_ id: String) -> Member? {
        members.first { $0.id == id } ?? households[id].flatMap { hh in members.first { $0.id == hh } }
    }

    /// Member id → household id, for members who pay one rate together (see Configuration).
    public var households: [String: String] = [:]
    /// The treasurer's own name (a treasurer in a household still signs as themself).
    public var treasurerName: String?

    /// The first period anyone owes: the schedule's start.
    public var firstPeriod: Period { dues.schedule.map(\.from).min()! }

    /// What `member` owes for `period`, or why nothing is owed.
    public func obligation(of member: Member, in period: Period) -> Obligation {
        if period < (member.joined ?? firstPeriod) { return .inactive }
        if let left = member.left, period > left { return .inactive }
        if member.exempt.contains(period) { return .exempt }
        if member.paused.contains(where: { $0.covers(period) }) { return .paused }
        let amount = member.amount ?? dues.amount(in: period) ?? 0
        return amount > 0 ? .due(amount) : .exempt
    }
}

public enum Obligation: Equatable, Sendable {
    case due(Won)
    case exempt
    case inactive
    /// On leave (휴회): owes nothing for this period.
    case paused

    public var amount: Won { if case .due(let a) = self { return a } else { return 0 } }
}

public struct Account: Sendable, Equatable {
    public var bank: String
    public var number: String
    public var holder: String?

    public init(bank: String, number: String, holder: String? = nil) {
        self.bank = bank; self.number = number; self.holder = holder
    }

    /// The key transactions are stored under: bank plus the account number's digits.
    public var key: String { bank.lowercased() + ":" + number.filter(\.isNumber) }

    /// Korean bank name for notices ("kakaobank" → "카카오뱅크"); unknown codes are shown as given.
    public var bankName: String {
        let names = ["kakaobank": "카카오뱅크", "toss": "토스뱅크", "tossbank": "토스뱅크", "kb": "KB국민은행",
                     "shinhan": "신한은행", "nh": "NH농협은행", "hana": "하나은행", "woori": "우리은행",
                     "ibk": "IBK기업은행", "kbank": "케이뱅크", "sc": "SC제일은행"]
        return names[bank.lowercased()] ?? bank
    }
}

public struct Dues: Sendable, Equatable {
    public var dueDay: Int
    public var schedule: [Rate]

    public init(dueDay: Int, schedule: [Rate]) {
        self.dueDay = dueDay
        self.schedule = schedule.sorted { $0.from < $1.from }
    }

    /// The rate in force for `period`: the latest schedule entry starting on or before it.
    public func amount(in period: Period) -> Won? {
        schedule.last { $0.from <= period }?.amount
    }

    public struct Rate: Sendable, Equatable {
        public var from: Period
        public var amount: Won
        public init(from: Period, amount: Won) { self.from = from; self.amount = amount }
    }
}

public struct Member: Sendable, Equatable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// First period owed; nil means the schedule's start.
    public var joined: Period?
    /// Last period owed (inclusive); nil means still a member.
    public var left: Period?
    public var exempt: Set<Period>
    /// A member-specific amount that overrides the schedule.
    public var amount: Won?
    /// Leave (휴회): periods owed nothing, open-ended when `to` is nil.
    public var paused: [Pause] = []

    public struct Pause: Sendable, Equatable {
        public var from: Period
        public var to: Period?
        public init(from: Period, to: Period? = nil) { self.from = from; self.to = to }
        public func covers(_ p: Period) -> Bool { p >= from && (to.map { p <= $0 } ?? true) }
    }

    public init(id: String, name: String, aliases: [String] = [], joined: Period? = nil, left: Period? = nil,
                exempt: Set<Period> = [], amount: Won? = nil) {
        self.id = id; self.name = name; self.aliases = aliases; self.joined = joined
        self.left = left; self.exempt = exempt; self.amount = amount
    }
}
