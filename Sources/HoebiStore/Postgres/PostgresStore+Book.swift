import Crypto
import Foundation
import HoebiCore
import PostgresNIO

extension PostgresStore: BookStore {
    public func bookRows(of group: Group, from: SeoulTime, to: SeoulTime) async throws -> [EventMoney] {
        let (a, b, account) = (from.epochSeconds, to.epochSeconds, group.account.key)
        return try await read { s in
            var decided: [Int64: (member: String?, reason: String)] = [:]
            for r in try await s.rows(
                """
                SELECT d.transaction_id, d.member_id, d.reason FROM decisions d JOIN transactions t ON t.id = d.transaction_id
                WHERE d.group_id = \(group.id) AND t.account = \(account) AND t.occurred_at >= to_timestamp(\(a)) AND t.occurred_at < to_timestamp(\(b))
                  AND d.action = 'ignore'
                  AND d.id = (SELECT MAX(id) FROM decisions WHERE transaction_id = d.transaction_id AND group_id = \(group.id))
                """)
            {
                let (id, member, reason) = try r.decode((Int64, String?, String).self)
                decided[id] = (member, reason)
            }
            let labels = try await Self.categoriesInForce(s, group: group)
            var out: [EventMoney] = []
            for r in try await s.rows(
                """
                SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, COALESCE(o.amount, t.amount), t.text, t.memo, t.kind, t.direction, o.status,
                       COALESCE(o.label, '')
                FROM transactions t LEFT JOIN outcomes o ON o.transaction_id = t.id AND o.group_id = \(group.id)
                WHERE t.account = \(account) AND t.occurred_at >= to_timestamp(\(a)) AND t.occurred_at < to_timestamp(\(b))
                  AND (t.direction = 'out' OR o.status IN ('other', 'review'))
                ORDER BY t.occurred_at, t.id LIMIT 20000
                """)
            {
                let (id, time, amount, text, memo, kind, direction, status, oLabel) = try r.decode(
                    (Int64, Int64, Int64, String, String, String, String, String?, String).self)
                let line = Report.DepositLine(id: id, time: SeoulTime(stored: time), amount: amount, text: text, memo: memo, kind: kind)
                let d = decided[id]
                let label = [labels[id]?.category, d?.reason, oLabel].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                out.append(EventMoney(line: line, incoming: direction == "in", inReview: status == "review", member: d?.member, label: label))
            }
            return out
        }
    }

    static func categoriesInForce(_ s: Session, group: Group) async throws -> [Int64: CategoryDecision] {
        var out: [Int64: CategoryDecision] = [:]
        for r in try await s.rows(
            """
            SELECT c.transaction_id, t.text, c.category FROM categories c JOIN transactions t ON t.id = c.transaction_id
            WHERE c.group_id = \(group.id) ORDER BY c.id
            """)
        {
            let (id, text, category) = try r.decode((Int64, String, String).self)
            out[id] = category.isEmpty ? nil : CategoryDecision(transaction: id, text: text, category: category)
        }
        return out
    }

    public func categoryDecisions(of group: Group) async throws -> [CategoryDecision] {
        try await read { s in try await Self.categoriesInForce(s, group: group).values.sorted { $0.transaction < $1.transaction } }
    }

    public func categorise(group: Group, _ ids: [Int64], as category: String, by: String) async throws -> Int {
        try await write(lock: Self.key(group)) { s in
            var batch: Int64?
            for id in ids {
                guard let account = try await s.one("SELECT account FROM transactions WHERE id = \(id)", as: String.self), account == group.account.key
                else { throw StoreError.unknownTransaction("t\(id)") }
                let row = try await s.one(
                    """
                    INSERT INTO categories(group_id, transaction_id, category, batch, decided_by, decided_at)
                    VALUES (\(group.id), \(id), \(category), \(batch), \(by), now()) RETURNING id
                    """, as: Int64.self)
                if batch == nil, let row {
                    batch = row
                    try await s.run("UPDATE categories SET batch = id WHERE id = \(row)")
                }
            }
            return ids.count
        }
    }

