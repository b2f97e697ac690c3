/// Who has paid what, member by period, built from stored allocations. Renderers only format it.
public struct Report: Sendable {
    public enum Status: String, Sendable, Codable { case paid, partial, unpaid, exempt, inactive, paused }

    /// One member in one column. When the member's cycle differs from the group's, `due` and
    /// `paid` count the member's periods that *begin* in this column (a yearly member's 120,000 in
    /// January's column only), so totals add up; `status` and `owed` describe every member period
    /// overlapping the column (that member shows as unpaid all year until they pay).
    public struct Cell: Sendable, Equatable {
        public var due: Won
        public var paid: Won
        public var status: Status
        /// Still owed for the member periods overlapping this column.
        public var owed: Won
        /// The member's own period, when it is longer than the column ("2026" in a monthly grid).
        public var span: Period?

        public init(due: Won, paid: Won, status: Status, owed: Won? = nil, span: Period? = nil) {
            self.due = due; self.paid = paid; self.status = status
            self.owed = owed ?? max(0, due - paid); self.span = span
        }
    }

    public struct DepositLine: Sendable, Equatable {
        public var id: Int64
        public var time: SeoulTime
        public var amount: Won
        public var text: String
        public var reason: String?
        public var suggestion: String?
        public init(id: Int64, time: SeoulTime, amount: Won, text: String, reason: String? = nil, suggestion: String? = nil) {
            self.id = id; self.time = time; self.amount = amount; self.text = text; self.reason = reason; self.suggestion = suggestion
        }
    }

    public struct MemberRow: Sendable {
        public var id: String
        public var name: String
        public var cells: [Cell]          // one per `periods` entry
        public var expected: Won
        public var collected: Won
        public var outstanding: Won
        /// Money beyond anything the member can owe (kept, shown, never dropped).
        public var credit: Won
        public var deposits: [DepositLine]
        /// The member's own cycle, when it differs from the group's (a yearly payer).
        public var cycle: Cycle? = nil
    }

    public struct PeriodTotal: Sendable, Equatable {
        public var period: Period
        public var expected: Won
        public var collected: Won
        public var outstanding: Won
        public var paidCount: Int
        public var owingCount: Int
    }

    public var group: Group
    public var periods: [Period]
    public var transactions: Int
    public var balance: Won?
    public var members: [MemberRow]
    public var totals: [PeriodTotal]
    public var review: [DepositLine]
    public var other: [DepositLine]

    // Each is bounded by the per-member sums checked when the report was built.
    public var expected: Won { totals.reduce(0) { $0 + $1.expected } }
    public var collected: Won { totals.reduce(0) { $0 + $1.collected } }
    public var outstanding: Won { totals.reduce(0) { $0 + $1.outstanding } }
    public var unallocated: Won
    /// Learned rules skipped because their member left the configuration, and other warnings.
    public var warnings: [String] = []
    /// The latest transaction in the ledger: what the report is true as of.
    public var asOf: SeoulTime?
    /// Money in and out of the account during the report's periods, and the withdrawals themselves.
    public var income: Won = 0
    public var spending: Won = 0
    public var withdrawals: [DepositLine] = []
}

/// What the store hands the report builder: the stored facts, nothing computed.
public struct LedgerSnapshot: Sendable {
    public var transactions: Int
    public var balance: Won?
    /// Allocations whose period lies in the report's range, plus every credit (period nil).
    public var allocations: [Allocation]
    /// The deposits those allocations come from.
    public var deposits: [Int64: Report.DepositLine]
    public var review: [Report.DepositLine]
    public var other: [Report.DepositLine]
    /// Money in and out over the report's months, and the withdrawals (at most 500).
    public var income: Won = 0
    public var spending: Won = 0
    public var withdrawals: [Report.DepositLine] = []

    public init(transactions: Int, balance: Won?, allocations: [Allocation], deposits: [Int64: Report.DepositLine],
                review: [Report.DepositLine], other: [Report.DepositLine]) {
        self.transactions = transactions; self.balance = balance; self.allocations = allocations
        self.deposits = deposits; self.review = review; self.other = other
    }
}

