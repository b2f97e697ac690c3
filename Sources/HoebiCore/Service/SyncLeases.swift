/// The right to sync one account for a while, across processes and machines.
public struct SyncLease: Sendable, Equatable {
    public var account: String
    public var holder: String
    /// Grows with every claim: a holder that lost its lease can no longer renew or release it.
    public var fence: Int64
    public init(account: String, holder: String, fence: Int64) {
        self.account = account
        self.holder = holder
        self.fence = fence
    }
}

/// What a claim found.
public enum SyncClaim: Sendable, Equatable {
    case claimed(SyncLease)
    /// Another holder syncs the account now (its name, and for how many more seconds at most).
    case held(by: String, seconds: Int64)
    /// The scheduled slot asked for was synced already (by another instance).
    case done
}

/// Sync leases (issue 25, postgres.md §5.3): each account synced by one holder at a time and
/// each scheduled slot once, whichever instance wakes first; a dead holder's lease runs out.
public protocol SyncLeaseStore: Sendable {
    /// Claims `account` for `seconds`. With a `slot` (a scheduled run), a slot already finished is
    /// `.done`; without (a sync asked for by hand), only a live lease stands in the way.
    func claimSync(account: String, holder: String, slot: String?, seconds: Int64) async throws -> SyncClaim
    /// Extends a held lease; false when it was lost (expired and claimed by another).
    func renewSync(_ lease: SyncLease, seconds: Int64) async throws -> Bool
    /// Gives the lease up; `slot` records that scheduled run as finished.
    func releaseSync(_ lease: SyncLease, finished slot: String?) async throws
}