    static func lastCategoryChange(_ s: Session, group: Group) async throws -> CategoryChange? {
        guard let batch = try await s.one("SELECT MAX(batch) FROM categories WHERE group_id = \(group.id)", as: Int64.self) else { return nil }
        let rows = try await s.rows(
            "SELECT transaction_id, category, decided_by, extract(epoch FROM decided_at)::bigint FROM categories WHERE batch = \(batch) ORDER BY id"
        ).map { try $0.decode((Int64, String, String, Int64).self) }
        guard let first = rows.first else { return nil }
        return CategoryChange(rows: rows.map(\.0), category: first.1, by: first.2, at: SeoulTime(stored: first.3).iso8601)
    }

    public func lastCategoryChange(group: Group) async throws -> CategoryChange? {
        try await read { s in try await Self.lastCategoryChange(s, group: group) }
    }

    public func undoCategories(group: Group) async throws -> CategoryChange? {
        try await write(lock: Self.key(group)) { s in
            guard let change = try await Self.lastCategoryChange(s, group: group) else { return nil }
            try await s.run(
                "DELETE FROM categories WHERE group_id = \(group.id) AND batch = (SELECT MAX(batch) FROM categories WHERE group_id = \(group.id))")
            return change
        }
    }

    public func duesOutside(of group: Group, from: SeoulTime, to: SeoulTime, first: Period, last: Period) async throws -> (earlier: Won, later: Won) {
        try await read { s in
            var earlier: Won = 0, later: Won = 0
            for r in try await s.rows(
                """
                SELECT a.period, SUM(a.amount)::bigint FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                WHERE a.group_id = \(group.id) AND t.account = \(group.account.key)
                  AND t.occurred_at >= to_timestamp(\(from.epochSeconds)) AND t.occurred_at < to_timestamp(\(to.epochSeconds))
                  AND a.period IS NOT NULL GROUP BY a.period
                """)
            {
                let (period, sum) = try r.decode((String, Int64).self)
                guard let p = Period(period) else { continue }
                if p.endMonth < first.startMonth { earlier = Money.saturatingAdd(earlier, sum) }
                if p.startMonth > last.endMonth { later = Money.saturatingAdd(later, sum) }
            }
            return (earlier, later)
        }
    }

    public func addReceipt(group: Group, transaction: Int64, file: ReceiptFile, by: String) async throws -> ReceiptInfo {
        let sha = SHA256.hash(data: Data(file.bytes)).map { String(format: "%02x", $0) }.joined()
        return try await write(lock: Self.key(group)) { s in
            guard let row = try await s.rows("SELECT account, direction FROM transactions WHERE id = \(transaction)").first else {
                throw StoreError.unknownTransaction("t\(transaction)")
            }
            let (account, direction) = try row.decode((String, String).self)
            guard account == group.account.key else { throw StoreError.unknownTransaction("t\(transaction)") }
            guard direction == "out" else { throw StoreError.refused(Messages.t("receipt.notWithdrawal", transaction)) }
            if let known = try await Self.receiptInfos(s, group: group, transaction: transaction, sha256: sha).first { return known }
            let bytes = ByteBuffer(bytes: file.bytes)
            guard
                let id = try await s.one(
                    """
                    INSERT INTO receipts(group_id, transaction_id, name, media_type, bytes, sha256, added_by, added_at)
                    VALUES (\(group.id), \(transaction), \(file.name), \(file.mediaType), \(bytes), \(sha), \(by), now()) RETURNING id
                    """, as: Int64.self)
            else { throw StoreError.unknownTransaction("t\(transaction)") }
            return try await Self.receiptInfos(s, group: group, id: id).first
                ?? ReceiptInfo(
                    id: id, transaction: transaction, name: file.name, mediaType: file.mediaType, size: file.bytes.count, sha256: sha, addedBy: by,
                    addedAt: SeoulTime(epochSeconds: Self.now()).iso8601)
        }
    }

