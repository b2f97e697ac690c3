/// A club's year-end statement (결산) over a report's months, in the shape clubs present it:
/// 이월금 (the opening balance), income and spending by line, 차기 이월금 (the closing balance)
/// beside the bank's own; then dues owed against collected with each member's 미수금 (arrears),
/// and each event's money with its balance.
public struct Closing: Sendable {
    public struct Side: Sendable, Equatable {
        public var total: Won
        /// Line → sum; money nothing tells is under nil (분류 안 됨).
        public var lines: [BookLine?: Won]

        /// The lines in the statement's order (dues first, the unsorted rest last).
        public var ordered: [(line: BookLine?, amount: Won)] {
            lines.sorted { a, b in
                switch (a.key, b.key) {
                case (let x?, let y?): return x < y
                case (.some, nil): return true
                default: return false
                }
            }.map { ($0.key, $0.value) }
        }
    }

    /// One event's money within the statement.
    public struct EventLine: Sendable, Equatable {
        public var name: String
        public var date: SeoulTime
        public var collected: Won
        /// All money in for it: the attendees' fees and money whose payer is not known yet.
        public var income: Won
        public var spent: Won
        public var refunded: Won
        public var balance: Won
        public var attendees: Int
        public var owing: Int
    }

    public var from: Period
    public var to: Period
    public var opening: Won?
    public var income: Side
    public var spending: Side
    public var bankBalance: Won?
    /// Deposits still in review: money in that is neither dues nor anything else yet.
    public var checking: Won
    /// Dues the months asked for, and what was paid towards them.
    public var duesOwed: Won
    public var duesCollected: Won
    /// Member (shown name) → dues still owed for the months, largest first.
    public var arrears: [(member: String, amount: Won)]
    /// Every member's dues for the months already due: what they owed and what they paid of it.
    public var members: [(member: String, owed: Won, paid: Won)]
    public var events: [EventLine]
    /// Places within the range where the bank's balances do not chain (a missing or changed
    /// row, a statement that skips days): printed with the statement, never hidden.
    public var gaps: [Continuity.Break] = []
    public var closing: Won? { opening.flatMap { Money.add($0, income.total) }.flatMap { Money.subtract($0, spending.total) } }

    /// Income: dues are the money in that is neither other income nor still in review; other
    /// income by the line `categories` gives it. Spending likewise; what no line takes is the
    /// rest of the total, so the lines always add up to it (also past the rows the store lists).
    /// `now`: dues count only for periods already due (a statement of the running year does not
    /// call December's dues 미수금 on 1 December).
    /// `duesOutside`: dues the range's deposits paid for periods before it and after it.
    public init(
        report r: Report, categories: Categories = Categories(), events: [EventBook] = [], now: SeoulTime? = nil,
        duesOutside: (earlier: Won, later: Won) = (0, 0)
    ) {
        let m = r.money
        let first = r.periods.first, last = r.periods.last
        from = first ?? Period(index: 0)
        to = last ?? from
        opening = m.opening
        bankBalance = m.bankBalance
        let start = first?.startMonth ?? 0, end = last?.endMonth ?? -1
        let inWindow = r.review.filter { (start...max(start, end)).contains($0.time.period.startMonth) && !m.isCancelled($0.id) }
        checking = inWindow.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }
        var income: [BookLine?: Won] = [:]
        for d in m.otherIncome {
            let l = categories.line(for: d, spending: false, label: Messages.show(d.reason ?? "", in: .ko))?.line
            income[l] = Money.saturatingAdd(income[l] ?? 0, d.amount)
        }
        let other = income.values.reduce(Won(0)) { Money.saturatingAdd($0, $1) }
        let dues = max(0, m.income - other - checking)
        // As clubs report it: dues for earlier periods (전년도 미수금 회수) and for later ones (선납)
        // on their own lines, the rest as this range's 회비; together they are the dues received.
        let earlier = min(duesOutside.earlier, dues), later = min(duesOutside.later, dues - earlier)
        if earlier > 0 { income[.kind(.duesEarlier)] = earlier }
        if later > 0 { income[.kind(.duesLater)] = later }
        if dues - earlier - later > 0 { income[.kind(.dues)] = Money.saturatingAdd(income[.kind(.dues)] ?? 0, dues - earlier - later) }
        self.income = Side(total: m.income, lines: income)
        var spending: [BookLine?: Won] = [:]
        for w in m.withdrawals where !m.isCancelled(w.id) {
            guard let l = categories.line(for: w, spending: true)?.line else { continue }
            spending[l] = Money.saturatingAdd(spending[l] ?? 0, w.amount)
        }
        let named = spending.values.reduce(Won(0)) { Money.saturatingAdd($0, $1) }
        if m.spending > named { spending[nil] = m.spending - named }
        self.spending = Side(total: m.spending, lines: spending)
        let group = r.group
        let due = { (s: Standing) in now.map { group.isDue(s.period, at: $0) } ?? true }
        var owed: Won = 0, collected: Won = 0, arrears: [(String, Won)] = [], rows: [(String, Won, Won)] = []
        for m in r.members {
            let mine = m.standings.filter(due)
            let o = mine.reduce(Won(0)) { Money.saturatingAdd($0, $1.obligation.amount) }
            let left = mine.reduce(Won(0)) { Money.saturatingAdd($0, $1.owed) }
            owed = Money.saturatingAdd(owed, o)
            collected = Money.saturatingAdd(collected, o - left)
            if left > 0 { arrears.append((m.name, left)) }
            rows.append((m.name, o, o - left))
        }
        members = rows
        duesOwed = owed
        duesCollected = collected
        self.arrears = arrears.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        self.events = events.filter { (start...max(start, end)).contains($0.event.date.period.startMonth) }.map { b in
            EventLine(
                name: b.event.name, date: b.event.date, collected: b.collected,
                income: Money.saturatingAdd(b.collected, b.unmatched.filter(\.incoming).reduce(Won(0)) { Money.saturatingAdd($0, $1.line.amount) }),
                spent: b.spent, refunded: b.refunded, balance: b.balance,
                attendees: b.attendees.count, owing: b.owing.count)
        }
    }
}