extension Report {
    /// Every sum is checked: an implausible ledger gives `Money.Overflow`, never a trap.
    public init(group: Group, periods: [Period], snapshot s: LedgerSnapshot) throws {
        let first = periods.first?.startMonth ?? 0, last = periods.last?.endMonth ?? -1
        var paid: [String: [Period: Won]] = [:]
        var credit: [String: Won] = [:]
        var depositIDs: [String: Set<Int64>] = [:]
        var cycles: [String: Cycle] = [:]
        for m in group.members { cycles[m.id] = group.cycle(of: m) }
        for a in s.allocations {
            if let q = a.period {
                guard q.endMonth >= first, q.startMonth <= last else { continue }
                // Stored in the member's own cycle; read that way even if the configuration changed.
                let p = q.within(cycles[a.memberID] ?? q.cycle)
                guard let v = Money.add(paid[a.memberID]?[p] ?? 0, a.amount) else { throw Money.Overflow(what: "\(a.memberID)'s payments for \(p)") }
                paid[a.memberID, default: [:]][p] = v
            } else {
                guard let v = Money.add(credit[a.memberID] ?? 0, a.amount) else { throw Money.Overflow(what: "\(a.memberID)'s credit") }
                credit[a.memberID] = v
            }
            depositIDs[a.memberID, default: []].insert(a.transactionID)
        }
        var rows: [MemberRow] = []
        let shown = group.displayNames()
        for m in group.members {
            let c = cycles[m.id] ?? group.dues.cycle
            var cells: [Cell] = []
            for column in periods {
                var due: Won = 0, got: Won = 0, owed: Won = 0
                var statuses: [Status] = []
                func visit(_ p: Period) throws {
                    let ob = group.obligation(of: m, in: p)
                    let gotHere = paid[m.id]?[p] ?? 0
                    // Money counts in the column where the member's period begins.
                    if column.contains(month: p.startMonth) {
                        guard let d = Money.add(due, ob.amount), let g = Money.add(got, gotHere) else { throw Money.Overflow(what: "\(m.id)'s dues for \(column)") }
                        due = d; got = g
                    }
                    owed = Money.saturatingAdd(owed, max(0, ob.amount - gotHere))
                    statuses.append(Self.status(ob, gotHere))
                }
                // Almost always the member's cycle is the column's: one period, nothing to combine.
                if c == column.cycle {
                    let ob = group.obligation(of: m, in: column)
                    let gotHere = paid[m.id]?[column] ?? 0
                    cells.append(Cell(due: ob.amount, paid: gotHere, status: Self.status(ob, gotHere)))
                    continue
                }
                for p in column.periods(in: c) { try visit(p) }
                let span = c.months > column.cycle.months ? column.within(c) : nil
                cells.append(Cell(due: due, paid: got, status: Self.combined(statuses), owed: owed, span: span))
            }
            let deposits = (depositIDs[m.id] ?? []).compactMap { s.deposits[$0] }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            rows.append(MemberRow(id: m.id, name: shown[m.id] ?? m.name, cells: cells,
                                  expected: try Money.sum(cells.map(\.due), "\(m.id)'s dues"),
                                  collected: try Money.sum(cells.map(\.paid), "\(m.id)'s payments"),
                                  outstanding: try Money.sum(cells.map { max(0, $0.due - $0.paid) }, "\(m.id)'s arrears"),
                                  credit: credit[m.id] ?? 0, deposits: deposits, cycle: c == group.dues.cycle ? nil : c))
        }
        var totals: [PeriodTotal] = []
        for (i, p) in periods.enumerated() {
            let cells = rows.map { $0.cells[i] }
            totals.append(PeriodTotal(period: p, expected: try Money.sum(cells.map(\.due), "dues for \(p)"),
                                      collected: try Money.sum(cells.map(\.paid), "payments for \(p)"),
                                      outstanding: try Money.sum(cells.map { max(0, $0.due - $0.paid) }, "arrears for \(p)"),
                                      paidCount: cells.filter { $0.status == .paid }.count,
                                      owingCount: cells.filter { $0.status == .unpaid || $0.status == .partial }.count))
        }
        // The grand totals are sums of these; check them once here so the properties cannot trap.
        for column in [totals.map(\.expected), totals.map(\.collected), totals.map(\.outstanding)] { _ = try Money.sum(column, "the report's totals") }
        self.init(group: group, periods: periods, transactions: s.transactions, balance: s.balance, members: rows,
                  totals: totals, review: s.review, other: s.other,
                  unallocated: try Money.sum(s.review.map(\.amount), "deposits to review"))
        income = s.income; spending = s.spending; withdrawals = s.withdrawals
    }

    static func status(_ ob: Obligation, _ got: Won) -> Status {
        switch ob {
        case .inactive: return .inactive
        case .paused: return .paused
        case .exempt: return .exempt
        case .due(let due): return got >= due ? .paid : got > 0 ? .partial : .unpaid
        }
    }

    /// Several member periods in one column (a monthly member in a yearly grid): paid when every
    /// owed one is, unpaid when none has money, partial between; with none owed, the most telling
    /// reason (paused, exempt, not a member).
    static func combined(_ s: [Status]) -> Status {
        let owed = s.filter { $0 == .paid || $0 == .partial || $0 == .unpaid }
        if !owed.isEmpty {
            if owed.allSatisfy({ $0 == .paid }) { return .paid }
            if owed.allSatisfy({ $0 == .unpaid }) { return .unpaid }
            return .partial
        }
        for candidate in [Status.paused, .exempt] where s.contains(candidate) { return candidate }
        return .inactive
    }
}
