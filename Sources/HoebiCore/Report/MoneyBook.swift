/// The account's money over a report's months, as members check it against the bank: the
/// balance it started from, what came in and went out, the balance it should end on beside the
/// bank's own, each cancelled pair shown once and kept out of the sums, money in that is not
/// dues with its label, and dues paid ahead for later periods.
public struct MoneyBook: Sendable, Equatable {
    /// A withdrawal and the deposit that undid it (a cancelled transfer or card payment).
    public struct Cancelled: Sendable, Equatable {
        public var out: Report.DepositLine
        public var back: Report.DepositLine
    }

    /// Dues one member paid for a period after the report's last column.
    public struct Prepaid: Sendable, Equatable {
        public var member: String
        public var period: Period
        public var amount: Won
        public init(member: String, period: Period, amount: Won) {
            self.member = member
            self.period = period
            self.amount = amount
        }
    }

    /// The balance before the report's first month: the bank's 거래 후 잔액 of the row before it,
    /// or worked back from the first row; nil when no row says.
    public var opening: Won?
    /// Money in and out over the months, cancelled pairs left out.
    public var income: Won
    public var spending: Won
    /// The bank's balance after the last row of the months; nil when no row says.
    public var bankBalance: Won?
    public var cancelled: [Cancelled]
    /// Money in that is not dues (뒷풀이, interest, refunds received), cancellations left out.
    public var otherIncome: [Report.DepositLine]
    /// Withdrawals of the months; a cancelled one is in `cancelled` too and marked there.
    public var withdrawals: [Report.DepositLine]
    public var prepaid: [Prepaid]

    /// What the balance should be: opening + income − spending; nil without an opening.
    public var closing: Won? { opening.flatMap { Money.add($0, income) }.flatMap { Money.subtract($0, spending) } }
    /// How far the bank's balance is from `closing` (a missing or changed row); nil when either is unknown.
    public var mismatch: Won? {
        guard let c = closing, let b = bankBalance, let d = Money.subtract(b, c), d != 0 else { return nil }
        return d
    }

    public func isCancelled(_ id: Int64) -> Bool { cancelled.contains { $0.out.id == id || $0.back.id == id } }

    /// Pairs each deposit that says it undoes a payment (취소, 반환, a card kind arriving as money
    /// in) with the latest earlier withdrawal of the same amount within 31 days not paired yet;
    /// both leave the sums and are listed once. `income` and `spending` are the months' gross sums.
    public init(
        opening: Won?, income: Won, spending: Won, bankBalance: Won?, withdrawals: [Report.DepositLine], otherIncome: [Report.DepositLine],
        prepaid: [Prepaid]
    ) {
        var pairs: [Cancelled] = []
        var taken = Set<Int64>()
        // Withdrawals by amount, in time order, so each reversal looks only at its own amount.
        var byAmount: [Won: [Report.DepositLine]] = [:]
        for w in withdrawals { byAmount[w.amount, default: []].append(w) }
        var net = (income, spending)
        for d in otherIncome where BankRows.undoesAPayment(text: d.text, kind: d.kind) {
            let month: Int64 = 31 * 86_400
            guard
                let w = byAmount[d.amount]?.last(where: {
                    !taken.contains($0.id) && $0.time <= d.time && d.time.epochSeconds - $0.time.epochSeconds <= month
                })
            else { continue }
            taken.insert(w.id)
            taken.insert(d.id)
            pairs.append(Cancelled(out: w, back: d))
            net = (Money.subtract(net.0, d.amount) ?? net.0, Money.subtract(net.1, w.amount) ?? net.1)
        }
        self.opening = opening
        self.income = net.0
        self.spending = net.1
        self.bankBalance = bankBalance
        self.cancelled = pairs
        self.otherIncome = otherIncome.filter { !taken.contains($0.id) }
        self.withdrawals = withdrawals
        self.prepaid = prepaid
    }

    public init() {
        self.init(opening: nil, income: 0, spending: 0, bankBalance: nil, withdrawals: [], otherIncome: [], prepaid: [])
    }
}
