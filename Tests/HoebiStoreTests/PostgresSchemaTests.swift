import Foundation
import GRDB
import HoebiTestSupport
import Testing

@testable import HoebiStore
@testable import HoebiWiring

/// One schema, two dialects (issue 25): `migrations/postgres/` loads on a real PostgreSQL server
/// step by step, names the same steps as `migrations/`, and ends with the same tables, columns,
/// nullability, keys, references, checks and indexes as the SQLite schema — with won as bigint,
/// ids as identities, times as timestamptz, the source row as jsonb.
@Suite struct PostgresSchemaTests {
    /// What a SQLite declared type becomes in PostgreSQL, by column.
    static func expectedType(_ sqlite: String, column: String) -> Set<String> {
        switch sqlite.uppercased() {
        case "INTEGER": return ["bigint"]
        case "REAL": return ["double precision"]
        case "BLOB": return ["bytea"]
        default:
            if column == "raw" { return ["jsonb"] }
            if column.hasSuffix("_at") { return ["timestamp with time zone"] }
            return ["text"]
        }
    }

    @Test func thePostgreSQLSchemaIsTheSQLiteSchema() async throws {
        let pg = try ThrowawayPostgres()
        defer { pg.stop() }
        try pg.psql("postgres", ["-c", "CREATE DATABASE schema_test"])
        let folder = packageRoot.appendingPathComponent("migrations/postgres")
        let steps = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        let sqliteSteps = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("migrations").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(steps == sqliteSteps, "one PostgreSQL step per SQLite step, by the same name")
        // Each step in its own transaction, as the runner will apply them.
        for s in steps { try pg.psql("schema_test", ["--single-transaction", "-f", folder.appendingPathComponent(s).path]) }

        // PostgreSQL's side.
        var pgColumns: [String: [String: (type: String, nullable: Bool, identity: Bool)]] = [:]
        for line in try pg.psql(
            "schema_test",
            ["-c", "SELECT table_name, column_name, data_type, is_nullable, is_identity FROM information_schema.columns WHERE table_schema = 'public'"]
        ).split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            pgColumns[f[0], default: [:]][f[1]] = (f[2], f[3] == "YES", f[4] == "YES")
        }
        func constraints(_ type: String) throws -> Set<String> {
            Set(
                try pg.psql(
                    "schema_test",
                    [
                        "-c",
                        """
                        SELECT conrelid::regclass::text || ':' || (SELECT string_agg(a.attname, ',' ORDER BY a.attname) FROM pg_attribute a
                          WHERE a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)) || CASE WHEN contype = 'f' THEN '>' || confrelid::regclass::text ELSE '' END
                        FROM pg_constraint c WHERE contype = '\(type)' AND connamespace = 'public'::regnamespace
                        """
                    ]
                ).split(separator: "\n").map(String.init))
        }
        let pgChecks = try pg.psql(
            "schema_test",
            ["-c", "SELECT conrelid::regclass::text, count(*) FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace GROUP BY 1"]
        ).split(separator: "\n").reduce(into: [String: Int]()) { out, l in
            let f = l.split(separator: "|")
            out[String(f[0])] = Int(f[1]) ?? 0
        }
        let pgIndexes = Set(
            try pg.psql(
                "schema_test",
                [
                    "-c",
                    """
                    SELECT i.relname || ':' || t.relname || ':' || (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
                    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public' AND NOT x.indisprimary AND NOT x.indisunique
                    """
                ]
            ).split(separator: "\n").map(String.init))

        // SQLite's side, from a store the project's own runner migrated.
        let (ws, _, _) = try await workspace()
        let schema = try await ws.sqliteStore!.db.read {
            db -> (
                columns: [String: [String: (String, Bool, Bool)]], pk: Set<String>, unique: Set<String>, fk: Set<String>, checks: [String: Int],
                indexes: Set<String>
            ) in
            var columns: [String: [String: (String, Bool, Bool)]] = [:]
            var pk = Set<String>(), unique = Set<String>(), fk = Set<String>(), indexes = Set<String>()
            var checks: [String: Int] = [:]
            let tables = try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for t in tables {
                let name: String = t[0], sql: String = t[1]
                let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name))")
                let keys = info.filter { ($0["pk"] as Int) > 0 }.map { $0["name"] as String }
                let references = Set(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name))").map { $0["from"] as String })
                for c in info {
                    let column: String = c["name"]
                    // INTEGER PRIMARY KEY alone is SQLite's rowid: an identity in PostgreSQL.
                    // (A rowid key that references another table's row is that row's id, not a new one.)
                    let identity = keys == [column] && (c["type"] as String).uppercased() == "INTEGER" && !references.contains(column)
                    columns[name, default: [:]][column] = (c["type"], (c["notnull"] as Int) == 0 && (c["pk"] as Int) == 0, identity)
                }
                if !keys.isEmpty { pk.insert("\(name):" + keys.sorted().joined(separator: ",")) }
                checks[name] = sql.components(separatedBy: "CHECK (").count - 1
                for f in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name))") {
                    fk.insert("\(name):\(f["from"] as String)>\(f["table"] as String)")
                }
                for i in try Row.fetchAll(db, sql: "PRAGMA index_list(\(name))") {
                    let cols = try Row.fetchAll(db, sql: "PRAGMA index_info(\(i["name"] as String))").map { $0["name"] as String }
                    if (i["origin"] as String) == "u" { unique.insert("\(name):" + cols.sorted().joined(separator: ",")) }
                    if (i["origin"] as String) == "c" { indexes.insert("\(i["name"] as String):\(name):" + cols.joined(separator: ",")) }
                }
            }
            return (columns, pk, unique, fk, checks, indexes)
        }

        #expect(Set(pgColumns.keys) == Set(schema.columns.keys), "the same tables")
        for (table, columns) in schema.columns {
            let theirs = pgColumns[table] ?? [:]
            #expect(Set(theirs.keys) == Set(columns.keys), "\(table): the same columns")
            for (column, c) in columns {
                guard let p = theirs[column] else { continue }
                #expect(Self.expectedType(c.0, column: column).contains(p.type), "\(table).\(column): \(c.0) is \(p.type) in PostgreSQL")
                #expect(p.nullable == c.1, "\(table).\(column): nullable \(c.1) in SQLite, \(p.nullable) in PostgreSQL")
                #expect(p.identity == c.2, "\(table).\(column): an identity exactly where SQLite has a rowid key")
            }
        }
        let pk = try constraints("p"), unique = try constraints("u")
        #expect(pk == schema.pk, "primary keys: only in PostgreSQL \(pk.subtracting(schema.pk)), only in SQLite \(schema.pk.subtracting(pk))")
        #expect(unique == schema.unique, "unique: only in PostgreSQL \(unique.subtracting(schema.unique)), only in SQLite \(schema.unique.subtracting(unique))")
        #expect(try constraints("f") == schema.fk, "references")
        #expect(pgChecks.filter { $0.value > 0 } == schema.checks.filter { $0.value > 0 }, "checks per table")
        #expect(pgIndexes == schema.indexes, "indexes by name, table and columns")
    }
}
