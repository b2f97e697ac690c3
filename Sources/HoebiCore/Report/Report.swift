/// Who has paid what, member by period, built from stored allocations. Renderers only format it.
public struct Report: Sendable {
    public enum Status: String, Sendable, Codable {
        case paid, partial, unpaid, exempt, inactive, paused
        /// Not paid by what is decided, but a deposit in review would pay it if answered as
        /// suggested (확인 필요): never shared as 미납, never as 완납.
        case review
    }

    /// One member in one column, summed from the member's standings (see `Standing`). `due`,
    /// `paid` and `outstanding` count the standings counted in this column (a yearly member's
    /// 120,000 in January's column only), so column and row totals add each allocation once;
    /// `status`, `owed` and `covered` describe every standing overlapping the column (that member
    /// shows as unpaid all year until they pay).
    public struct Cell: Sendable, Equatable {
        public var due: Won
        public var paid: Won
        public var status: Status
        /// Still owed for the member periods overlapping this column.
        public var owed: Won
        /// The member's own period, when it is longer than the column ("2026" in a monthly grid).
        public var span: Period?
        /// Still owed for the member periods counted in this column: what the column's 미납액 adds.
        public var outstanding: Won
        /// Paid towards the member periods overlapping this column (the notice's "낸 돈").
        public var covered: Won

        public init(
            due: Won, paid: Won, status: Status, owed: Won? = nil, span: Period? = nil,
            outstanding: Won? = nil, covered: Won? = nil
        ) {
            self.due = due
            self.paid = paid
            self.status = status
            self.owed = owed ?? max(0, due - paid)
            self.span = span
            self.outstanding = outstanding ?? max(0, due - paid)
            self.covered = covered ?? paid
        }
    }

    public struct DepositLine: Sendable, Equatable {
        public var id: Int64
        public var time: SeoulTime
        public var amount: Won
        public var text: String
        public var reason: String?
        public var suggestion: String?
        /// The statement's memo column, shown beside the text where a treasurer decides.
        public var memo: String = ""
        /// The bank's kind of row (체크카드, 이체, 예금이자): tells a cancellation from a payment.
        public var kind: String = ""
        public init(
            id: Int64, time: SeoulTime, amount: Won, text: String, reason: String? = nil, suggestion: String? = nil, memo: String = "", kind: String = ""
        ) {
            self.kind = kind
            self.id = id
            self.time = time
            self.amount = amount
            self.text = text
            self.reason = reason
            self.suggestion = suggestion
            self.memo = memo
        }
    }

    public struct MemberRow: Sendable {
        public var id: String
        public var name: String
        public var cells: [Cell]  // one per `periods` entry
        public var expected: Won
        public var collected: Won
        public var outstanding: Won
        /// Money beyond anything the member can owe (kept, shown, never dropped).
        public var credit: Won
        public var deposits: [DepositLine]
        /// The member's own cycle, when it differs from the group's (a yearly payer).
        public var cycle: Cycle? = nil
        /// The member's own periods in the window, each once: what every figure above sums.
        public var standings: [Standing] = []

        /// What is still owed for the member's periods counted up to and including column `i`,
        /// oldest first, each member period once; a period shorter than the columns is named by
        /// its column (a monthly payer in a quarterly club owes "1분기", not three months).
        public func arrears(through i: Int, columns: [Period]) -> [(period: Period, owed: Won)] {
            var out: [(period: Period, owed: Won)] = []
            for s in standings where s.counted <= i && s.owed > 0 {
                let key = s.period.cycle.months < (columns.first?.cycle.months ?? 1) && s.counted < columns.count ? columns[s.counted] : s.period
                if let last = out.last, last.period == key {
                    out[out.count - 1].owed = Money.saturatingAdd(last.owed, s.owed)
                } else {
                    out.append((key, s.owed))
                }
            }
            return out
        }
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
    /// Deposits in review that hold no member's period: nobody can yet tell whose they are, so
    /// any member listed as unpaid may have sent one of them.
    public var reviewOfNoOne = 0
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
    /// The months' money as members check it against the bank: balances, money in and out,
    /// the withdrawals themselves.
    public var money = MoneyBook()
    /// Withdrawals with a receipt attached: members see that one exists, not the file.
    public var receipted: Set<Int64> = []
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
    /// Money in and out over the report's months (gross: the money book nets cancelled pairs).
    public var income: Won = 0
    public var spending: Won = 0
    /// Member periods deposits in review would pay (`Allocator.Result.holds`), in range.
    public var holds: [Allocation] = []
    /// The months' money: balances, money in that is not dues, withdrawals, dues paid ahead.
    public var money = MoneyBook()

