import GRDB
import HoebiCore

extension Store {
    /// The group's ledger, oldest first, narrowed by `filter` (dates inclusive; text is a
    /// case-insensitive part of the depositor text or memo; member: deposits that paid them).
    public func ledger(of group: Group, _ filter: LedgerFilter) throws -> [LedgerLine] {
        try read { db in
            var sql = """
                SELECT t.id, t.occurred_at, t.direction, t.amount, t.text, o.status, o.reason FROM transactions t
                LEFT JOIN outcomes o ON o.transaction_id = t.id AND o.group_id = ?
                WHERE t.account = ?
                """
            var args: [(any DatabaseValueConvertible)?] = [group.id, group.account.key]
            if let f = filter.from {
                sql += " AND t.occurred_at >= ?"
                args.append(f.iso8601)
            }
            if let t = filter.to {
                sql += " AND t.occurred_at < ?"
                args.append(SeoulTime(epochSeconds: t.epochSeconds + 86400).iso8601)
            }
            if let a = filter.amount {
                sql += " AND t.amount = ?"
                args.append(a)
            }
            if let text = filter.text {
                sql += " AND (t.text LIKE ? ESCAPE '\\' OR t.memo LIKE ? ESCAPE '\\')"
                let pattern =
                    "%"
                    + Normalise.nfc(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
                        of: "_", with: "\\_") + "%"
                args += [pattern, pattern]
            }
            if let m = filter.member {
                sql += " AND EXISTS (SELECT 1 FROM allocations a WHERE a.transaction_id = t.id AND a.group_id = ? AND a.member_id = ?)"
                args += [group.id, m]
            }
            sql += " ORDER BY t.occurred_at, t.id LIMIT ?"
            args.append(filter.limit)
            var lines: [LedgerLine] = []
            for r in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args.map { $0?.databaseValue ?? .null })) {
                let direction: String = r[2]
                lines.append(
                    LedgerLine(
                        id: r[0], time: try Self.time(r[1]), direction: direction, amount: r[3], text: r[4],
                        status: direction == "out" ? "" : (r[5] as String?) ?? "allocated", reason: r[6], paid: []))
            }
            let paid = try Row.fetchAll(
                db,
                sql: """
                    SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = ? AND transaction_id IN (\(lines.map { String($0.id) }.joined(separator: ",")))
                    ORDER BY id
                    """, arguments: [group.id])
            var byID: [Int64: [(member: String, period: Period?, amount: Won)]] = [:]
            for r in paid { byID[r[0], default: []].append((r[1], (r[2] as String?).flatMap(Period.init), r[3])) }
            for i in lines.indices { lines[i].paid = byID[lines[i].id] ?? [] }
            return lines
        }
    }
}
