import Foundation
import GRDB
import HoebiCore

extension Store {
    /// Stores the transactions `produce` hands over, all in one SQL transaction. If `produce` throws
    /// (a bad row halfway through a file), nothing of this import is kept. `produce` returns how
    /// many source rows it skipped as not being transactions (titles, totals, blank lines).
    public func importTransactions(
        group: Group, source: String, format: String, note: () -> String = { "" },
        produce: (_ insert: (Transaction) throws -> Void) throws -> Int
    ) throws -> ImportCounts {
        try write { db in
            try db.execute(
                sql: "INSERT INTO runs(group_id, kind, source, format, started_at) VALUES (?, 'import', ?, ?, ?)",
                arguments: [group.id, source, format, Self.now()])
            let runID = db.lastInsertedRowID
            var counter = IdentityCounter()
            var new = 0, seen = 0
            let inserter = try RowInserter(db, runID: runID)
            // The statement is read on a thread of its own while the rows already read are stored.
            let ignored = try Pipelined.run(produce: produce, prepare: { try RowInserter.prepare($0, counter: &counter) }) { p in
                new += try inserter.insert(p)
                seen += 1
            }
            try db.execute(
                sql: "UPDATE runs SET finished_at = ?, new_rows = ?, known_rows = ?, ignored_rows = ?, message = ? WHERE id = ?",
                arguments: [Self.now(), new, seen - new, ignored, note(), runID])
            // The rows and the owed re-match commit together: a kill before the re-match is repaired
            // by the next command instead of leaving deposits nobody placed.
            if new > 0 { try Self.invalidate(db, account: group.account.key) }
            return ImportCounts(runID: runID, new: new, known: seen - new, ignored: ignored)
        }
    }

    /// Records a failed import in the audit trail (its rows were rolled back).
    public func recordFailedRun(group: Group, kind: RunKind, source: String, format: String, message: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO runs(group_id, kind, source, format, started_at, finished_at, status, message) VALUES (?, ?, ?, ?, ?, ?, 'failed', ?)",
                arguments: [group.id, kind.rawValue, source, format, Self.now(), Self.now(), message])
        }
    }

    /// Every row of an account in time order, for the balance-chain check.
    public func continuityRows(account: String) throws -> [Continuity.Row] {
        try read { db in
            var rows: [Continuity.Row] = []
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT id, occurred_at, direction, amount, balance, text FROM transactions WHERE account = ? ORDER BY occurred_at, id",
                arguments: [account])
            while let r = try cursor.next() {
                let amount: Won = r[3]
                let dir: String = r[2]
                rows.append(
                    Continuity.Row(
                        id: r[0], time: try Self.time(r[1]), signedAmount: dir == "in" ? amount : -amount,
                        balance: r[4], text: r[5]))
            }
            return rows
        }
    }

    public func chainDelta(of group: Group, whole: Bool) throws -> ChainDelta {
        try read { db in
            let state = try Row.fetchOne(
                db, sql: "SELECT generation, history, chain, chain_upto, chain_at FROM match_state WHERE group_id = ?", arguments: [group.id])
            let generation: Int64 = state?[0] ?? 0
            var carry: Continuity.Carry?
            var upto: Int64 = 0
            if !whole, let state, let text = state[2] as String?, let at = state[4] as Int64?, at >= (state[1] as Int64),
                let base = state[3] as Int64?, let kept = try? JSONDecoder().decode(Continuity.Carry.self, from: Data(text.utf8))
            {
                (carry, upto) = (kept, base)
            }
            // By id above the carry's (the few new rows), sorted here; every row by the account's index.
            let sql =
                carry == nil
                ? "SELECT id, occurred_at, direction, amount, balance, text FROM transactions WHERE account = ? AND id > ? ORDER BY occurred_at, id"
                : "SELECT id, occurred_at, direction, amount, balance, text FROM transactions WHERE +account = ? AND id > ?"
            var rows: [Continuity.Row] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: [group.account.key, upto])
            while let r = try cursor.next() {
                let amount: Won = r[3]
                rows.append(
                    Continuity.Row(
                        id: r[0], time: try Self.time(r[1]), signedAmount: (r[2] as String) == "in" ? amount : -amount, balance: r[4], text: r[5]))
            }
            if carry != nil { rows.sort { ($0.time, $0.id) < ($1.time, $1.id) } }
            return ChainDelta(carry: carry, rows: rows, upto: max(upto, rows.map(\.id).max() ?? 0), generation: generation)
        }
    }

    @discardableResult
    public func saveChain(group: Group, carry: Continuity.Carry, upto: Int64, generation: Int64) throws -> Bool {
        let text = String(decoding: try JSONEncoder().encode(carry), as: UTF8.self)
        return try write { db in
            try db.execute(
                sql: "UPDATE match_state SET chain = ?, chain_upto = ?, chain_at = ? WHERE group_id = ? AND history <= ?",
                arguments: [text, upto, generation, group.id, generation])
            return db.changesCount > 0
        }
    }

    static func time(_ iso: String) throws -> SeoulTime {
        guard let t = SeoulTime(iso8601: iso) else { throw StoreError.unknownTransaction("bad time \(iso)") }
        return t
    }
}

