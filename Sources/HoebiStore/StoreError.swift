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
        case .noMigrations(let dir): return Messages.t("error.noMigrationsIn", dir)
        case .unknownTransaction(let id): return Messages.t("error.unknownTransaction", id)
        case .notADeposit(let id): return Messages.t("error.notADeposit", id)
        case .needsWriter, .readOnlyStore: return Messages.t("error.internalReadOnly")
        case .newerSchema(let p):
            return Messages.t("error.newerSchema", p)
        case .migrationFailed(let p, let why):
            return Messages.t("error.migrationFailed", p, why)
        case .busy(let p): return Messages.t("error.busy", p, Int(Store.busySeconds))
        case .readOnlyFile(let p):
            return Messages.t("error.readOnlyFile", p)
        case .corrupt(let p):
            return Messages.t("error.corrupt", p)
        case .full(let p):
            return Messages.t("error.full", p)
        case .io(let p, let why): return Messages.t("error.io", p, why)
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
