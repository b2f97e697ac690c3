import HoebiCore
import PostgresNIO

extension PostgresStore {
    /// The stored facts a report needs, read in one snapshot (see `Store.snapshot` for why the
    /// allocations are three searches: months by range, longer periods by name, none).
    public func snapshot(of group: Group, periods: [Period]) async throws -> LedgerSnapshot {
        try await read { s in
            let account = group.account.key
            let count = try await s.one("SELECT count(*) FROM transactions WHERE account = \(account)", as: Int64.self) ?? 0
            let balance = try await Self.lastBalance(s, account: account, before: nil)
            let range = AllocationRange(periods)
            let inRange = """
                SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = $1 AND period BETWEEN $2 AND $3
                  AND substr(period, 6, 1) BETWEEN '0' AND '9'
                UNION ALL SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = $1 AND period = ANY($4)
                UNION ALL SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = $1 AND period IS NULL
                """
            var binds = PostgresBindings()
            binds.append(group.id)
            binds.append(range.from)
            binds.append(range.to)
            binds.append(range.longer)
            var allocations: [Allocation] = []
            for r in try await s.rows(PostgresQuery(unsafeSQL: inRange, binds: binds)) {
                let (id, member, period, amount) = try r.decode((Int64, String, String?, Int64).self)
                allocations.append(Allocation(transactionID: id, memberID: member, period: period.flatMap(Period.init), amount: amount))
            }
            var deposits: [Int64: Report.DepositLine] = [:]
            let ids = Array(Set(allocations.map(\.transactionID)))
            for r in try await s.rows("SELECT id, extract(epoch FROM occurred_at)::bigint, amount, text FROM transactions WHERE id = ANY(\(ids))") {
                let (id, time, amount, text) = try r.decode((Int64, Int64, Int64, String).self)
                deposits[id] = Report.DepositLine(id: id, time: SeoulTime(stored: time), amount: amount, text: text)
            }
            func listing(_ status: String) async throws -> [Report.DepositLine] {
                try await s.rows(
                    """
                    SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, COALESCE(o.amount, t.amount), t.text, o.reason, o.suggestion, t.memo
                    FROM outcomes o JOIN transactions t ON t.id = o.transaction_id
                    WHERE o.group_id = \(group.id) AND o.status = \(status) ORDER BY t.occurred_at, t.id
                    """
                ).map { r in
                    let (id, time, amount, text, reason, suggestion, memo) = try r.decode((Int64, Int64, Int64, String, String, String?, String).self)
                    return Report.DepositLine(
                        id: id, time: SeoulTime(stored: time), amount: amount, text: text, reason: reason, suggestion: suggestion, memo: memo)
                }
            }
            var review = try await listing("review")
            if try await Self.owesMatch(s, group.id) {
                review += try await s.rows(
                    """
                    SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, t.amount, t.text FROM transactions t
                    WHERE t.account = \(account) AND t.direction = 'in'
                      AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.transaction_id = t.id AND o.group_id = \(group.id))
                      AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.transaction_id = t.id AND a.group_id = \(group.id))
                    ORDER BY t.occurred_at, t.id
                    """
                ).map { r in
                    let (id, time, amount, text) = try r.decode((Int64, Int64, Int64, String).self)
                    return Report.DepositLine(id: id, time: SeoulTime(stored: time), amount: amount, text: text, reason: Messages.ref("reason.notMatched"))
                }
            }
            var snapshot = LedgerSnapshot(
                transactions: Int(count), balance: balance, allocations: allocations, deposits: deposits, review: review, other: try await listing("other"))
            snapshot.holds = try await s.rows("SELECT transaction_id, member_id, period, amount FROM holds WHERE group_id = \(group.id)").compactMap { r in
                let (id, member, period, amount) = try r.decode((Int64, String, String?, Int64).self)
                return period.flatMap(Period.init).map { Allocation(transactionID: id, memberID: member, period: $0, amount: amount) }
            }
            if let first = periods.first, let last = periods.last,
                let start = SeoulTime(year: first.year, month: first.month, day: 1),
                let endMonth = Optional(Period(cycle: .monthly, containingMonth: last.endMonth + 1)),
                let end = SeoulTime(year: endMonth.year, month: endMonth.month, day: 1)
            {
                let (a, b) = (start.epochSeconds, end.epochSeconds)
                for r in try await s.rows(
                    """
                    SELECT direction, SUM(amount)::bigint FROM transactions WHERE account = \(account)
                      AND occurred_at >= to_timestamp(\(a)) AND occurred_at < to_timestamp(\(b)) GROUP BY direction
                    """)
                {
                    let (direction, sum) = try r.decode((String, Int64).self)
                    if direction == "in" { snapshot.income = sum } else { snapshot.spending = sum }
                }
                let lines = try await s.rows(
                    """
                    SELECT id, extract(epoch FROM occurred_at)::bigint, amount, text, memo, kind FROM transactions WHERE account = \(account) AND direction = 'out'
                      AND occurred_at >= to_timestamp(\(a)) AND occurred_at < to_timestamp(\(b))
                    ORDER BY occurred_at, id LIMIT 5000
                    """
                ).map { r in
                    let (id, time, amount, text, memo, kind) = try r.decode((Int64, Int64, Int64, String, String, String).self)
                    return Report.DepositLine(id: id, time: SeoulTime(stored: time), amount: amount, text: text, memo: memo, kind: kind)
                }
                let other = try await s.rows(
                    """
                    SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, COALESCE(o.amount, t.amount), t.text, COALESCE(NULLIF(o.label, ''), o.reason), t.memo, t.kind
                    FROM outcomes o JOIN transactions t ON t.id = o.transaction_id
                    WHERE o.group_id = \(group.id) AND o.status = 'other' AND t.direction = 'in'
                      AND t.occurred_at >= to_timestamp(\(a)) AND t.occurred_at < to_timestamp(\(b))
                    ORDER BY t.occurred_at, t.id LIMIT 5000
                    """
                ).map { r in
                    let (id, time, amount, text, reason, memo, kind) = try r.decode((Int64, Int64, Int64, String, String, String, String).self)
                    return Report.DepositLine(id: id, time: SeoulTime(stored: time), amount: amount, text: text, reason: reason, memo: memo, kind: kind)
                }
                snapshot.money = MoneyBook(
                    opening: try await Self.opening(s, account: account, start: a), income: snapshot.income, spending: snapshot.spending,
                    bankBalance: try await Self.lastBalance(s, account: account, before: b),
                    withdrawals: lines, otherIncome: other, prepaid: try await Self.prepaid(s, group: group, after: last))
            }
            return snapshot
        }
    }

