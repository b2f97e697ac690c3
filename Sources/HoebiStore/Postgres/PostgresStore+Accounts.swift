import HoebiCore
import PostgresNIO

extension PostgresStore: LedgerStore {
    public func addTreasurer(name: String, passwordHash: String, role: Treasurer.Role) async throws {
        try await write(lock: nil) { s in
            try await s.run("INSERT INTO treasurers(name, password_hash, created_at, role) VALUES (\(name), \(passwordHash), now(), \(role.rawValue))")
        }
    }

    public func setPassword(name: String, passwordHash: String) async throws -> Bool {
        try await write(lock: nil) { s in
            guard try await s.count("UPDATE treasurers SET password_hash = \(passwordHash) WHERE name = \(name) RETURNING 1") > 0 else { return false }
            // A new password signs every browser out.
            try await s.run("DELETE FROM sessions WHERE treasurer_id = (SELECT id FROM treasurers WHERE name = \(name))")
            return true
        }
    }

    public func setRole(name: String, role: Treasurer.Role) async throws -> Bool {
        try await write(lock: nil) { s in
            guard try await s.count("UPDATE treasurers SET role = \(role.rawValue) WHERE name = \(name) RETURNING 1") > 0 else { return false }
            try await s.run("DELETE FROM sessions WHERE treasurer_id = (SELECT id FROM treasurers WHERE name = \(name))")
            return true
        }
    }

    public func removeTreasurer(name: String) async throws -> Bool {
        try await write(lock: nil) { s in try await s.count("DELETE FROM treasurers WHERE name = \(name) RETURNING 1") > 0 }
    }

    public func treasurers() async throws -> [Treasurer] {
        try await read { s in try await s.rows("SELECT \(unescaped: Self.who) FROM treasurers t ORDER BY t.name").map(Self.treasurer) }
    }

    public func passwordHash(of name: String) async throws -> (Treasurer, String)? {
        try await read { s in
            guard let r = try await s.rows("SELECT \(unescaped: Self.who), t.password_hash FROM treasurers t WHERE t.name = \(name)").first else {
                return nil
            }
            return (try Self.treasurer(r), try r.decode((Int64, String, String?, String?, String?, String).self).5)
        }
    }

    public func createSession(treasurer: Int64, tokenHash: String, csrf: String, expires: SeoulTime) async throws {
        try await write(lock: nil) { s in
            try await s.run("DELETE FROM sessions WHERE expires_at < now()")
            try await s.run(
                """
                INSERT INTO sessions(token_hash, treasurer_id, csrf, created_at, expires_at)
                VALUES (\(tokenHash), \(treasurer), \(csrf), now(), to_timestamp(\(expires.epochSeconds)))
                """)
        }
    }

