import Foundation
import GRDB
import HoebiCore

/// The ledger in one SQLite file (WAL). Every import, page or re-match is one SQL transaction: an
/// interrupted run leaves the database as it was.
public final class Store: Sendable {
    let db: DatabasePool
    /// Read-only stores write nothing: commands that only read never take the write lock.
    public let readOnly: Bool
    /// Things the person should know that are not errors (a database readable by others).
    public let warnings: [String]

    public enum Access: Sendable { case readOnly, readWrite }

    /// How long a writer waits for another process's write to finish before giving up.
    public static var busySeconds: Double {
        ProcessInfo.processInfo.environment["HOEBI_BUSY_TIMEOUT"].flatMap(Double.init) ?? 30
    }

    /// Opens the database. Read-write creates it (owner-only permissions) and applies every
    /// migration (by default the ones compiled in); read-only refuses a database that is missing or not migrated
    /// (`StoreError.needsWriter`), so the caller can open a writer instead.
    public init(path: String, migrations: [Migration] = Migration.embedded, access: Access = .readWrite) throws {
        let migrator = try Self.migrator(migrations)
        var warnings: [String] = []
        var config = Configuration()
        config.busyMode = .timeout(Self.busySeconds)
        config.readonly = access == .readOnly
        config.prepareDatabase { db in
            // A 64 MB page cache keeps the identity index's pages in memory during a large import.
            // Readers scan (a re-match's load, a report) and gain nothing from more than a few MB:
            // their 64 MB was a sixth of a full re-match's peak on a million deposits.
            let cache = db.configuration.readonly ? -8192 : -65536
            try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA cache_size = \(cache)")
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .readOnly && !exists { throw StoreError.needsWriter }
        // Writers open one at a time, from creating the file through switching it to WAL and
        // migrating: two commands starting together on a new ledger otherwise meet SQLite locks
        // that no busy timeout covers. Held for milliseconds unless a migration runs.
        let lock = access == .readWrite ? open(path + ".migrate.lock", O_RDWR | O_CREAT, 0o600) : -1
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                flock(lock, LOCK_UN)
                close(lock)
            }
        }
        if !exists {
            // SQLite gives the -wal and -shm files the database file's permissions.
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 { close(fd) }
        } else if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            warnings.append(Messages.t("warning.mode", path, String(mode, radix: 8)))
        }
        do { db = try DatabasePool(path: path, configuration: config) } catch { throw StoreError.wrap(error, path: path) }
        readOnly = access == .readOnly
        self.warnings = warnings
        do {
            try db.read { db in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path) }
                if access == .readOnly, try !migrator.hasCompletedMigrations(db) { throw StoreError.needsWriter }
            }
            if access == .readWrite, try db.read({ try !migrator.hasCompletedMigrations($0) }) {
                // Under the lock taken above: the second of two commands finds nothing left to do
                // (GRDB reads what is applied before it takes the write lock).
                do { try migrator.migrate(db) } catch {
                    throw StoreError.migrationFailed(path, "\(StoreError.wrap(error, path: path))")
                }
            }
        } catch let e as StoreError { throw e } catch { throw StoreError.wrap(error, path: path) }
    }

    static func migrator(_ steps: [Migration]) throws -> DatabaseMigrator {
        guard !steps.isEmpty else { throw StoreError.noMigrations("(none given)") }
        var m = DatabaseMigrator()
        for step in steps {
            let sql = step.sql
            // GRDB runs each migration in its own transaction: a failing statement undoes the file.
            m.registerMigration(step.name) { db in try db.execute(sql: sql) }
        }
        return m
    }

    /// Mirrors a group's configuration (members, given aliases) into the database, only when it
    /// changed since the last time (`fingerprint`); a change makes a re-match owed. Returns whether
    /// anything was written.
    @discardableResult
    public func register(_ group: Group, fingerprint: String) throws -> Bool {
        let known = try db.read { db in
            try String.fetchOne(db, sql: "SELECT fingerprint FROM match_state WHERE group_id = ?", arguments: [group.id])
        }
        if known == fingerprint { return false }
        try write { db in
            try db.execute(
                sql: "INSERT INTO groups(id, name, account) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, account = excluded.account",
                arguments: [group.id, group.name, group.account.key])
            try db.execute(sql: "DELETE FROM members WHERE group_id = ?", arguments: [group.id])
            for m in group.members {
                try db.execute(sql: "INSERT INTO members(group_id, id, name) VALUES (?, ?, ?)", arguments: [group.id, m.id, m.name])
            }
            try db.execute(sql: "DELETE FROM aliases WHERE group_id = ? AND source = 'config'", arguments: [group.id])
            for m in group.members {
                for a in m.aliases {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO aliases(group_id, alias, member_id, source, created_at) VALUES (?, ?, ?, 'config', ?)",
                        arguments: [group.id, Normalise.key(a), m.id, Self.now()])
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO match_state(group_id, fingerprint, generation, matched) VALUES (?, ?, 1, 0)
                    ON CONFLICT(group_id) DO UPDATE SET fingerprint = excluded.fingerprint, generation = generation + 1, history = generation + 1
                    """, arguments: [group.id, fingerprint])
        }
        return true
    }

    /// Whether the group is registered with this configuration and its allocations are current:
    /// then a reader can read without writing anything.
    public func isCurrent(_ group: Group, fingerprint: String) throws -> Bool {
        try read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT fingerprint, generation, matched FROM match_state WHERE group_id = ?", arguments: [group.id]) else {
                return false
            }
            return (r[0] as String) == fingerprint && (r[2] as Int64) >= (r[1] as Int64)
        }
    }

    public func matchStates() throws -> [String: MatchStateSummary] {
        try read { db in
            var out: [String: MatchStateSummary] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT group_id, fingerprint, matched < generation FROM match_state") {
                out[r[0]] = MatchStateSummary(fingerprint: r[1], owesMatch: r[2])
            }
            return out
        }
    }

    /// Whether a re-match is owed (rows, decisions or configuration changed since the last one).
    public func owesMatch(_ group: Group) throws -> Bool {
        try read { db in try Self.owesMatch(db, group.id) }
    }

    static func owesMatch(_ db: Database, _ group: String) throws -> Bool {
        guard let r = try Row.fetchOne(db, sql: "SELECT generation, matched FROM match_state WHERE group_id = ?", arguments: [group]) else { return true }
        return (r[1] as Int64) < (r[0] as Int64)
    }

    /// Marks every group keeping books on `account` as owing a re-match (inside the caller's
    /// transaction, so the rows and the mark commit together).
    static func invalidate(_ db: Database, account: String) throws {
        try db.execute(
            sql: "UPDATE match_state SET generation = generation + 1 WHERE group_id IN (SELECT id FROM groups WHERE account = ?)",
            arguments: [account])
    }

    static func invalidate(_ db: Database, group: String) throws {
        // Not new rows: the next match cannot start from the last one's carry.
        try db.execute(sql: "UPDATE match_state SET generation = generation + 1, history = generation + 1 WHERE group_id = ?", arguments: [group])
    }

    public func hasRunningRuns() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE status = 'running')") ?? false }
    }

    /// Runs left 'running' by a process that no longer exists are marked 'interrupted'. The caller
    /// makes sure no sync is running (it holds the sync lock).
    @discardableResult
    public func markInterruptedRuns() throws -> Int {
        try write { db in
            try db.execute(
                sql:
                    "UPDATE runs SET status = 'interrupted', finished_at = ?, message = message || ' (the process ended before the run finished)' WHERE status = 'running'",
                arguments: [Self.now()])
            return db.changesCount
        }
    }

    /// A write transaction with friendly errors (locked, read-only, full, corrupt).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if readOnly { throw StoreError.readOnlyStore }
        do { return try db.write(body) } catch { throw StoreError.wrap(error, path: db.path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try db.read(body) } catch { throw StoreError.wrap(error, path: db.path) }
    }

    static func now() -> String { SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970)).iso8601 }
}
