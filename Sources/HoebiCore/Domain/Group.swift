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
    /// Gatherings with their own fee (송년회), in date order.
    public var events: [Event] = []
    /// The treasurer's own words for kinds of money (word → 결산 line: "스타벅스" → "식비"),
    /// read before the built-in ones.
    public var categoryWords: [String: String] = [:]

    public init(
        id: String, name: String, account: Account, dues: Dues, members: [Member],
        treasurer: String? = nil, nonDuesKeywords: [String] = [], sync: SyncConfig? = nil
    ) {
        self.id = id
        self.name = name
        self.account = account
        self.dues = dues
        self.members = members
        self.treasurer = treasurer
        self.nonDuesKeywords = nonDuesKeywords
        self.sync = sync
    }

    /// A member by id; a member of a household answers with the household, which is who owes.
    public func member(_ id: String) -> Member? {
        members.first { $0.id == id } ?? households[id].flatMap { hh in members.first { $0.id == hh } }
    }

    /// Member id → household id, for members who pay one rate together (see Configuration).
    public var households: [String: String] = [:]
    /// The treasurer's own name (a treasurer in a household still signs as themself).
    public var treasurerName: String?

    /// The name each member is shown by: their `display`, else their name, with the id added
    /// when another member is shown by the same name (two 이지우 become "이지우 (jiwoo1)" and
    /// "이지우 (jiwoo2)"), so no report or notice shows two people as one.
    public func displayNames() -> [String: String] {
        var count: [String: Int] = [:]
        for m in members { count[m.display ?? m.name, default: 0] += 1 }
        var out: [String: String] = [:]
        for m in members {
            let shown = m.display ?? m.name
            out[m.id] = (count[shown] ?? 0) > 1 ? "\(shown) (\(m.id))" : shown
        }
        return out
    }

    /// The latest of the group's periods already due at `time`: the current one from its due day
    /// on (the 10th of the month, or of a yearly club's first month), else the one before. What a
    /// notice or a reminder is about by default: on 1 December, November, not a December nobody
    /// owes yet.
    public func latestDuePeriod(at time: SeoulTime) -> Period {
        let p = time.period.within(dues.cycle)
        return isDue(p, at: time) ? p : max(firstPeriod, p.advanced(by: -1))
    }

    /// The day `p` falls due: the due day of its first month (the 31st is the month's last day).
    public func dueDate(of p: Period) -> SeoulTime {
        let day = min(dues.dueDay, SeoulTime.daysIn(year: p.year, month: p.month))
        // Year and month come from a Period and the day is clamped to the month: always a real date.
        return SeoulTime(year: p.year, month: p.month, day: day) ?? SeoulTime(epochSeconds: 0)
    }

    /// Whether `p` is due at `time`.
    public func isDue(_ p: Period, at time: SeoulTime) -> Bool { time.epochSeconds >= dueDate(of: p).epochSeconds }

    /// The first period anyone owes: the group's period holding the schedule's start.
    public var firstPeriod: Period {
        // The configuration never lets a schedule be empty; the fallback only keeps this total.
        (dues.schedule.min { $0.from < $1.from }?.from ?? Period(index: 2000 * 12)).within(dues.cycle)
    }

    /// How often `member` pays: their own cycle (one member pays yearly) or the group's.
    public func cycle(of member: Member) -> Cycle { member.cycle ?? dues.cycle }

    /// The first of `member`'s periods they owe. Without a join date: the one holding the
    /// schedule's start. With one: the first period beginning on or after it (someone joining in
    /// March of a yearly club starts with next year; `joined: "2026"` owes this one).
    public func firstPeriod(of member: Member) -> Period {
        let c = cycle(of: member)
        guard let j = member.joined else { return firstPeriod.within(c) }
        let p = Period(cycle: c, containingMonth: j.startMonth)
        return p.startMonth < j.startMonth ? p.next : p
    }

    /// What `member` owes for `period`, or why nothing is owed. Any period is read as the member's
    /// own period holding its first month (a month of a yearly member is that year).
    public func obligation(of member: Member, in period: Period) -> Obligation {
        let p = period.within(cycle(of: member))
        if p < firstPeriod(of: member) { return .inactive }
        // Still a member when the period began.
        if let left = member.left, p.startMonth > left.endMonth { return .inactive }
        if member.exempt.contains(where: { $0.startMonth <= p.startMonth && p.endMonth <= $0.endMonth }) { return .exempt }
        if member.paused.contains(where: { $0.covers(month: p.startMonth) }) { return .paused }
        let amount = member.amount ?? dues.amount(for: p) ?? 0
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
        self.bank = bank
        self.number = number
        self.holder = holder
    }

    /// The key transactions are stored under: bank plus the account number's digits.
    public var key: String { bank.lowercased() + ":" + number.filter(\.isNumber) }

    /// Korean bank name for notices ("kakaobank" → "카카오뱅크"); unknown codes are shown as given.
    public var bankName: String {
        let names = [
            "kakaobank": "카카오뱅크", "toss": "토스뱅크", "tossbank": "토스뱅크", "kb": "KB국민은행",
            "shinhan": "신한은행", "nh": "NH농협은행", "hana": "하나은행", "woori": "우리은행",
            "ibk": "IBK기업은행", "kbank": "케이뱅크", "sc": "SC제일은행"
        ]
        return names[bank.lowercased()] ?? bank
    }
}

