import GRDB
import GRDBSQLite  // GRDB's own view of the system libsqlite3, for the bulk-insert fast path.

/// Binds values straight onto a GRDB prepared statement with `sqlite3_bind_*`. GRDB's boxed
/// `StatementArguments` cost more than the insert itself on a million-row import; this is the
/// escape hatch GRDB offers (`Statement.sqliteStatement`), used only inside `Store` transactions.
struct RowBinder {
    let statement: Statement
    private var sql: OpaquePointer { statement.sqliteStatement }

    /// SQLITE_TRANSIENT: SQLite copies the bytes, so Swift's temporary buffers may go away.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() {
        sqlite3_reset(sql)
        sqlite3_clear_bindings(sql)
    }

    func bind(_ i: Int32, _ s: String) {
        var s = s
        s.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else {
                _ = sqlite3_bind_text(sql, i, "", 0, nil)
                return
            }
            _ = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buf.count) {
                sqlite3_bind_text(sql, i, $0, Int32(buf.count), Self.transient)
            }
        }
    }

    func bind(_ i: Int32, _ s: String?) {
        if let s { bind(i, s) } else { sqlite3_bind_null(sql, i) }
    }

    func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(sql, i, v) }

    func bind(_ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(sql, i, v) } else { sqlite3_bind_null(sql, i) }
    }

    /// Runs the bound statement; returns the number of rows it changed.
    func step(_ db: Database) throws -> Int {
        let rc = sqlite3_step(sql)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