    public init(
        transactions: Int, balance: Won?, allocations: [Allocation], deposits: [Int64: Report.DepositLine],
        review: [Report.DepositLine], other: [Report.DepositLine]
    ) {
        self.transactions = transactions
        self.balance = balance
        self.allocations = allocations
        self.deposits = deposits
        self.review = review
        self.other = other
    }
}

extension Report {
    /// Every sum is checked: an implausible ledger gives `Money.Overflow`, never a trap.
    /// `periods` are the columns: contiguous periods, oldest first.
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
        var held: [String: [Period: Won]] = [:]
        for h in s.holds {
            guard let q = h.period, q.endMonth >= first, q.startMonth <= last else { continue }
            let p = q.within(cycles[h.memberID] ?? q.cycle)
            held[h.memberID, default: [:]][p] = Money.saturatingAdd(held[h.memberID]?[p] ?? 0, h.amount)
        }
        var rows: [MemberRow] = []
        let shown = group.displayNames()
        for m in group.members {
            let c = cycles[m.id] ?? group.dues.cycle
            let standings = Standing.of(m, in: group, columns: periods, paid: paid[m.id] ?? [:], held: held[m.id] ?? [:])
            var cells: [Cell] = []
            cells.reserveCapacity(periods.count)
            var k = 0  // the first standing that may still overlap column i (standings are in order)
            for (i, column) in periods.enumerated() {
                var due: Won = 0, got: Won = 0, outstanding: Won = 0, owed: Won = 0, covered: Won = 0
                var statuses: [Status] = []
                while k < standings.count, standings[k].columns.upperBound < i { k += 1 }
                var j = k
                while j < standings.count, standings[j].columns.lowerBound <= i {
                    let st = standings[j]
                    j += 1
                    if st.counted == i {
                        guard let d = Money.add(due, st.obligation.amount), let g = Money.add(got, st.paid),
                            let o = Money.add(outstanding, st.owed)
                        else { throw Money.Overflow(what: "\(m.id)'s dues for \(column)") }
                        due = d
                        got = g
                        outstanding = o
                    }
                    owed = Money.saturatingAdd(owed, st.owed)
                    covered = Money.saturatingAdd(covered, st.paid)
                    statuses.append(st.status)
                }
                let span = c.months > column.cycle.months ? column.within(c) : nil
                cells.append(
                    Cell(
                        due: due, paid: got, status: Self.combined(statuses),
                        owed: owed, span: span, outstanding: outstanding, covered: covered))
            }
            let deposits = (depositIDs[m.id] ?? []).compactMap { s.deposits[$0] }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            var row = MemberRow(
                id: m.id, name: shown[m.id] ?? m.name, cells: cells,
                expected: try Money.sum(standings.map(\.obligation.amount), "\(m.id)'s dues"),
                collected: try Money.sum(standings.map(\.paid), "\(m.id)'s payments"),
                outstanding: try Money.sum(standings.map(\.owed), "\(m.id)'s arrears"),
                credit: credit[m.id] ?? 0, deposits: deposits, cycle: c == group.dues.cycle ? nil : c)
            row.standings = standings
            rows.append(row)
        }
        var totals: [PeriodTotal] = []
        for (i, p) in periods.enumerated() {
            let cells = rows.map { $0.cells[i] }
            totals.append(
                PeriodTotal(
                    period: p, expected: try Money.sum(cells.map(\.due), "dues for \(p)"),
                    collected: try Money.sum(cells.map(\.paid), "payments for \(p)"),
                    outstanding: try Money.sum(cells.map(\.outstanding), "arrears for \(p)"),
                    paidCount: cells.filter { $0.status == .paid }.count,
                    owingCount: cells.filter { $0.status == .unpaid || $0.status == .partial }.count))
        }
        // The grand totals are sums of these; check them once here so the properties cannot trap.
        for column in [totals.map(\.expected), totals.map(\.collected), totals.map(\.outstanding)] { _ = try Money.sum(column, "the report's totals") }
        self.init(
            group: group, periods: periods, transactions: s.transactions, balance: s.balance, members: rows,
            totals: totals, review: s.review, other: s.other,
            unallocated: try Money.sum(s.review.map(\.amount), "deposits to review"))
        money = s.money
        let holding = Set(s.holds.map(\.transactionID))
        reviewOfNoOne = s.review.filter { !holding.contains($0.id) }.count
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
        if s.contains(.review) { return .review }
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

extension Report.Status {
    /// The word every shared output (table, CSV, HTML, xlsx, members' page) shows for a status.
    public var word: String {
        switch self {
        case .paid: return "완납"
        case .partial: return "일부"
        case .unpaid: return "미납"
        case .exempt: return "면제"
        case .inactive: return "-"
        case .paused: return "휴회"
        case .review: return "확인 필요"
        }
    }
}

extension Report.Cell {
    /// The cell as people read it: its status, and for 일부 what was paid towards the member's
    /// period ("일부 30,000"), so a half-paid year never reads like a paid one.
    public var label: String { status == .partial ? "일부 \(covered.grouped)" : status.word }
}