    static func lastBalance(_ s: Session, account: String, before: Int64?) async throws -> Won? {
        try await s.one(
            """
            SELECT balance FROM transactions WHERE account = \(account) AND (\(before)::bigint IS NULL OR occurred_at < to_timestamp(\(before)))
              AND balance IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT 1
            """, as: Int64.self)
    }

    static func opening(_ s: Session, account: String, start: Int64) async throws -> Won? {
        if let before = try await lastBalance(s, account: account, before: start) { return before }
        guard
            let r = try await s.rows(
                "SELECT direction, amount, balance FROM transactions WHERE account = \(account) AND occurred_at >= to_timestamp(\(start)) ORDER BY occurred_at, id LIMIT 1"
            ).first
        else { return nil }
        let (direction, amount, balance) = try r.decode((String, Int64, Int64?).self)
        guard let balance else { return nil }
        return direction == "in" ? Money.subtract(balance, amount) : Money.add(balance, amount)
    }

    static func prepaid(_ s: Session, group: Group, after last: Period) async throws -> [MoneyBook.Prepaid] {
        var sums: [String: [Period: Won]] = [:]
        let month = Period(cycle: .monthly, containingMonth: last.endMonth).description
        for r in try await s.rows("SELECT member_id, period, amount FROM allocations WHERE group_id = \(group.id) AND period IS NOT NULL AND period > \(month)")
        {
            let (member, period, amount) = try r.decode((String, String, Int64).self)
            guard let p = Period(period), p.startMonth > last.endMonth else { continue }
            sums[member, default: [:]][p] = Money.saturatingAdd(sums[member]?[p] ?? 0, amount)
        }
        return sums.flatMap { m, ps in ps.map { MoneyBook.Prepaid(member: m, period: $0.key, amount: $0.value) } }
            .sorted { ($0.period, $0.member) < ($1.period, $1.member) }
    }

    public func transaction(_ id: Int64) async throws -> StoredTransaction? {
        try await read { s in
            guard
                let r = try await s.rows(
                    """
                    SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, t.direction, t.amount, t.balance, t.kind, t.text, t.memo,
                           COALESCE(o.status, CASE WHEN a.member_id IS NOT NULL THEN 'allocated' END),
                           COALESCE(o.member_id, a.member_id), o.reason, COALESCE(o.method, a.method), o.suggestion
                    FROM transactions t LEFT JOIN outcomes o ON o.transaction_id = t.id
                    LEFT JOIN (SELECT transaction_id, member_id, method FROM allocations WHERE transaction_id = \(id) ORDER BY id LIMIT 1) a ON a.transaction_id = t.id
                    WHERE t.id = \(id)
                    """
                ).first
            else { return nil }
            let (tid, time, direction, amount, balance, kind, text, memo, status, member, reason, method, suggestion) = try r.decode(
                (Int64, Int64, String, Int64, Int64?, String, String, String, String?, String?, String?, String?, String?).self)
            return StoredTransaction(
                id: tid, time: SeoulTime(stored: time), direction: direction, amount: amount, balance: balance, kind: kind, text: text, memo: memo,
                status: status, member: member, reason: reason, method: method, suggestion: suggestion)
        }
    }

    public func latestTime(account: String) async throws -> SeoulTime? {
        try await read { s in
            try await s.one("SELECT extract(epoch FROM MAX(occurred_at))::bigint FROM transactions WHERE account = \(account)", as: Int64.self)
                .map(SeoulTime.init(stored:))
        }
    }

    public func earliestTime(account: String) async throws -> SeoulTime? {
        try await read { s in
            try await s.one("SELECT extract(epoch FROM MIN(occurred_at))::bigint FROM transactions WHERE account = \(account)", as: Int64.self)
                .map(SeoulTime.init(stored:))
        }
    }

    public func allocations(of id: Int64) async throws -> [Allocation] {
        try await read { s in
            try await s.rows("SELECT member_id, period, amount FROM allocations WHERE transaction_id = \(id) ORDER BY id").map { r in
                let (member, period, amount) = try r.decode((String, String?, Int64).self)
                return Allocation(transactionID: id, memberID: member, period: period.flatMap(Period.init), amount: amount)
            }
        }
    }

    public func reviewCount(of group: Group) async throws -> Int {
        try await read { s in Int(try await s.one("SELECT count(*) FROM outcomes WHERE group_id = \(group.id) AND status = 'review'", as: Int64.self) ?? 0) }
    }
}
