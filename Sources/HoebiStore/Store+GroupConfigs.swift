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
        try read { db in
            let r = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM group_configs")
            return "\(r?[0] as Int64? ?? 0):\(r?[1] as Int64? ?? 0)"
        }
    }

    public func saveStoredGroup(id: String, body: String, expected: Int64?, by: String) throws -> Int64? {
        try write { db in
            // The highest revision there is plus one: a removed and re-added group never returns
            // to a stamp the service saw before.
            let next = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(revision), 0) + 1 FROM group_configs") ?? 1)
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
            return db.changesCount > 0
        }
    }
}
