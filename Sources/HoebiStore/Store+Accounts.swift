import GRDB
import HoebiCore

extension Store: LedgerStore {
    public func addTreasurer(name: String, passwordHash: String, role: Treasurer.Role) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO treasurers(name, password_hash, created_at, role) VALUES (?, ?, ?, ?)",
                arguments: [name, passwordHash, Self.now(), role.rawValue])
        }
    }

    public func setPassword(name: String, passwordHash: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE treasurers SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
            guard db.changesCount > 0 else { return false }
            // A new password signs every browser out.
            try db.execute(sql: "DELETE FROM sessions WHERE treasurer_id = (SELECT id FROM treasurers WHERE name = ?)", arguments: [name])
            return true
        }
    }

    public func setRole(name: String, role: Treasurer.Role) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE treasurers SET role = ? WHERE name = ?", arguments: [role.rawValue, name])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "DELETE FROM sessions WHERE treasurer_id = (SELECT id FROM treasurers WHERE name = ?)", arguments: [name])
            return true
        }
    }

    public func removeTreasurer(name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM treasurers WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func treasurers() throws -> [Treasurer] {
        try read { db in try Row.fetchAll(db, sql: "SELECT \(Self.who) FROM treasurers t ORDER BY t.name").map(Self.treasurer) }
    }

    public func passwordHash(of name: String) throws -> (Treasurer, String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.who), t.password_hash FROM treasurers t WHERE t.name = ?", arguments: [name])
                .map { (Self.treasurer($0), $0[5]) }
        }
    }

    public func createSession(treasurer: Int64, tokenHash: String, csrf: String, expires: SeoulTime) throws {
        try write { db in
            let now = Self.now()
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [now])
            try db.execute(
                sql: "INSERT INTO sessions(token_hash, treasurer_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, treasurer, csrf, now, expires.iso8601])
        }
    }

    public func session(tokenHash: String, now: SeoulTime) throws -> SignedIn? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.who), s.csrf FROM sessions s JOIN treasurers t ON t.id = s.treasurer_id
                    WHERE s.token_hash = ? AND s.expires_at > ?
                    """, arguments: [tokenHash, now.iso8601]
            ).map { SignedIn(treasurer: Self.treasurer($0), csrf: $0[5]) }
        }
    }

    public func endSession(tokenHash: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func createToken(treasurer name: String, label: String, tokenHash: String) throws -> Int64? {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM treasurers WHERE name = ?", arguments: [name]) else { return nil }
            try db.execute(
                sql: "INSERT INTO api_tokens(treasurer_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [id, label, tokenHash, Self.now()])
            return db.lastInsertedRowID
        }
    }

    public func revokeToken(id: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [Self.now(), id])
            return db.changesCount > 0
        }
    }

    public func tokens() throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, t.name, a.label, a.created_at, a.revoked_at FROM api_tokens a JOIN treasurers t ON t.id = a.treasurer_id ORDER BY a.id
                    """
            ).map { APIToken(id: $0[0], treasurer: $0[1], label: $0[2], createdAt: $0[3], revoked: ($0[4] as String?) != nil) }
        }
    }

    public func tokenOwner(tokenHash: String) throws -> Treasurer? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.who) FROM api_tokens a JOIN treasurers t ON t.id = a.treasurer_id WHERE a.token_hash = ? AND a.revoked_at IS NULL
                    """, arguments: [tokenHash]
            ).map(Self.treasurer)
        }
    }

    /// A treasurer's columns (`t` is the treasurers table), their groups comma-separated.
    static let who = "t.id, t.name, t.role, t.scope, (SELECT group_concat(group_id) FROM group_access WHERE treasurer_id = t.id)"

    /// `who`'s columns: an unknown role reads as the one that may only look.
    static func treasurer(_ r: Row) -> Treasurer {
        Treasurer(
            id: r[0], name: r[1], role: Treasurer.Role(rawValue: r[2] as String? ?? "") ?? .viewer, scope: GroupScope(stored: r[3], groups: r[4]))
    }

    public func setScope(name: String, scope: GroupScope) throws -> Bool {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM treasurers WHERE name = ?", arguments: [name]) else { return false }
            try db.execute(sql: "DELETE FROM group_access WHERE treasurer_id = ?", arguments: [id])
            switch scope {
            case .all:
                try db.execute(sql: "UPDATE treasurers SET scope = 'all' WHERE id = ?", arguments: [id])
            case .listed(let groups):
                try db.execute(sql: "UPDATE treasurers SET scope = 'listed' WHERE id = ?", arguments: [id])
                for g in groups.sorted() {
                    try db.execute(sql: "INSERT INTO group_access(treasurer_id, group_id) VALUES (?, ?)", arguments: [id, g])
                }
            }
            return true
        }
    }

    public func shareToken(group: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT token FROM share_links WHERE group_id = ?", arguments: [group]) }
    }

    public func setShareToken(group: String, token: String) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO share_links(group_id, token, created_at) VALUES (?, ?, ?) ON CONFLICT(group_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
                arguments: [group, token, Self.now()])
        }
    }

    public func signInFailures(_ keys: [String], since: Int64) throws -> Int {
        try read { db in
            try keys.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sign_in_failures WHERE key = ? AND at >= ?", arguments: [$0, since]) ?? 0 }.max()
                ?? 0
        }
    }

    public func recordSignInFailure(_ keys: [String], at: Int64, forget: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM sign_in_failures WHERE at < ?", arguments: [forget])
            for k in keys { try db.execute(sql: "INSERT INTO sign_in_failures(key, at) VALUES (?, ?)", arguments: [k, at]) }
        }
    }

    public func clearSignInFailures(_ keys: [String]) throws {
        try write { db in for k in keys { try db.execute(sql: "DELETE FROM sign_in_failures WHERE key = ?", arguments: [k]) } }
    }

    public func group(forShareToken token: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT group_id FROM share_links WHERE token = ?", arguments: [token]) }
    }
}

extension Store {
    /// Deposits waiting for the treasurer (a count, for `/metrics`).
    public func reviewCount(of group: Group) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outcomes WHERE group_id = ? AND status = 'review'", arguments: [group.id]) ?? 0 }
    }

    /// A consistent copy of the ledger while it is in use (SQLite's online backup): `hoebi backup`.
    public func backup(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try db.backup(to: target)
    }
}

extension Store {
    /// When this group's last sync that succeeded began (the service catches up a missed run).
    public func lastSuccessfulSync(of group: Group) throws -> SeoulTime? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT started_at FROM runs WHERE group_id = ? AND kind = 'sync' AND status = 'ok' ORDER BY id DESC LIMIT 1",
                arguments: [group.id]
            ).flatMap { SeoulTime(parsing: $0) }
        }
    }
}

extension Store {
    /// The last migration this database has applied (what `/healthz` reports).
    public var schemaVersion: String {
        ((try? read { try String.fetchOne($0, sql: "SELECT MAX(identifier) FROM grdb_migrations") }) ?? nil) ?? Migration.latest
    }
}

extension Store {
    /// The lock is a file beside the database (`SyncLock`), so it works across processes.
    public func lockForSync() throws -> any SyncLockHold { try SyncLock(database: path) }
}
