import HoebiCore
import PostgresNIO

extension PostgresStore: SyncLeaseStore {
    /// The row is locked `FOR UPDATE SKIP LOCKED`: of instances claiming at the same moment one
    /// gets the row, the others see it taken (postgres.md §5.3). Time is the database's.
    public func claimSync(account: String, holder: String, slot: String?, seconds: Int64) async throws -> SyncClaim {
        try await write(lock: nil) { s in
            try await s.run("INSERT INTO sync_leases(account) VALUES (\(account)) ON CONFLICT DO NOTHING")
            let now = try await s.one("SELECT extract(epoch FROM now())::bigint", as: Int64.self) ?? 0
            guard
                let r = try await s.rows(
                    "SELECT holder, fence, lease_until, last_slot FROM sync_leases WHERE account = \(account) FOR UPDATE SKIP LOCKED"
                ).first
            else { return .held(by: "?", seconds: seconds) }
            let (current, fence, until, last) = try r.decode((String?, Int64, Int64?, String?).self)
            if let slot, last == slot { return .done }
            if let until, until > now { return .held(by: current ?? "?", seconds: until - now) }
            try await s.run(
                "UPDATE sync_leases SET holder = \(holder), fence = \(fence + 1), lease_until = \(now + seconds) WHERE account = \(account)")
            try await s.run(
                """
                UPDATE runs SET status = 'interrupted', finished_at = now(), message = message || ' (the process ended before the run finished)'
                WHERE status = 'running' AND kind = 'sync' AND group_id IN (SELECT id FROM groups WHERE account = \(account))
                """)
            return .claimed(SyncLease(account: account, holder: holder, fence: fence + 1))
        }
    }

    public func renewSync(_ lease: SyncLease, seconds: Int64) async throws -> Bool {
        try await write(lock: nil) { s in
            try await s.count(
                """
                UPDATE sync_leases SET lease_until = extract(epoch FROM now())::bigint + \(seconds)
                WHERE account = \(lease.account) AND holder = \(lease.holder) AND fence = \(lease.fence) RETURNING 1
                """) > 0
        }
    }

    public func releaseSync(_ lease: SyncLease, finished slot: String?) async throws {
        try await write(lock: nil) { s in
            try await s.run(
                """
                UPDATE sync_leases SET holder = NULL, lease_until = NULL, last_slot = COALESCE(\(slot), last_slot)
                WHERE account = \(lease.account) AND holder = \(lease.holder) AND fence = \(lease.fence)
                """)
        }
    }
}
