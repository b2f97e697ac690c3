/// What any ledger store can fail with, in words a treasurer can act on. Engines map their own
/// errors onto these (the SQLite store in `StoreError+SQLite.swift`).
public enum StoreError: Error, CustomStringConvertible {
    case noMigrations(String)
    case unknownTransaction(String)
    case notADeposit(Int64)
    /// A read-only open found the database missing or not yet migrated: open a writer.
    case needsWriter
    case readOnlyStore
    case newerSchema(String)
    case migrationFailed(String, String)
    /// Another writer held the database longer than the engine waits (seconds).
    case busy(String, seconds: Int)
    /// Another sync of this ledger is running (the holder's process id, as the lock says).
    case syncRunning(String)
    case readOnlyFile(String)
    case corrupt(String)
    case full(String)
    case io(String, String)
    case tooLarge(String)
    case unknownRun(String)
    case cannotRevert(String)
    /// A write the ledger does not take, with why in words (a receipt on a deposit).
    case refused(String)

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
        case .busy(let p, let seconds): return Messages.t("error.busy", p, seconds)
        case .syncRunning(let holder): return Messages.t("sync.lockHeld", holder)
        case .readOnlyFile(let p):
            return Messages.t("error.readOnlyFile", p)
        case .corrupt(let p):
            return Messages.t("error.corrupt", p)
        case .full(let p):
            return Messages.t("error.full", p)
        case .io(let p, let why): return Messages.t("error.io", p, why)
        case .tooLarge(let what): return what
        case .unknownRun(let id): return Messages.t("error.unknownRun", id)
        case .cannotRevert(let why), .refused(let why): return why
        }
    }
}
