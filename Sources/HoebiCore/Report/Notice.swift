/// The facts a period's notice states, ready for a template. Masking happens here, once, so no
/// template can forget it.
public struct Notice: Sendable {
    public struct Person: Sendable, Equatable {
        public var name: String
        /// Still owed for the notice's period.
        public var owed: Won
        /// Owed for every period of the report up to and including the notice's period.
        public var totalOwed: Won
        public var paid: Won
    }

    public var groupName: String
    public var period: Period
    public var dueDate: SeoulTime
    public var amount: Won
    public var paid: [Person]
    public var unpaid: [Person]
    /// Members whose period waits on a deposit in review (확인 중): listed apart, never as unpaid
    /// or paid, so no one is told they owe what they may have paid.
    public var checking: [Person] = []
    public var exempt: [String]
    public var bankName: String
    public var accountNumber: String
    public var accountHolder: String?
    public var treasurer: String?
    public var collected: Won
    public var expected: Won
    public var balance: Won?
    public var reviewCount: Int
    /// Deposits in review no member's period waits on: members are asked to speak up.
    public var unknownCount = 0
    /// The latest transaction the ledger holds: the notice is true as of then.
    public var asOf: SeoulTime?

    /// `report` must include `period`; earlier periods in it count towards `totalOwed`. `mask`
    /// hides members' names (for sharing beyond the group); the account members pay into, its
    /// holder and the treasurer's signature stay readable unless `maskAccount` masks the number.
    ///
    /// With `now`, a member who pays in shorter periods than the notice's (a monthly payer in a
    /// yearly club) owes only the periods already due: up to date, they are not listed as unpaid
    /// for a month nobody owes yet.
    public init(report: Report, period: Period, mask: Bool, maskAccount: Bool = false, now: SeoulTime? = nil) {
        let g = report.group
        let i = report.periods.firstIndex(of: period) ?? max(0, report.periods.count - 1)
        let show: (String) -> String = { mask ? Mask.name($0) : $0 }
        var paid: [Person] = [], unpaid: [Person] = [], exempt: [String] = []
        for row in report.members {
            guard i < row.cells.count else { continue }
            let c = row.cells[i]
            // Each member period once (a yearly member's year is not owed once per column); it
            // includes this column's own standings, so it is never below `c.owed`.
            var total = row.arrears(through: i, columns: report.periods).reduce(0) { Money.saturatingAdd($0, $1.owed) }
            var owed = c.owed
            var status = c.status
            if let now, status == .unpaid || status == .partial,
                row.standings.contains(where: { $0.columns.contains(i) && $0.period.cycle.months < period.cycle.months })
            {
                // Only what falls due by now: the standings whose own due day has come.
                let notYet = row.standings.filter { $0.owed > 0 && $0.counted <= i && !g.isDue($0.period, at: now) }
                    .reduce(Won(0)) { Money.saturatingAdd($0, $1.owed) }
                let notYetHere = row.standings.filter { $0.owed > 0 && $0.columns.contains(i) && !g.isDue($0.period, at: now) }
                    .reduce(Won(0)) { Money.saturatingAdd($0, $1.owed) }
                total = max(0, total - notYet)
                owed = max(0, owed - notYetHere)
                if owed == 0 { status = .paid }
            }
            let person = Person(name: show(row.name), owed: owed, totalOwed: max(total, owed), paid: c.covered)
            switch status {
            case .paid: paid.append(person)
            case .partial, .unpaid: unpaid.append(person)
            case .review: checking.append(person)
            case .exempt: exempt.append(show(row.name))
            case .inactive, .paused: break
            }
        }
        groupName = g.name
        self.period = period
        dueDate = g.dueDate(of: period)
        amount = g.dues.amount(in: period) ?? 0
        self.paid = paid
        self.unpaid = unpaid
        self.exempt = exempt
        bankName = g.account.bankName
        accountNumber = maskAccount ? Mask.account(g.account.number) : g.account.number
        accountHolder = g.account.holder
        treasurer = g.treasurerName ?? g.treasurer.flatMap { g.member($0) }?.name
        collected = i < report.totals.count ? report.totals[i].collected : 0
        expected = i < report.totals.count ? report.totals[i].expected : 0
        asOf = report.asOf
        balance = report.balance
        reviewCount = report.review.count
        unknownCount = report.reviewOfNoOne
    }
}
