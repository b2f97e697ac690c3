/// Where one member stands for one of their own periods inside a report's window: what it owes,
/// what the allocations paid towards it, and which columns it covers.
///
/// This is the one definition every figure a treasurer shares comes from: a cell, a row total and
/// a column total are sums of standings, and each standing is counted once, in `counted` (the first
/// column of the window it overlaps). It shows its status and what is still owed in every column
/// it covers, so a yearly member in a monthly grid reads 미납 all year without their 120,000 being
/// added twelve times, and a monthly member in a yearly grid adds twelve months into one column.
public struct Standing: Sendable, Equatable {
    /// The member's own period (a year for a yearly payer, a month for a monthly one).
    public var period: Period
    public var obligation: Obligation
    /// The sum of the allocations to `period`, each allocation once.
    public var paid: Won
    /// The report columns this period overlaps (indices into `Report.periods`).
    public var columns: ClosedRange<Int>
    /// What deposits in review would pay towards it if answered as suggested.
    public var held: Won = 0

    /// The column whose figures include this period's money.
    public var counted: Int { columns.lowerBound }
    /// Still owed: never negative (money beyond what is owed is shown as paid, not as a debt).
    public var owed: Won { max(0, obligation.amount - paid) }
    public var status: Report.Status {
        let s = Report.status(obligation, paid)
        return held > 0 && (s == .unpaid || s == .partial) ? .review : s
    }
}

extension Standing {
    /// `member`'s standings over `columns` (the group's periods, oldest first, contiguous), with
    /// `paid` the member's allocated money per own period. Each own period overlapping the window
    /// appears once; a period beginning before the window is counted in the first column.
    static func of(_ member: Member, in group: Group, columns: [Period], paid: [Period: Won], held: [Period: Won] = [:]) -> [Standing] {
        guard let first = columns.first, let last = columns.last else { return [] }
        let c = group.cycle(of: member)
        let windowStart = first.startMonth, windowEnd = last.endMonth
        // Column index by month: the columns are whole group periods, so a month maps to one.
        func column(ofMonth m: Int) -> Int {
            let k = Period(cycle: first.cycle, containingMonth: m).index - first.index
            return min(max(k, 0), columns.count - 1)
        }
        var out: [Standing] = []
        var p = Period(cycle: c, containingMonth: windowStart)
        while p.startMonth <= windowEnd {
            let lo = column(ofMonth: max(p.startMonth, windowStart)), hi = column(ofMonth: min(p.endMonth, windowEnd))
            out.append(Standing(period: p, obligation: group.obligation(of: member, in: p), paid: paid[p] ?? 0, columns: lo...hi, held: held[p] ?? 0))
            p = p.next
        }
        return out
    }
}
