import Crypto
import Foundation
import GRDB
import HoebiCore

extension Store: HandoverStore {
    /// What the service keeps for itself and never hands over: sign-ins, sessions, API tokens,
    /// share links and the bank API's own tokens (the new treasurer makes their own).
    static let secretTables: Set<String> = ["treasurers", "sessions", "api_tokens", "share_links", "credentials"]

    public func handoverCopy(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try db.backup(to: target)
        try target.writeWithoutTransaction { d in
            try d.inTransaction {
                for t in Self.secretTables.sorted() where try d.tableExists(t) { try d.execute(sql: "DELETE FROM \(t)") }
                return .commit
            }
            try d.execute(sql: "VACUUM")
        }
    }

    public func contentDigest() throws -> ContentDigest {
        try read { db in try Self.digest(db) }
    }

    static func digest(_ db: Database) throws -> ContentDigest {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .filter { !secretTables.contains($0) && $0 != "schema_migrations" && $0 != "grdb_migrations" }
        var hash = SHA256()
        var counts: [String: Int] = [:]
        for t in tables {
            hash.update(data: Data("table \(t)\n".utf8))
            var n = 0
            // Every column in order (some tables have no rowid): the same rows give the same sequence.
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(t))").count
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(t) ORDER BY " + (1...max(1, columns)).map(String.init).joined(separator: ", "))
            while let r = try rows.next() {
                n += 1
                for v in r.databaseValues {
                    switch v.storage {
                    case .null: hash.update(data: Data("n;".utf8))
                    case .int64(let i): hash.update(data: Data("i\(i);".utf8))
                    case .double(let d): hash.update(data: Data("d\(d);".utf8))
                    case .string(let s): hash.update(data: Data("s\(s.utf8.count):\(s);".utf8))
                    case .blob(let b):
                        hash.update(data: Data("b\(b.count):".utf8))
                        hash.update(data: b)
                    }
                }
                hash.update(data: Data("\n".utf8))
            }
            counts[t] = n
        }
        return ContentDigest(counts: counts, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
    }
}
