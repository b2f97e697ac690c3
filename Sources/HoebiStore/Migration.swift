import Foundation
import HoebiCore

/// One schema step: a file of `migrations/`, applied once, in name order.
public struct Migration: Sendable, Equatable {
    public var name: String
    public var sql: String
    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// The `.sql` files of a folder, for development against an edited schema (`HOEBI_MIGRATIONS`).
    public static func folder(_ dir: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw StoreError.noMigrations(dir.path) }
        return try files.map { Migration(name: $0.deletingPathExtension().lastPathComponent, sql: try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// The schema version this binary writes: the last migration's name.
    public static var latest: String { embedded.last?.name ?? "none" }
}
