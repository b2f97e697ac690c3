import Foundation
import HoebiCore

/// A sync under its account's lease (issue 25): whichever process or machine claims the account
/// syncs it, renewing the lease while it runs; a scheduled slot another instance finished is
/// skipped; a holder that dies loses the lease when it runs out, and the next claimer takes over.
public enum LeasedSync {
    /// How long a lease lasts unrenewed (HOEBI_SYNC_LEASE, seconds; default 120). It is renewed
    /// every third of that while the sync runs, apart from the bank's calls.
    public static var seconds: Int64 {
        ProcessInfo.processInfo.environment["HOEBI_SYNC_LEASE"].flatMap(Int64.init).map { max(3, $0) } ?? 120
    }

    /// This process, as leases and runs name it: host and process id.
    public static let holder: String = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(host):\(getpid())"
    }()

    public enum Outcome: Sendable {
        case synced(SyncEngine.Result)
        /// Not synced: another holder has the account now, or the slot was done.
        case skipped(SyncClaim)
    }

    /// Runs `body` under the lease of `group`'s account. `slot` names a scheduled run (done once
    /// across instances); nil is a sync asked for by hand. A lease lost mid-way cancels `body`.
    public static func run(
        _ group: Group, store: any SyncLeaseStore, slot: String?, body: @escaping @Sendable () async throws -> SyncEngine.Result
    ) async throws -> Outcome {
        let claim = try await store.claimSync(account: group.account.key, holder: holder, slot: slot, seconds: seconds)
        guard case .claimed(let lease) = claim else { return .skipped(claim) }
        let ttl = seconds
        let result: SyncEngine.Result?
        do {
            result = try await withThrowingTaskGroup(of: SyncEngine.Result?.self) { tasks in
                tasks.addTask { try await body() }
                tasks.addTask {
                    // The heartbeat: returns (and so cancels the sync) only when the lease is lost.
                    while (try? await Task.sleep(for: .seconds(max(1, ttl / 3)))) != nil {
                        if (try? await store.renewSync(lease, seconds: ttl)) == false { return nil }
                    }
                    return nil
                }
                let first = try await tasks.next() ?? nil
                tasks.cancelAll()
                return first
            }
        } catch {
            try? await store.releaseSync(lease, finished: nil)
            throw error
        }
        guard let result else { return .skipped(.held(by: "?", seconds: 0)) }
        try? await store.releaseSync(lease, finished: result.error == nil ? slot : nil)
        return .synced(result)
    }
}
