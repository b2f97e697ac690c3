import HoebiCore

/// Which stored allocations a report over `periods` reads, in the names the ledger keeps: the
/// months in range by the index ("2026-01" … "2026-12") and the longer periods overlapping it by
/// name ("2026-Q1", "2026-H1", "2026"). The report keeps what overlaps its columns (the month range
/// also lets through a few longer ones, which it drops). Both engines' snapshots ask this.
struct AllocationRange {
    var from = "", to = ""
    var longer: [String] = []

    init(_ periods: [Period]) {
        let first = periods.first.map { Period(cycle: .monthly, containingMonth: $0.startMonth) }
        let last = periods.last.map { Period(cycle: .monthly, containingMonth: $0.endMonth) }
        from = first?.description ?? ""
        to = last?.description ?? ""
        if let first, let last {
            for c in [Cycle.quarterly, .halfYearly, .yearly] { longer += Period.range(first.within(c), last.within(c)).map(\.description) }
        }
    }
}
