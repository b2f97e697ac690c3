import GRDB
import HoebiCore

extension Store {
    /// The stored facts a report over `periods` needs.
    public func snapshot(of group: Group, periods: [Period]) throws -> LedgerSnapshot {
        try read { db in
            let account = group.account.key
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transactions WHERE account = ?", arguments: [account]) ?? 0
            let balance = try Self.lastBalance(db, account: account, before: nil)
            var allocations: [Allocation] = []
            let range = AllocationRange(periods)
            let inList = "(" + range.longer.map { "'\($0)'" }.joined(separator: ",") + ")"  // our own period names: digits, '-', Q, H
            // Three index searches joined, not one OR (for which SQLite, without statistics, scans
            // every allocation of the group). They must not overlap, or an allocation is counted
            // twice: as text, "2026" and "2025-Q3" lie between "2025-01" and "2026-12", so the range
            // keeps only month names (the sixth character of "YYYY-MM" is a digit, of the longer
            // names 'Q', 'H' or nothing).
            let inRange = """
                SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = ?1 AND period BETWEEN ?2 AND ?3
                  AND substr(period, 6, 1) BETWEEN '0' AND '9'
                UNION ALL SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = ?1 AND period IN \(inList)
                UNION ALL SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = ?1 AND period IS NULL
                """
            let rows = try Row.fetchCursor(db, sql: inRange, arguments: [group.id, range.from, range.to])
            var ids = Set<Int64>()
            while let r = try rows.next() {
                let p: String? = r[2]
                allocations.append(Allocation(transactionID: r[0], memberID: r[1], period: p.flatMap(Period.init), amount: r[3]))
                ids.insert(r[0])
            }
            var deposits: [Int64: Report.DepositLine] = [:]
            let lines = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.id, t.occurred_at, t.amount, t.text FROM transactions t
                    WHERE t.id IN (SELECT transaction_id FROM (\(inRange)))
                    """, arguments: [group.id, range.from, range.to])
            while let r = try lines.next() {
                deposits[r[0]] = Report.DepositLine(id: r[0], time: try Self.time(r[1]), amount: r[2], text: r[3])
            }
            func listing(_ status: String) throws -> [Report.DepositLine] {
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.id, t.occurred_at, COALESCE(o.amount, t.amount), t.text, o.reason, o.suggestion, t.memo FROM outcomes o JOIN transactions t ON t.id = o.transaction_id
                        WHERE o.group_id = ? AND o.status = ? ORDER BY t.occurred_at, t.id
                        """, arguments: [group.id, status]
                ).map {
                    Report.DepositLine(id: $0[0], time: try Self.time($0[1]), amount: $0[2], text: $0[3], reason: $0[4], suggestion: $0[5], memo: $0[6])
                }
            }
            var review = try listing("review")
            // The safety net: while a re-match is owed (another process is importing or syncing
            // right now), deposits not yet matched are shown for review, never silently left out.
            if try Self.owesMatch(db, group.id) {
                review += try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.id, t.occurred_at, t.amount, t.text FROM transactions t
                        WHERE t.account = ? AND t.direction = 'in'
                          AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.transaction_id = t.id AND o.group_id = ?2)
                          AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.transaction_id = t.id AND a.group_id = ?2)
                        ORDER BY t.occurred_at, t.id
                        """, arguments: [account, group.id]
                ).map {
                    Report.DepositLine(
                        id: $0[0], time: try Self.time($0[1]), amount: $0[2], text: $0[3],
                        reason: Messages.ref("reason.notMatched"))
                }
            }
            var snapshot = LedgerSnapshot(
                transactions: count, balance: balance, allocations: allocations, deposits: deposits,
                review: review, other: try listing("other"))
            snapshot.holds = try Row.fetchAll(
                db, sql: "SELECT transaction_id, member_id, period, amount FROM holds WHERE group_id = ?", arguments: [group.id]
            ).compactMap { r in (r[2] as String?).flatMap(Period.init).map { Allocation(transactionID: r[0], memberID: r[1], period: $0, amount: r[3]) } }
            // Money in and out over the report's months (for the shared report's summary).
            if let first = periods.first, let last = periods.last,
                let start = SeoulTime(year: first.year, month: first.month, day: 1),
                let endMonth = Optional(Period(cycle: .monthly, containingMonth: last.endMonth + 1)),
                let end = SeoulTime(year: endMonth.year, month: endMonth.month, day: 1)
            {
                let range: [any DatabaseValueConvertible] = [account, start.iso8601, end.iso8601]
                for r in try Row.fetchAll(
                    db, sql: "SELECT direction, SUM(amount) FROM transactions WHERE account = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY direction",
                    arguments: StatementArguments(range))
                {
                    if (r[0] as String) == "in" { snapshot.income = r[1] } else { snapshot.spending = r[1] }
                }
                let lines = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, occurred_at, amount, text, memo, kind FROM transactions WHERE account = ? AND direction = 'out' AND occurred_at >= ? AND occurred_at < ?
                        ORDER BY occurred_at, id LIMIT 5000
                        """, arguments: StatementArguments(range)
                ).map { Report.DepositLine(id: $0[0], time: try Self.time($0[1]), amount: $0[2], text: $0[3], memo: $0[4], kind: $0[5]) }
                let other = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.id, t.occurred_at, COALESCE(o.amount, t.amount), t.text, COALESCE(NULLIF(o.label, ''), o.reason), t.memo, t.kind
                        FROM outcomes o JOIN transactions t ON t.id = o.transaction_id
                        WHERE o.group_id = ? AND o.status = 'other' AND t.direction = 'in' AND t.occurred_at >= ? AND t.occurred_at < ?
                        ORDER BY t.occurred_at, t.id LIMIT 5000
                        """, arguments: [group.id, start.iso8601, end.iso8601]
                ).map {
                    Report.DepositLine(id: $0[0], time: try Self.time($0[1]), amount: $0[2], text: $0[3], reason: $0[4], memo: $0[5], kind: $0[6])
                }
                snapshot.money = MoneyBook(
                    opening: try Self.opening(db, account: account, start: start.iso8601), income: snapshot.income, spending: snapshot.spending,
                    bankBalance: try Self.lastBalance(db, account: account, before: end.iso8601),
                    withdrawals: lines, otherIncome: other, prepaid: try Self.prepaid(db, group: group, after: last))
            }
            return snapshot
        }
    }

    /// The last balance the bank stated (before `before`, when given).
    static func lastBalance(_ db: Database, account: String, before: String?) throws -> Won? {
        let bound = before == nil ? "" : " AND occurred_at < ?"
        let arguments: StatementArguments = before.map { [account, $0] } ?? [account]
        return try Won?.fetchOne(
            db, sql: "SELECT balance FROM transactions WHERE account = ?\(bound) AND balance IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT 1",
            arguments: arguments) ?? nil
    }

    /// The balance before `start`: the last balance stated before it, or the first row from it on
    /// worked back (its balance less what it brought in, or plus what it took out).
    static func opening(_ db: Database, account: String, start: String) throws -> Won? {
        if let before = try lastBalance(db, account: account, before: start) { return before }
        guard
            let r = try Row.fetchOne(
                db, sql: "SELECT direction, amount, balance FROM transactions WHERE account = ? AND occurred_at >= ? ORDER BY occurred_at, id LIMIT 1",
                arguments: [account, start]), let balance = r[2] as Won?
        else { return nil }
        return (r[0] as String) == "in" ? Money.subtract(balance, r[1]) : Money.add(balance, r[1])
    }

    /// Dues allocated to periods that begin after `last` ends, summed per member and period.
    static func prepaid(_ db: Database, group: Group, after last: Period) throws -> [MoneyBook.Prepaid] {
        var sums: [String: [Period: Won]] = [:]
        // As text every later month, and every longer period of a later year or of this one, sorts
        // after "YYYY-MM"; what overlaps the report is dropped below.
        let month = Period(cycle: .monthly, containingMonth: last.endMonth).description
        for r in try Row.fetchAll(
            db, sql: "SELECT member_id, period, amount FROM allocations WHERE group_id = ? AND period IS NOT NULL AND period > ?",
            arguments: [group.id, month])
        {
            guard let p = (r[1] as String?).flatMap(Period.init), p.startMonth > last.endMonth else { continue }
            sums[r[0], default: [:]][p] = Money.saturatingAdd(sums[r[0]]?[p] ?? 0, r[2])
        }
        return sums.flatMap { m, ps in ps.map { MoneyBook.Prepaid(member: m, period: $0.key, amount: $0.value) } }
            .sorted { ($0.period, $0.member) < ($1.period, $1.member) }
    }

    public func transaction(_ id: Int64) throws -> StoredTransaction? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT t.id, t.occurred_at, t.direction, t.amount, t.balance, t.kind, t.text, t.memo,
                           COALESCE(o.status, CASE WHEN a.member_id IS NOT NULL THEN 'allocated' END),
                           COALESCE(o.member_id, a.member_id), o.reason, COALESCE(o.method, a.method), o.suggestion
                    FROM transactions t LEFT JOIN outcomes o ON o.transaction_id = t.id
                    LEFT JOIN (SELECT transaction_id, member_id, method FROM allocations WHERE transaction_id = ?1 LIMIT 1) a ON a.transaction_id = t.id
                    WHERE t.id = ?1
                    """, arguments: [id]
            ).map {
                StoredTransaction(
                    id: $0[0], time: try Self.time($0[1]), direction: $0[2], amount: $0[3], balance: $0[4],
                    kind: $0[5], text: $0[6], memo: $0[7], status: $0[8], member: $0[9], reason: $0[10], method: $0[11], suggestion: $0[12])
            }
        }
    }

    /// The latest transaction time of an account, for a report's default range.
    public func latestTime(account: String) throws -> SeoulTime? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(occurred_at) FROM transactions WHERE account = ?", arguments: [account])
                .flatMap { SeoulTime(iso8601: $0) }
        }
    }
}

extension Store {
    /// Allocations of one transaction, for `hoebi explain`.
    public func allocations(of id: Int64) throws -> [Allocation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT member_id, period, amount FROM allocations WHERE transaction_id = ? ORDER BY id", arguments: [id]).map {
                Allocation(transactionID: id, memberID: $0[0], period: ($0[1] as String?).flatMap(Period.init), amount: $0[2])
            }
        }
    }
}
