import Foundation
import GRDB
import HoebiCore

public enum StoreError: Error, CustomStringConvertible {
    case noMigrations(String)
    case unknownTransaction(String)
    case notADeposit(Int64)
    /// A read-only open found the database missing or not yet migrated: open a writer.
    case needsWriter
    case readOnlyStore
    case newerSchema(String)
    case migrationFailed(String, String)
    case busy(String)
    case readOnlyFile(String)
    case corrupt(String)
    case full(String)
    case io(String, String)
    case tooLarge(String)
    case unknownRun(String)
    case cannotRevert(String)

    public var description: String {
        switch self {
        case .noMigrations(let dir): return "no migrations (*.sql) in \(dir)"
        case .unknownTransaction(let id): return Messages.t("error.unknownTransaction", id)
        case .notADeposit(let id): return Messages.t("error.notADeposit", id)
        case .needsWriter, .readOnlyStore: return "internal: this command opened the ledger read-only and tried to write"
        case .newerSchema(let p):
            return "\(p) was written by a newer Hoebi (its schema has migrations this binary does not know)\n  hint: use the newer hoebi; nothing was changed"
        case .migrationFailed(let p, let why):
            return "\(p): upgrading the ledger's schema failed (\(why)); the failed step was undone\n  hint: check the migrations folder, or restore the file from a backup"
        case .busy(let p): return Messages.t("error.busy", p, Int(Store.busySeconds))
        case .readOnlyFile(let p):
            return "\(p) cannot be written (the file or its folder is read-only)\n  hint: reports still work; for imports and decisions, fix the permissions (the folder must be writable for SQLite's -wal file)"
        case .corrupt(let p):
            return "\(p) is damaged or not a Hoebi ledger\n  hint: restore it from a backup; `sqlite3 \(p) 'PRAGMA integrity_check'` shows the damage"
        case .full(let p):
            return "the disk holding \(p) is full; nothing of this command was stored\n  hint: free some space and run it again"
        case .io(let p, let why): return "cannot read or write \(p) (\(why))"
        case .tooLarge(let what): return what
        case .unknownRun(let id): return Messages.t("error.unknownRun", id)
        case .cannotRevert(let why): return why
        }
    }

    /// SQLite's errors in words a treasurer can act on; anything else is passed through.
    public static func wrap(_ error: any Error, path: String) -> any Error {
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path)
        case .SQLITE_READONLY: return StoreError.readOnlyFile(path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.corrupt(path)
        case .SQLITE_FULL: return StoreError.full(path)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM: return StoreError.io(path, e.message ?? "\(e.resultCode)")
        default: return error
        }
    }
}