/// The one place a transaction row is written: identity, then INSERT OR IGNORE on it.
struct RowInserter {
    /// The readers refuse such amounts with their file and row; this is the last line of defence
    /// (both engines).
    static func checkPlausible(_ t: Transaction) throws {
        guard Money.isPlausible(t.amount), t.balance.map(Money.isPlausible) ?? true else {
            throw StoreError.tooLarge(
                "\(t.origin): \(t.amount.grouped) won (balance \(t.balance?.grouped ?? "-")) is beyond any real account (limit \(Money.limit.grouped) won); nothing was stored"
            )
        }
    }

    let row: RowBinder
    let sighting: RowBinder
    let db: Database
    let runID: Int64

    init(_ db: Database, runID: Int64) throws {
        self.db = db
        self.runID = runID
        row = RowBinder(
            statement: try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO transactions(account, identity, bank_id, occurred_at, direction, amount, balance,
                                                       kind, text, memo, source, raw, origin, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """))
        sighting = RowBinder(
            statement: try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO run_sightings(run_id, transaction_id) SELECT ?, id FROM transactions WHERE identity = ? AND run_id IS NOT ?
                    """))
    }

    /// A row with what is worked out before it is written: checked, its time as stored, its
    /// identity. Needs no database, so an import does it on its reading thread.
    struct Prepared {
        let t: Transaction
        let time: String
        let identity: String
    }

    static func prepare(_ t: Transaction, counter: inout IdentityCounter) throws -> Prepared {
        try checkPlausible(t)
        let time = t.time.iso8601
        return Prepared(t: t, time: time, identity: counter.identity(of: t, time: time))
    }

    /// 1 when the row was new, 0 when the ledger had it.
    func insert(_ t: Transaction, counter: inout IdentityCounter) throws -> Int {
        try insert(try Self.prepare(t, counter: &counter))
    }

    func insert(_ p: Prepared) throws -> Int {
        let (t, time, identity) = (p.t, p.time, p.identity)
        row.reset()
        row.bind(1, t.account)
        row.bind(2, identity)
        row.bind(3, t.bankID)
        row.bind(4, time)
        row.bind(5, t.direction.rawValue)
        row.bind(6, t.amount)
        row.bind(7, t.balance)
        row.bind(8, t.kind)
        row.bind(9, t.text)
        row.bind(10, t.memo)
        row.bind(11, t.source)
        row.bind(12, t.raw)
        row.bind(13, t.origin)
        row.bind(14, runID)
        let added = try row.step(db)
        if added == 0 {
            // Known already: remember that this run brought it too (reverting another run keeps it).
            sighting.reset()
            sighting.bind(1, runID)
            sighting.bind(2, identity)
            sighting.bind(3, runID)
            _ = try sighting.step(db)
        }
        return added
    }
}
