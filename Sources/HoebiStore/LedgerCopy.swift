import Crypto
import Foundation
import GRDB
import HoebiCore
import PostgresNIO

/// Moves a whole ledger between the engines (`hoebi copy-db`, issue 25): every table, every row,
/// treasurers and tokens included (a move, not a handover), into an empty target. Each side is
/// summed up the same way — rows per table and a SHA-256 over the table's rows written in one
/// engine-neutral form (times as the ISO text Hoebi writes, the source row as its text), sorted —
/// so the two sides agree exactly when nothing was lost or changed.
public enum LedgerCopy {
    public struct Table: Sendable, Equatable, Codable {
        public var name: String
        public var rows: Int
        public var sha256: String
    }

    public struct Result: Sendable {
        public var from: [Table]
        public var to: [Table]
    }

    /// One value as both engines can hold it.
    enum Value: Sendable {
        case null
        case int(Int64)
        case double(Double)
        case text(String)
        case blob([UInt8])

        func encode(into out: inout [UInt8]) {
            switch self {
            case .null: out += Array("n;".utf8)
            case .int(let i): out += Array("i\(i);".utf8)
            case .double(let d): out += Array("d\(d);".utf8)
            case .text(let s): out += Array("s\(s.utf8.count):".utf8) + Array(s.utf8) + [59]
            case .blob(let b): out += Array("b\(b.count):".utf8) + b + [59]
            }
        }
    }