public struct Dues: Sendable, Equatable {
    public var dueDay: Int
    public var schedule: [Rate]
    public var cycle: Cycle
    /// How many months past a deposit's own month money naming no period may pay before a
    /// person is asked (`"advanceMonths"`); nil: the period now due and the next one, in the
    /// member's own cycle. In months, not periods, so a yearly club's bound is not a decade.
    public var advanceMonths: Int?

    public init(dueDay: Int, schedule: [Rate], cycle: Cycle = .monthly) {
        self.dueDay = dueDay
        self.schedule = schedule.sorted { $0.from < $1.from }
        self.cycle = cycle
    }

    /// The rate in force for `period`: the latest schedule entry starting on or before it.
    public func amount(in period: Period) -> Won? {
        schedule.last { $0.from.startMonth <= period.startMonth }?.amount
    }

    /// What one period of any cycle costs at this schedule: a longer period is the sum of the
    /// group's periods in it (a yearly member of a 10,000-won monthly club owes 120,000, following
    /// rate changes inside the year); a shorter one its share of the group's period (the
    /// configuration checks the share is whole won).
    public func amount(for p: Period) -> Won? {
        if p.cycle == cycle { return amount(in: p) }
        if p.cycle.months > cycle.months {
            var total: Won = 0
            for q in p.periods(in: cycle) {
                guard let a = amount(in: q) else { continue }
                total = Money.saturatingAdd(total, a)
            }
            return total
        }
        return amount(in: p).map { $0 * Won(p.cycle.months) / Won(cycle.months) }
    }

    public struct Rate: Sendable, Equatable {
        public var from: Period
        public var amount: Won
        public init(from: Period, amount: Won) {
            self.from = from
            self.amount = amount
        }
    }
}

public struct Member: Sendable, Equatable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// When the member joined (a month, or a period of any cycle); nil means from the schedule's start.
    public var joined: Period?
    /// The last month (or period) as a member: periods beginning after it are not owed.
    public var left: Period?
    public var exempt: Set<Period>
    /// A member-specific amount that overrides the schedule.
    public var amount: Won?
    /// Leave (휴회): periods owed nothing, open-ended when `to` is nil.
    public var paused: [Pause] = []
    /// The member's own dues cycle when it differs from the group's (one member pays yearly).
    public var cycle: Cycle?
    /// How people see the member ("큰 지우"), when the name alone does not tell them apart.
    public var display: String?

    public struct Pause: Sendable, Equatable {
        public var from: Period
        public var to: Period?
        public init(from: Period, to: Period? = nil) {
            self.from = from
            self.to = to
        }
        /// Whether the leave holds the month `m` (months since year 0).
        public func covers(month m: Int) -> Bool { m >= from.startMonth && (to.map { m <= $0.endMonth } ?? true) }
        public func covers(_ p: Period) -> Bool { covers(month: p.startMonth) }
    }

    public init(
        id: String, name: String, aliases: [String] = [], joined: Period? = nil, left: Period? = nil,
        exempt: Set<Period> = [], amount: Won? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.joined = joined
        self.left = left
        self.exempt = exempt
        self.amount = amount
    }
}
