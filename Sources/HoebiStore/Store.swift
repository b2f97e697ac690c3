import Foundation
import GRDB
import HoebiCore

/// The ledger in one SQLite file (WAL). Every import or re-match is one SQL transaction: an
/// interrupted run leaves the database as it was.
public final class Store: Sendable {
    let db: DatabasePool

    /// Opens (creating if needed) the database and applies every migration in `migrations`.
    public init(path: String, migrations: URL) throws {
        var config = Configuration()
        config.prepareDatabase { db in
            // A 64 MB page cache keeps the identity index's pages in memory during a large import.
            try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        db = try DatabasePool(path: path, configuration: config)
        try Self.migrator(migrations).migrate(db)
    }

    static func migrator(_ dir: URL) throws -> DatabaseMigrator {
        var m = DatabaseMigrator()
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw StoreError.noMigrations(dir.path) }
        for f in files {
            let sql = try String(contentsOf: f, encoding: .utf8)
            m.registerMigration(f.deletingPathExtension().lastPathComponent) { db in try db.execute(sql: sql) }
        }
        return m
    }

    /// Mirrors a group's configuration (members, given aliases) into the database.
    public func register(_ group: Group) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO groups(id, name, account) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, account = excluded.account",
                           arguments: [group.id, group.name, group.account.key])
            try db.execute(sql: "DELETE FROM members WHERE group_id = ?", arguments: [group.id])
            for m in group.members {
                try db.execute(sql: "INSERT INTO members(group_id, id, name) VALUES (?, ?, ?)", arguments: [group.id, m.id, m.name])
            }
            try db.execute(sql: "DELETE FROM aliases WHERE group_id = ? AND source = 'config'", arguments: [group.id])
            for m in group.members {
                for a in m.aliases {
                    try db.execute(sql: "INSERT OR IGNORE INTO aliases(group_id, alias, member_id, source, created_at) VALUES (?, ?, ?, 'config', ?)",
                                   arguments: [group.id, Normalise.key(a), m.id, Self.now()])
                }
            }
        }
    }

    static func now() -> String { SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970)).iso8601 }
}

public enum StoreError: Error, CustomStringConvertible {
    case noMigrations(String)
    case unknownTransaction(String)
    case notADeposit(Int64)

    public var description: String {
        switch self {
        case .noMigrations(let dir): return "no migrations (*.sql) in \(dir)"
        case .unknownTransaction(let id): return "no transaction '\(id)'; ids look like t42 (see `hoebi review`)"
        case .notADeposit(let id): return "t\(id) is a withdrawal; only deposits can be assigned or ignored"
        }
    }
}
