import Crypto
import Foundation
import GRDB
import HoebiCore

extension Store: BookStore {
    public func bookRows(of group: Group, from: SeoulTime, to: SeoulTime) throws -> [EventMoney] {
        try read { db in
            let range: StatementArguments = [group.account.key, from.iso8601, to.iso8601, group.id]
            // The decision in force on each row (the newest), and the category in force.
            var decided: [Int64: (member: String?, reason: String)] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.transaction_id, d.member_id, d.reason FROM decisions d JOIN transactions t ON t.id = d.transaction_id
                    WHERE d.group_id = ?4 AND t.account = ?1 AND t.occurred_at >= ?2 AND t.occurred_at < ?3 AND d.action = 'ignore'
                      AND d.id = (SELECT MAX(id) FROM decisions WHERE transaction_id = d.transaction_id AND group_id = ?4)
                    """, arguments: range)
            {
                decided[r[0]] = (r[1], r[2])
            }
            let labels = try Self.categoriesInForce(db, group: group)
            var out: [EventMoney] = []
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.occurred_at, COALESCE(o.amount, t.amount), t.text, t.memo, t.kind, t.direction, o.status, COALESCE(o.label, '')
                    FROM transactions t LEFT JOIN outcomes o ON o.transaction_id = t.id AND o.group_id = ?4
                    WHERE t.account = ?1 AND t.occurred_at >= ?2 AND t.occurred_at < ?3
                      AND (t.direction = 'out' OR o.status IN ('other', 'review'))
                    ORDER BY t.occurred_at, t.id LIMIT 20000
                    """, arguments: range)
            {
                let id: Int64 = r[0]
                let line = Report.DepositLine(id: id, time: try Self.time(r[1]), amount: r[2], text: r[3], memo: r[4], kind: r[5])
                let d = decided[id]
                let label = [labels[id]?.category, d?.reason, r[8] as String].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                out.append(
                    EventMoney(line: line, incoming: (r[6] as String) == "in", inReview: (r[7] as String?) == "review", member: d?.member, label: label))
            }
            return out
        }
    }

    /// The newest category row per transaction (a '' row takes the line off).
    static func categoriesInForce(_ db: Database, group: Group) throws -> [Int64: CategoryDecision] {
        var out: [Int64: CategoryDecision] = [:]
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT c.transaction_id, t.text, c.category FROM categories c JOIN transactions t ON t.id = c.transaction_id
                WHERE c.group_id = ? ORDER BY c.id
                """, arguments: [group.id])
        {
            let c: String = r[2]
            out[r[0]] = c.isEmpty ? nil : CategoryDecision(transaction: r[0], text: r[1], category: c)
        }
        return out
    }

    public func categoryDecisions(of group: Group) throws -> [CategoryDecision] {
        try read { db in try Self.categoriesInForce(db, group: group).values.sorted { $0.transaction < $1.transaction } }
    }

    public func categorise(group: Group, _ ids: [Int64], as category: String, by: String) throws -> Int {
        try write { db in
            var batch: Int64?
            for id in ids {
                guard let account = try String.fetchOne(db, sql: "SELECT account FROM transactions WHERE id = ?", arguments: [id]),
                    account == group.account.key
                else { throw StoreError.unknownTransaction("t\(id)") }
                try db.execute(
                    sql: "INSERT INTO categories(group_id, transaction_id, category, batch, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [group.id, id, category, batch, by, Self.now()])
                if batch == nil {
                    batch = db.lastInsertedRowID
                    try db.execute(sql: "UPDATE categories SET batch = id WHERE id = ?", arguments: [batch])
                }
            }
            return ids.count
        }
    }

    static func lastCategoryChange(_ db: Database, group: Group) throws -> CategoryChange? {
        guard let batch = try Int64.fetchOne(db, sql: "SELECT MAX(batch) FROM categories WHERE group_id = ?", arguments: [group.id]) else { return nil }
        let rows = try Row.fetchAll(
            db, sql: "SELECT transaction_id, category, decided_by, decided_at FROM categories WHERE batch = ? ORDER BY id", arguments: [batch])
        guard let first = rows.first else { return nil }
        return CategoryChange(rows: rows.map { $0[0] }, category: first[1], by: first[2], at: first[3])
    }

    public func lastCategoryChange(group: Group) throws -> CategoryChange? {
        try read { db in try Self.lastCategoryChange(db, group: group) }
    }

    public func undoCategories(group: Group) throws -> CategoryChange? {
        try write { db in
            guard let change = try Self.lastCategoryChange(db, group: group) else { return nil }
            try db.execute(
                sql: "DELETE FROM categories WHERE group_id = ? AND batch = (SELECT MAX(batch) FROM categories WHERE group_id = ?)",
                arguments: [group.id, group.id])
            return change
        }
    }

    public func duesOutside(of group: Group, from: SeoulTime, to: SeoulTime, first: Period, last: Period) throws -> (earlier: Won, later: Won) {
        try read { db in
            var earlier: Won = 0, later: Won = 0
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.period, SUM(a.amount) FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                    WHERE a.group_id = ? AND t.account = ? AND t.occurred_at >= ? AND t.occurred_at < ? AND a.period IS NOT NULL GROUP BY a.period
                    """, arguments: [group.id, group.account.key, from.iso8601, to.iso8601])
            {
                guard let p = (r[0] as String?).flatMap(Period.init) else { continue }
                if p.endMonth < first.startMonth { earlier = Money.saturatingAdd(earlier, r[1]) }
                if p.startMonth > last.endMonth { later = Money.saturatingAdd(later, r[1]) }
            }
            return (earlier, later)
        }
    }

    public func earliestTime(account: String) throws -> SeoulTime? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT MIN(occurred_at) FROM transactions WHERE account = ?", arguments: [account]).flatMap { SeoulTime(iso8601: $0) }
        }
    }

    public func addReceipt(group: Group, transaction: Int64, file: ReceiptFile, by: String) throws -> ReceiptInfo {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT account, direction FROM transactions WHERE id = ?", arguments: [transaction]),
                (row[0] as String) == group.account.key
            else { throw StoreError.unknownTransaction("t\(transaction)") }
            guard (row[1] as String) == "out" else { throw StoreError.refused(Messages.t("receipt.notWithdrawal", transaction)) }
            let sha = SHA256.hash(data: Data(file.bytes)).map { String(format: "%02x", $0) }.joined()
            if let known = try Self.receiptInfos(db, group: group, where: "r.transaction_id = ? AND r.sha256 = ?", [transaction, sha]).first { return known }
            try db.execute(
                sql: "INSERT INTO receipts(group_id, transaction_id, name, media_type, bytes, sha256, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [group.id, transaction, file.name, file.mediaType, Data(file.bytes), sha, by, Self.now()])
            let id = db.lastInsertedRowID
            return ReceiptInfo(
                id: id, transaction: transaction, name: file.name, mediaType: file.mediaType, size: file.bytes.count, sha256: sha, addedBy: by,
                addedAt: Self.now())
        }
    }

    static func receiptInfos(_ db: Database, group: Group, where condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [ReceiptInfo] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.transaction_id, r.name, r.media_type, length(r.bytes), r.sha256, r.added_by, r.added_at FROM receipts r
                WHERE r.group_id = ? AND \(condition) ORDER BY r.transaction_id, r.id
                """, arguments: StatementArguments([group.id] + arguments)
        ).map { ReceiptInfo(id: $0[0], transaction: $0[1], name: $0[2], mediaType: $0[3], size: $0[4], sha256: $0[5], addedBy: $0[6], addedAt: $0[7]) }
    }

    public func receipts(of group: Group) throws -> [ReceiptInfo] {
        try read { db in try Self.receiptInfos(db, group: group, where: "1 = 1", []) }
    }

    public func receiptFile(group: Group, id: Int64) throws -> (info: ReceiptInfo, bytes: [UInt8])? {
        try read { db in
            guard let info = try Self.receiptInfos(db, group: group, where: "r.id = ?", [id]).first,
                let data = try Data.fetchOne(db, sql: "SELECT bytes FROM receipts WHERE id = ?", arguments: [id])
            else { return nil }
            return (info, [UInt8](data))
        }
    }

    public func removeReceipt(group: Group, id: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM receipts WHERE group_id = ? AND id = ?", arguments: [group.id, id])
            return db.changesCount > 0
        }
    }
}