    /// The tables a copy moves, in the order they were made (references point backwards).
    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY rowid")
    }

    static func columns(_ db: Database, _ table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map { $0["name"] as String }
    }

    static func summary(_ name: String, _ rows: [[Value]]) -> Table {
        var encoded = rows.map { row -> [UInt8] in
            var out: [UInt8] = []
            for v in row { v.encode(into: &out) }
            return out
        }
        encoded.sort { $0.lexicographicallyPrecedes($1) }
        var hash = SHA256()
        for e in encoded {
            hash.update(data: e)
            hash.update(data: [10])
        }
        return Table(name: name, rows: rows.count, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
    }

    // MARK: SQLite

    static func readSQLite(_ db: Database, _ table: String, _ columns: [String]) throws -> [[Value]] {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(list) FROM \"\(table)\"").map { r in
            r.databaseValues.map { v in
                switch v.storage {
                case .null: return .null
                case .int64(let i): return .int(i)
                case .double(let d): return .double(d)
                case .string(let s): return .text(s)
                case .blob(let b): return .blob([UInt8](b))
                }
            }
        }
    }

    static func writeSQLite(_ db: Database, _ table: String, _ columns: [String], _ rows: [[Value]]) throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "INSERT INTO \"\(table)\"(\(list)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        for row in rows {
            let values: [(any DatabaseValueConvertible)?] = row.map { v in
                switch v {
                case .null: return nil
                case .int(let i): return i
                case .double(let d): return d
                case .text(let s): return s
                case .blob(let b): return Data(b)
                }
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    // MARK: PostgreSQL

    /// A column's type on the server (`information_schema.columns.data_type`).
    static func types(_ s: Session, _ table: String) async throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try await s.rows(
            "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = \(table)")
        {
            let (c, t) = try r.decode((String, String).self)
            out[c] = t
        }
        return out
    }

    /// What a column is selected as: times as Hoebi's ISO text in Seoul, the source row as its text.
    static func selected(_ column: String, _ type: String) -> String {
        switch type {
        case "timestamp with time zone":
            return "to_char(\"\(column)\" AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+09:00'"
        case "jsonb": return "\"\(column)\" #>> '{}'"
        default: return "\"\(column)\""
        }
    }

    static func readPostgres(_ s: Session, _ table: String, _ columns: [String], _ types: [String: String]) async throws -> [[Value]] {
        let list = columns.map { selected($0, types[$0] ?? "text") }.joined(separator: ", ")
        var out: [[Value]] = []
        for r in try await s.rows(PostgresQuery(unsafeSQL: "SELECT \(list) FROM \"\(table)\"")) {
            var row: [Value] = []
            for (cell, column) in zip(r, columns) {
                switch types[column] ?? "text" {
                case "bigint", "integer", "smallint": row.append(try cell.decode(Int64?.self).map(Value.int) ?? .null)
                case "double precision", "real": row.append(try cell.decode(Double?.self).map(Value.double) ?? .null)
                case "bytea": row.append(try cell.decode(ByteBuffer?.self).map { .blob(Array($0.readableBytesView)) } ?? .null)
                case "boolean": row.append(try cell.decode(Bool?.self).map { .int($0 ? 1 : 0) } ?? .null)
                default: row.append(try cell.decode(String?.self).map(Value.text) ?? .null)
                }
            }
            out.append(row)
        }
        return out
    }

    /// Rows in COPY's text form: a time as its ISO text (PostgreSQL reads the offset), the source
    /// row as a JSON string, bytes as `\x…` hex.
    static func copyField(_ v: Value, _ type: String) -> String? {
        switch v {
        case .null: return nil
        case .int(let i): return type == "boolean" ? (i != 0 ? "t" : "f") : String(i)
        case .double(let d): return String(d)
        case .blob(let b): return "\\x" + b.map { String(format: "%02x", $0) }.joined()
        case .text(let s):
            guard type == "jsonb" else { return s }
            return (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
    }

    // MARK: The two directions

    /// SQLite file → empty PostgreSQL database.
    public static func copy(sqlite path: String, to location: DatabaseLocation, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws
        -> Result
    {
        let source = try Store(path: path, access: .readOnly)
        let target = try await PostgresStore.open(location)
        let plan = try await source.db.read { db in try tables(db).map { t in (t, try columns(db, t), try readSQLite(db, t, try columns(db, t))) } }
        let from = plan.map { summary($0.0, $0.2) }
        try await target.write(lock: nil) { s in
            if let rows = try await s.one("SELECT count(*) FROM transactions", as: Int64.self), rows > 0 {
                throw StoreError.refused(Messages.t("copy.notEmpty", location.shown))
            }
            // What opening the target wrote (its first registration) gives way to the copy.
            for (t, _, _) in plan.reversed() { try await s.run(PostgresQuery(unsafeSQL: "DELETE FROM \"\(t)\"")) }
            for (t, columns, rows) in plan {
                progress(t)
                let types = try await types(s, t)
                let fields = rows.map { row in zip(row, columns).map { copyField($0, types[$1] ?? "text") } }
                try await Copy.rows(s, table: t, columns: columns, fields)
                // Identity columns go on after the highest id copied.
                if types["id"] == "bigint", columns.contains("id") {
                    try await s.run(
                        PostgresQuery(
                            unsafeSQL:
                                "SELECT setval(pg_get_serial_sequence('\(t)', 'id'), GREATEST((SELECT MAX(id) FROM \"\(t)\"), 1), (SELECT MAX(id) FROM \"\(t)\") IS NOT NULL) WHERE pg_get_serial_sequence('\(t)', 'id') IS NOT NULL"
                        ))
                }
            }
        }
        let to = try await summaries(target, tables: plan.map { ($0.0, $0.1) })
        return Result(from: from, to: to)
    }

    /// PostgreSQL database → new SQLite file.
    public static func copy(postgres location: DatabaseLocation, toSQLite path: String, progress: @Sendable (String) -> Void = { _ in }) async throws -> Result
    {
        if FileManager.default.fileExists(atPath: path) { throw StoreError.refused(Messages.t("copy.exists", path)) }
        let source = try await PostgresStore.open(location)
        let target = try Store(path: path, access: .readWrite)
        let plan = try await target.db.read { db in try tables(db).map { ($0, try columns(db, $0)) } }
        let data = try await source.read { s in
            var out: [(String, [String], [[Value]])] = []
            for (t, columns) in plan { out.append((t, columns, try await readPostgres(s, t, columns, try await types(s, t)))) }
            return out
        }
        let from = data.map { summary($0.0, $0.2) }
        try target.write { db in
            for (t, _) in plan.reversed() { try db.execute(sql: "DELETE FROM \"\(t)\"") }
            for (t, columns, rows) in data {
                progress(t)
                try writeSQLite(db, t, columns, rows)
            }
        }
        let to = try await target.db.read { db in try plan.map { summary($0.0, try readSQLite(db, $0.0, $0.1)) } }
        return Result(from: from, to: to)
    }

    static func summaries(_ store: PostgresStore, tables: [(String, [String])]) async throws -> [Table] {
        try await store.read { s in
            var out: [Table] = []
            for (t, columns) in tables { out.append(summary(t, try await readPostgres(s, t, columns, try await types(s, t)))) }
            return out
        }
    }
}
