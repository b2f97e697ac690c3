import GRDB
import HoebiCore

/// Groups kept as data (migration 0014): one row per group, replaced by compare-and-set.
extension Store {
    public func storedGroups() throws -> [StoredGroup] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT group_id, body, revision, previous, updated_at, updated_by FROM group_configs ORDER BY group_id").map {
                StoredGroup(id: $0[0], body: $0[1], revision: $0[2], previous: $0[3], updatedAt: $0[4], updatedBy: $0[5])
            }
        }
    }

    public func storedGroupsStamp() throws -> String {
        try read { db in "\(try Int64.fetchOne(db, sql: "SELECT revision FROM group_config_clock") ?? 0)" }
    }

    /// The clock moved on, inside the caller's write.
    static func tick(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "UPDATE group_config_clock SET revision = revision + 1 RETURNING revision") ?? 1
    }

    public func saveStoredGroup(id: String, body: String, expected: Int64?, by: String) throws -> Int64? {
        try write { db in
            let next = try Self.tick(db)
            if let expected {
                try db.execute(
                    sql: """
                        UPDATE group_configs SET previous = body, body = ?, revision = ?, updated_at = ?, updated_by = ?
                        WHERE group_id = ? AND revision = ?
                        """, arguments: [body, next, Self.now(), by, id, expected])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO group_configs(group_id, body, revision, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(group_id) DO NOTHING
                        """, arguments: [id, body, next, Self.now(), by])
            }
            return db.changesCount > 0 ? next : nil
        }
    }

    public func removeStoredGroup(id: String, expected: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM group_configs WHERE group_id = ? AND revision = ?", arguments: [id, expected])
            guard db.changesCount > 0 else { return false }
            _ = try Self.tick(db)
            return true
        }
    }
}
