import Foundation
import GRDB
import HoebiCore

extension Store: CredentialStore {
    public func credential(_ key: String) throws -> (value: String, expires: Date?)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT value, expires_at FROM credentials WHERE key = ?", arguments: [key]).map {
                (value: $0[0] as String, expires: ($0[1] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func setCredential(_ key: String, value: String, expires: Date?) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO credentials(key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
                arguments: [key, value, expires?.timeIntervalSince1970])
        }
    }
}

extension Store {
    /// Opens a sync run in the audit trail.
    public func beginRun(group: Group, kind: RunKind, source: String) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO runs(group_id, kind, source, format, started_at, status, pid) VALUES (?, ?, ?, ?, ?, 'running', ?)",
                arguments: [group.id, kind.rawValue, source, source, Self.now(), Int(getpid())])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, new: Int, known: Int, status: RunStatus, message: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE runs SET finished_at = ?, new_rows = ?, known_rows = ?, status = ?, message = ? WHERE id = ?",
                arguments: [Self.now(), new, known, status.stored, message, id])
        }
    }

    /// Stores one page in its own SQL transaction, so a failure later keeps every completed page.
    /// `counter` spans the run, so genuinely identical rows split across pages (Koscom rows carry
    /// only a date and an amount) keep distinct identities. A page whose content equals an earlier
    /// page of this run is the bank repeating itself under a new cursor: reported, not stored
    /// (`seenPages` holds the earlier pages' content).
    public func insertPage(
        runID: Int64, transactions: [Transaction], counter: inout IdentityCounter,
        seenPages: inout Set<String>
    ) throws -> PageResult {
        var own = IdentityCounter()
        let content = transactions.map { own.identity(of: $0) }.sorted().joined(separator: "\n")
        if !transactions.isEmpty, !seenPages.insert(content).inserted {
            return PageResult(new: 0, known: 0, repeated: true)
        }
        var local = counter
        let new = try write { db in
            let inserter = try RowInserter(db, runID: runID)
            var n = 0
            for t in transactions { n += try inserter.insert(t, counter: &local) }
            if n > 0, let account = transactions.first?.account { try Self.invalidate(db, account: account) }
            return n
        }
        counter = local
        return PageResult(new: new, known: transactions.count - new, repeated: false)
    }

    public func coveredUntil(account: String, source: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT covered_until FROM sync_state WHERE account = ? AND source = ?", arguments: [account, source]) }
    }

    public func setCoveredUntil(account: String, source: String, _ day: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO sync_state(account, source, covered_until, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(account, source) DO UPDATE SET covered_until = MAX(covered_until, excluded.covered_until), updated_at = excluded.updated_at
                    """, arguments: [account, source, day, Self.now()])
        }
    }

    /// The database file's path (the sync lock sits beside it).
    public var path: String { db.path }
}
