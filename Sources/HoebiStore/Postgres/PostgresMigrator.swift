import Foundation
import HoebiCore
import Logging
import PostgresNIO

/// Applies `migrations/postgres` in name order, recorded in `schema_migrations`. Several
/// instances starting together take turns on one transaction-scoped advisory lock (the file lock
/// SQLite writers use has no meaning across machines); PostgreSQL's DDL is transactional, so a
/// step and its record commit together or not at all.
struct PostgresMigrator {
    let client: PostgresClient
    let logger: Logger
    let location: DatabaseLocation

    /// A constant key of its own, apart from every account's.
    static let lockKey = "hoebi:migrate"

    /// Returns the newest step applied.
    func migrate(_ steps: [Migration]) async throws -> String {
        guard !steps.isEmpty else { throw StoreError.noMigrations("migrations/postgres") }
        return try await client.withConnection { conn in
            let s = Session(conn: conn, logger: logger)
            try await s.run("BEGIN")
            do {
                try await s.run("SELECT pg_advisory_xact_lock(hashtextextended(\(Self.lockKey), 0))")
                try await s.run("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
                let applied = Set(try await s.rows("SELECT name FROM schema_migrations").map { try $0.decode(String.self) })
                let known = Set(steps.map(\.name))
                // A step this binary does not know: a newer Hoebi migrated the database.
                if applied.contains(where: { !known.contains($0) }) { throw StoreError.newerSchema(location.shown) }
                for step in steps where !applied.contains(step.name) {
                    do {
                        try await s.run("SAVEPOINT step")
                        for statement in Self.statements(step.sql) { try await s.run(PostgresQuery(unsafeSQL: statement)) }
                        try await s.run("INSERT INTO schema_migrations(name) VALUES (\(step.name))")
                        try await s.run("RELEASE SAVEPOINT step")
                    } catch {
                        throw StoreError.migrationFailed(location.shown, "\(step.name): \(PostgresFailure.map(error, location.shown))")
                    }
                }
                try await s.run("COMMIT")
            } catch {
                try? await s.run("ROLLBACK")
                throw error
            }
            return steps.last?.name ?? "none"
        }
    }

    /// A step's statements: the extended protocol takes one at a time. Split at semicolons
    /// outside quotes and comments (the steps hold no function bodies).
    static func statements(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        var quote: Character?
        var comment = false
        var previous: Character = " "
        for c in sql {
            if comment {
                if c == "\n" { comment = false }
                previous = c
                continue
            }
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "-" && previous == "-" {
                current.removeLast()
                comment = true
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == ";" {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