    /// The group's receipts, all or those matching one id or one withdrawal and content.
    static func receiptInfos(_ s: Session, group: Group, id: Int64? = nil, transaction: Int64? = nil, sha256: String? = nil) async throws
        -> [ReceiptInfo]
    {
        try await s.rows(
            """
            SELECT r.id, r.transaction_id, r.name, r.media_type, length(r.bytes)::bigint, r.sha256, r.added_by, extract(epoch FROM r.added_at)::bigint
            FROM receipts r WHERE r.group_id = \(group.id) AND (\(id)::bigint IS NULL OR r.id = \(id))
              AND (\(transaction)::bigint IS NULL OR r.transaction_id = \(transaction)) AND (\(sha256)::text IS NULL OR r.sha256 = \(sha256))
            ORDER BY r.transaction_id, r.id
            """
        ).map { r in
            let (id, txn, name, type, size, sha, by, at) = try r.decode((Int64, Int64, String, String, Int64, String, String, Int64).self)
            return ReceiptInfo(
                id: id, transaction: txn, name: name, mediaType: type, size: Int(size), sha256: sha, addedBy: by, addedAt: SeoulTime(stored: at).iso8601)
        }
    }

    public func receipts(of group: Group) async throws -> [ReceiptInfo] {
        try await read { s in try await Self.receiptInfos(s, group: group) }
    }

    public func receiptFile(group: Group, id: Int64) async throws -> (info: ReceiptInfo, bytes: [UInt8])? {
        try await read { s in
            guard let info = try await Self.receiptInfos(s, group: group, id: id).first,
                let data = try await s.one("SELECT bytes FROM receipts WHERE id = \(id)", as: ByteBuffer.self)
            else { return nil }
            return (info, Array(data.readableBytesView))
        }
    }

    public func removeReceipt(group: Group, id: Int64) async throws -> Bool {
        try await write(lock: Self.key(group)) { s in try await s.count("DELETE FROM receipts WHERE group_id = \(group.id) AND id = \(id) RETURNING 1") > 0 }
    }
}

extension PostgresStore: HandoverStore {
    /// The handover bundle is a SQLite file; a hosted ledger is moved with `hoebi copy-db`.
    public func handoverCopy(to path: String) async throws {
        throw StoreError.refused(Messages.t("error.postgresHandover", location.shown))
    }

    /// Row counts and one SHA-256 over every table's rows (each row as PostgreSQL's JSON of it,
    /// in the order of all its columns), leaving out the service's own secrets as the SQLite
    /// store does: the same content gives the same digest, whenever it is taken.
    public func contentDigest() async throws -> ContentDigest {
        try await read { s in
            let tables = try await s.rows(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            ).map { try $0.decode(String.self) }.filter { !Store.secretTables.contains($0) && $0 != "schema_migrations" }
            var hash = SHA256()
            var counts: [String: Int] = [:]
            for t in tables {
                hash.update(data: Data("table \(t)\n".utf8))
                let columns =
                    try await s.one(
                        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = \(t)", as: Int64.self) ?? 1
                let order = (1...max(1, columns)).map(String.init).joined(separator: ", ")
                var n = 0
                // Our own table names (from the catalogue), quoted as identifiers.
                let rows = try await s.conn.query(
                    PostgresQuery(unsafeSQL: "SELECT row_to_json(x)::text FROM (SELECT * FROM \"\(t)\" ORDER BY \(order)) x"), logger: s.logger)
                for try await text in rows.decode(String.self) {
                    n += 1
                    hash.update(data: Data(text.utf8))
                    hash.update(data: Data("\n".utf8))
                }
                counts[t] = n
            }
            return ContentDigest(counts: counts, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
        }
    }
}
