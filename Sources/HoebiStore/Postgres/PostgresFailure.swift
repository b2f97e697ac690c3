import HoebiCore
import PostgresNIO

/// PostgreSQL's errors in the words the SQLite store uses (by SQLSTATE, postgres.md §1.4.5), so
/// a treasurer reads the same message whichever engine keeps their ledger.
enum PostgresFailure {
    static func state(_ error: any Error) -> String? {
        if let e = error as? PSQLError { return e.serverInfo?[.sqlState] }
        if let e = error as? PostgresTransactionError { return (e.closureError ?? e.commitError ?? e.rollbackError).flatMap(state) }
        return nil
    }

    static func isRetryable(_ error: any Error) -> Bool { ["40001", "40P01"].contains(state(error) ?? "") }

    static func map(_ error: any Error, _ where: String) -> any Error {
        if error is StoreError || error is CancellationError { return error }
        if let code = state(error) {
            switch code {
            case "55P03", "40P01", "40001": return StoreError.busy(`where`, seconds: Int(PostgresStore.busySeconds))
            case "25006": return StoreError.readOnlyFile(`where`)
            case "53100": return StoreError.full(`where`)
            case "XX001", "XX002": return StoreError.corrupt(`where`)
            case "28P01", "28000": return StoreError.io(`where`, Messages.t("error.databaseAuth"))
            case "3D000": return StoreError.io(`where`, Messages.t("error.databaseMissing"))
            default:
                let message = (error as? PSQLError)?.serverInfo?[.message] ?? code
                return StoreError.io(`where`, "PostgreSQL \(code): \(message)")
            }
        }
        if let e = error as? PSQLError {
            switch e.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown:
                return StoreError.io(`where`, Messages.t("error.databaseUnreachable"))
            default: return StoreError.io(`where`, "\(e.code)")
            }
        }
        return error
    }
}
