import HoebiCore
import PostgresNIO

/// Groups kept as data (migrations/postgres/0014): the SQLite store's queries in this dialect.
/// A compare-and-set is one UPDATE … WHERE revision = expected, atomic on its row; the clock's one
/// row, moved first, puts writes of stored groups in one order across instances.
extension PostgresStore {
    public func storedGroups() async throws -> [StoredGroup] {
        try await read { s in
            try await s.rows(
                """
                SELECT group_id, body, revision, previous, extract(epoch FROM updated_at)::bigint, updated_by FROM group_configs ORDER BY group_id
                """
            ).map { r in
                let (id, body, revision, previous, at, by) = try r.decode((String, String, Int64, String?, Int64, String).self)
                return StoredGroup(id: id, body: body, revision: revision, previous: previous, updatedAt: SeoulTime(stored: at).iso8601, updatedBy: by)
            }
        }
    }

    public func storedGroupsStamp() async throws -> String {
        try await read { s in "\(try await s.one("SELECT revision FROM group_config_clock", as: Int64.self) ?? 0)" }
    }

    static func tick(_ s: Session) async throws -> Int64 {
        try await s.one("UPDATE group_config_clock SET revision = revision + 1 RETURNING revision", as: Int64.self) ?? 1
    }

    public func saveStoredGroup(id: String, body: String, expected: Int64?, by: String) async throws -> Int64? {
        try await write(lock: nil) { s in
            let next = try await Self.tick(s)
            if let expected {
                return try await s.one(
                    """
                    UPDATE group_configs SET previous = body, body = \(body), updated_at = now(), updated_by = \(by), revision = \(next)
                    WHERE group_id = \(id) AND revision = \(expected) RETURNING revision
                    """, as: Int64.self)
            }
            return try await s.one(
                """
                INSERT INTO group_configs(group_id, body, revision, updated_at, updated_by) VALUES (\(id), \(body), \(next), now(), \(by))
                ON CONFLICT (group_id) DO NOTHING RETURNING revision
                """, as: Int64.self)
        }
    }

    public func removeStoredGroup(id: String, expected: Int64) async throws -> Bool {
        try await write(lock: nil) { s in
            guard try await s.count("DELETE FROM group_configs WHERE group_id = \(id) AND revision = \(expected) RETURNING 1") > 0 else { return false }
            _ = try await Self.tick(s)
            return true
        }
    }
}
