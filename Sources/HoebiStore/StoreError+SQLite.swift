import GRDB
import HoebiCore

extension StoreError {
    /// SQLite's errors in words a treasurer can act on; anything else is passed through.
    public static func wrap(_ error: any Error, path: String) -> any Error {
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path, seconds: Int(Store.busySeconds))
        case .SQLITE_READONLY: return StoreError.readOnlyFile(path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.corrupt(path)
        case .SQLITE_FULL: return StoreError.full(path)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM: return StoreError.io(path, e.message ?? "\(e.resultCode)")
        default: return error
        }
    }
}
