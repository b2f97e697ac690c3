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

extension Store: SyncLeaseStore {
    /// SQLite has one writer, so the claim's read and write cannot interleave with another's. Its
    /// callers hold the file's sync lock (`lockForSync`), which the kernel frees when a holder
    /// dies: a lease left by a killed process is stale at once, not after its time runs out.
    public func claimSync(account: String, holder: String, slot: String?, seconds: Int64) throws -> SyncClaim {
        let now = Int64(Date().timeIntervalSince1970)
        return try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_leases(account) VALUES (?)", arguments: [account])
            guard let r = try Row.fetchOne(db, sql: "SELECT holder, fence, lease_until, last_slot FROM sync_leases WHERE account = ?", arguments: [account])
            else { return .done }
            let fence: Int64 = r[1]
            if let slot, (r[3] as String?) == slot { return .done }
            try db.execute(
                sql: "UPDATE sync_leases SET holder = ?, fence = ?, lease_until = ? WHERE account = ?",
                arguments: [holder, fence + 1, now + seconds, account])
            // A run still 'running' on this account belongs to a holder whose lease ran out.
            try Self.interruptRuns(db, account: account)
            return .claimed(SyncLease(account: account, holder: holder, fence: fence + 1))
        }
    }

    public func renewSync(_ lease: SyncLease, seconds: Int64) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE sync_leases SET lease_until = ? WHERE account = ? AND holder = ? AND fence = ?",
                arguments: [Int64(Date().timeIntervalSince1970) + seconds, lease.account, lease.holder, lease.fence])
            return db.changesCount > 0
        }
    }

    public func releaseSync(_ lease: SyncLease, finished slot: String?) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE sync_leases SET holder = NULL, lease_until = NULL, last_slot = COALESCE(?, last_slot)
                    WHERE account = ? AND holder = ? AND fence = ?
                    """, arguments: [slot, lease.account, lease.holder, lease.fence])
        }
    }

    static func interruptRuns(_ db: Database, account: String) throws {
        try db.execute(
            sql: """
                UPDATE runs SET status = 'interrupted', finished_at = ?, message = message || ' (the process ended before the run finished)'
                WHERE status = 'running' AND kind = 'sync' AND group_id IN (SELECT id FROM groups WHERE account = ?)
                """, arguments: [Self.now(), account])
    }
}