    public func session(tokenHash: String, now: SeoulTime) async throws -> SignedIn? {
        try await read { s in
            guard
                let r = try await s.rows(
                    """
                    SELECT \(unescaped: Self.who), s.csrf FROM sessions s JOIN treasurers t ON t.id = s.treasurer_id
                    WHERE s.token_hash = \(tokenHash) AND s.expires_at > to_timestamp(\(now.epochSeconds))
                    """
                ).first
            else { return nil }
            return SignedIn(treasurer: try Self.treasurer(r), csrf: try r.decode((Int64, String, String?, String?, String?, String).self).5)
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await write(lock: nil) { s in try await s.run("DELETE FROM sessions WHERE token_hash = \(tokenHash)") }
    }

    public func createToken(treasurer name: String, label: String, tokenHash: String) async throws -> Int64? {
        try await write(lock: nil) { s in
            guard let id = try await s.one("SELECT id FROM treasurers WHERE name = \(name)", as: Int64.self) else { return nil }
            return try await s.one(
                "INSERT INTO api_tokens(treasurer_id, label, token_hash, created_at) VALUES (\(id), \(label), \(tokenHash), now()) RETURNING id", as: Int64.self
            )
        }
    }

    public func revokeToken(id: Int64) async throws -> Bool {
        try await write(lock: nil) { s in
            try await s.count("UPDATE api_tokens SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL RETURNING 1") > 0
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await read { s in
            try await s.rows(
                """
                SELECT a.id, t.name, a.label, extract(epoch FROM a.created_at)::bigint, a.revoked_at IS NOT NULL
                FROM api_tokens a JOIN treasurers t ON t.id = a.treasurer_id ORDER BY a.id
                """
            ).map { r in
                let (id, name, label, created, revoked) = try r.decode((Int64, String, String, Int64, Bool).self)
                return APIToken(id: id, treasurer: name, label: label, createdAt: SeoulTime(stored: created).iso8601, revoked: revoked)
            }
        }
    }

    public func tokenOwner(tokenHash: String) async throws -> Treasurer? {
        try await read { s in
            try await s.rows(
                """
                SELECT \(unescaped: Self.who) FROM api_tokens a JOIN treasurers t ON t.id = a.treasurer_id
                WHERE a.token_hash = \(tokenHash) AND a.revoked_at IS NULL
                """
            ).first.map(Self.treasurer)
        }
    }

    /// A treasurer's columns (`t` is the treasurers table), their groups comma-separated.
    static let who = "t.id, t.name, t.role, t.scope, (SELECT string_agg(group_id, ',') FROM group_access WHERE treasurer_id = t.id)"

    /// `who`'s columns: an unknown role reads as the one that may only look.
    static func treasurer(_ r: PostgresRow) throws -> Treasurer {
        var columns = r.makeIterator()
        let id = try columns.next()?.decode(Int64.self) ?? 0
        let name = try columns.next()?.decode(String.self) ?? ""
        let role = try columns.next()?.decode(String?.self) ?? nil
        let scope = try columns.next()?.decode(String?.self) ?? nil
        let groups = try columns.next()?.decode(String?.self) ?? nil
        return Treasurer(id: id, name: name, role: Treasurer.Role(rawValue: role ?? "") ?? .viewer, scope: GroupScope(stored: scope, groups: groups))
    }

    public func setScope(name: String, scope: GroupScope) async throws -> Bool {
        try await write(lock: nil) { s in
            guard let id = try await s.one("SELECT id FROM treasurers WHERE name = \(name)", as: Int64.self) else { return false }
            try await s.run("DELETE FROM group_access WHERE treasurer_id = \(id)")
            switch scope {
            case .all:
                try await s.run("UPDATE treasurers SET scope = 'all' WHERE id = \(id)")
            case .listed(let groups):
                try await s.run("UPDATE treasurers SET scope = 'listed' WHERE id = \(id)")
                try await s.run("INSERT INTO group_access(treasurer_id, group_id) SELECT \(id), unnest(\(groups.sorted()))")
            }
            return true
        }
    }

    public func shareToken(group: String) async throws -> String? {
        try await read { s in try await s.one("SELECT token FROM share_links WHERE group_id = \(group)", as: String.self) }
    }

    public func setShareToken(group: String, token: String) async throws {
        try await write(lock: nil) { s in
            try await s.run(
                """
                INSERT INTO share_links(group_id, token, created_at) VALUES (\(group), \(token), now())
                ON CONFLICT(group_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at
                """)
        }
    }

    public func signInFailures(_ keys: [String], since: Int64) async throws -> Int {
        try await read { s in
            Int(
                try await s.one(
                    "SELECT COALESCE(MAX(n), 0) FROM (SELECT count(*) AS n FROM sign_in_failures WHERE key = ANY(\(keys)) AND at >= \(since) GROUP BY key) c",
                    as: Int64.self) ?? 0)
        }
    }

    public func recordSignInFailure(_ keys: [String], at: Int64, forget: Int64) async throws {
        try await write(lock: nil) { s in
            try await s.run("DELETE FROM sign_in_failures WHERE at < \(forget)")
            try await s.run("INSERT INTO sign_in_failures(key, at) SELECT k, \(at) FROM unnest(\(keys)::text[]) AS k")
        }
    }

    public func clearSignInFailures(_ keys: [String]) async throws {
        try await write(lock: nil) { s in try await s.run("DELETE FROM sign_in_failures WHERE key = ANY(\(keys))") }
    }

    public func group(forShareToken token: String) async throws -> String? {
        try await read { s in try await s.one("SELECT group_id FROM share_links WHERE token = \(token)", as: String.self) }
    }

    /// On PostgreSQL one sync per account, not per database: `sync_leases` (`claimSync`) keeps
    /// it across processes and machines, so the database-wide lock holds nothing.
    public func lockForSync() async throws -> any SyncLockHold { NoLock() }

    /// PostgreSQL is copied with its own tools, which know its files, roles and replicas.
    public func backup(to path: String) async throws {
        throw StoreError.refused(Messages.t("error.postgresBackup", location.shown))
    }
}

/// The sync lock of an engine whose leases do that work.
final class NoLock: SyncLockHold {}
