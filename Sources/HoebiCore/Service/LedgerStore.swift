import Foundation

/// Where bank API tokens, connectedIds and cursors are kept between runs: the ledger's engine
/// implements it, the bank adapters (HoebiSources) ask it. In the core so neither edge needs the other.
public protocol CredentialStore: Sendable {
    func credential(_ key: String) async throws -> (value: String, expires: Date?)?
    func setCredential(_ key: String, value: String, expires: Date?) async throws
}

/// A held sync lock; releasing the value releases the lock.
public protocol SyncLockHold: AnyObject, Sendable {}

/// Everything the use cases (command line and service alike) ask of the database that keeps a
/// group's ledger. Narrow on purpose: SQLite implements it today (`HoebiStore.Store`), and a
/// second engine (PostgreSQL for a larger service) implements the same list. Each call is one
/// transaction of the engine: it either happens whole or throws a `StoreError` and changes nothing.
public protocol LedgerStore: AccountStore, BookStore, HandoverStore, SyncLeaseStore, GroupConfigStore {
    /// Where the data lives, as the person should see it in a message (a file path, a database URL
    /// without its password).
    var path: String { get }
    /// The newest schema step applied (the name of the last migration).
    var schemaVersion: String { get }

    // Groups and their matching state.
    /// Records the group's configuration fingerprint; a change makes a re-match owed.
    @discardableResult func register(_ group: Group, fingerprint: String) async throws -> Bool
    func isCurrent(_ group: Group, fingerprint: String) async throws -> Bool
    /// Every group's registered fingerprint and whether a re-match is owed, in one read: what
    /// bringing a thousand-group ledger up to date checks before it touches any group.
    func matchStates() async throws -> [String: MatchStateSummary]
    func owesMatch(_ group: Group) async throws -> Bool
    func matchInput(of group: Group) async throws -> MatchInput
    /// Stores a re-match unless a re-match of a later input was saved first (then false: that one
    /// stands; the ledger still owes a match if it moved on since).
    func saveMatch(group: Group, deposits: [Deposit], result: Allocator.Result, save: MatchSave) async throws -> Bool
    /// The carry of the last match and the rows new since, when the next match may start from it
    /// (nil: none saved, or something besides new rows changed since: decisions, rules, the
    /// configuration, a revert).
    func matchDelta(of group: Group) async throws -> MatchDelta?

    // A treasurer's decisions and the rules they leave.
    /// Records the decisions in one transaction; more than one are one change, undone as one.
    func decide(group: Group, _ writes: [DecisionWrite], by: String) async throws
    func undoLastDecision(group: Group, by: String) async throws -> Undone?
    /// What `undoLastDecision` would do now, without doing it.
    func nextUndo(group: Group) async throws -> UndoPlan?
    func rules(of group: Group) async throws -> [TextRule]
    func removeRule(group: Group, text: String) async throws -> Bool

    // Reading the ledger.
    func snapshot(of group: Group, periods: [Period]) async throws -> LedgerSnapshot
    func transaction(_ id: Int64) async throws -> StoredTransaction?
    func allocations(of id: Int64) async throws -> [Allocation]
    func ledger(of group: Group, _ filter: LedgerFilter) async throws -> [LedgerLine]
    func latestTime(account: String) async throws -> SeoulTime?
    func continuityRows(account: String) async throws -> [Continuity.Row]
    /// The balance chain's carry and the rows stored since; every row with no carry (`whole`:
    /// always), or when something besides new rows changed since it was saved (a revert).
    func chainDelta(of group: Group, whole: Bool) async throws -> ChainDelta
    /// Keeps a check's carry unless something besides new rows changed since `generation`.
    func saveChain(group: Group, carry: Continuity.Carry, upto: Int64, generation: Int64) async throws -> Bool
    func reviewCount(of group: Group) async throws -> Int

    // Bringing rows in: a statement file as one transaction; a sync page by page.
    /// `produce` calls `insert` for every row of the file and returns how many lines were not rows.
    func importTransactions(
        group: Group, source: String, format: String, note: () -> String,
        produce: (_ insert: (Transaction) throws -> Void) throws -> Int
    ) async throws -> ImportCounts
    func recordFailedRun(group: Group, kind: RunKind, source: String, format: String, message: String) async throws
    func beginRun(group: Group, kind: RunKind, source: String) async throws -> Int64
    func finishRun(_ id: Int64, new: Int, known: Int, status: RunStatus, message: String) async throws
    func insertPage(
        runID: Int64, transactions: [Transaction], counter: inout IdentityCounter,
        seenPages: inout Set<String>
    ) async throws -> PageResult
    func coveredUntil(account: String, source: String) async throws -> String?
    func setCoveredUntil(account: String, source: String, _ day: String) async throws
    func lastSuccessfulSync(of group: Group) async throws -> SeoulTime?
    func hasRunningRuns() async throws -> Bool
    /// Runs left `running` by a process that ended; returns how many were closed.
    func markInterruptedRuns() async throws -> Int

    // The audit trail.
    func runs(of group: Group, limit: Int) async throws -> [RunEntry]
    func revert(group: Group, run: Int64, by: String) async throws -> Reverted
    /// What `revert` would do now, without doing it (the same refusals).
    func revertPlan(group: Group, run: Int64) async throws -> RevertPlan

    /// Takes this ledger's sync lock, held until the returned value is released: a command-line
    /// sync and the service never sync one ledger at once. Throws `StoreError.syncRunning` at once
    /// (no waiting) when another holds it.
    func lockForSync() async throws -> any SyncLockHold

    /// A consistent copy of everything, taken while others keep reading and writing.
    func backup(to path: String) async throws
}

extension LedgerStore {
    public func runs(of group: Group) async throws -> [RunEntry] { try await runs(of: group, limit: 50) }

    /// Saves a full match that leaves nothing for the next to start from.
    public func saveMatch(group: Group, deposits: [Deposit], result: Allocator.Result, generation: Int64) async throws -> Bool {
        try await saveMatch(group: group, deposits: deposits, result: result, save: MatchSave(kind: .full, generation: generation, carry: nil, upto: nil))
    }

    public func decide(
        group: Group, transaction id: Int64, action: DecisionAction, member: String?, periods: [Period],
        reason: String, by: String
    ) async throws {
        try await decide(group: group, [DecisionWrite(transaction: id, action: action, member: member, periods: periods, reason: reason)], by: by)
    }

    public func importTransactions(
        group: Group, source: String, format: String,
        produce: (_ insert: (Transaction) throws -> Void) throws -> Int
    ) async throws -> ImportCounts {
        try await importTransactions(group: group, source: source, format: format, note: { "" }, produce: produce)
    }
}

/// A group's matching state at a glance (`LedgerStore.matchStates`).
public struct MatchStateSummary: Sendable, Equatable {
    public var fingerprint: String
    public var owesMatch: Bool
    public init(fingerprint: String, owesMatch: Bool) {
        self.fingerprint = fingerprint
        self.owesMatch = owesMatch
    }
}
