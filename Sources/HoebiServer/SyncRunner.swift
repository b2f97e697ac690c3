import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import Logging
import ServiceLifecycle

/// Runs a group's sync for the service (on schedule or on request) under the same lock as
/// `hoebi sync`: a command-line sync and the service never sync one ledger at once.
actor SyncRunner {
    let service: HoebiService
    let logger: Logger
    private var running: Set<String> = []

    init(service: HoebiService, logger: Logger) {
        self.service = service
        self.logger = logger
    }

    /// Starts in the background; false when this group's sync is already running.
    func start(_ g: Group, by: String) -> Bool {
        guard running.insert(g.id).inserted else { return false }
        Task {
            _ = await self.run(g)
            self.done(g.id)
        }
        return true
    }

    private func done(_ id: String) { running.remove(id) }

    /// One sync; true when it succeeded.
    nonisolated func run(_ g: Group) async -> Bool {
        let started = Date()
        let lock: any SyncLockHold
        do { lock = try await service.store.lockForSync() } catch {
            logger.info("sync skipped: another sync holds the lock", metadata: ["group": "\(g.id)"])
            Metrics.synced(g.id, ok: false, seconds: 0)
            return false
        }
        let result: SyncEngine.Result
        do {
            result = try await HTTPTransport.using { transport in
                await SyncEngine(store: service.store, transport: transport, baseFolder: service.configURL.deletingLastPathComponent()).sync(g)
            }
        } catch {
            withExtendedLifetime(lock) {}
            logger.error("sync failed", metadata: ["group": "\(g.id)", "error": "\(error)"])
            Metrics.synced(g.id, ok: false, seconds: Date().timeIntervalSince(started))
            return false
        }
        withExtendedLifetime(lock) {}
        let ok = result.error == nil
        // What the treasurer sees anyway: counts and the API's code, never secrets or names.
        logger.info(
            "sync finished",
            metadata: [
                "group": "\(g.id)", "source": "\(result.source)", "new": "\(result.new)",
                "known": "\(result.known)", "ok": "\(ok)", "code": "\(result.error?.code ?? "")"
            ])
        Metrics.synced(g.id, ok: ok, seconds: result.seconds)
        if let m = result.match { Metrics.review(g.id, m.review) }
        if let e = result.noticeError { logger.warning("notice not written", metadata: ["group": "\(g.id)", "error": "\(e)"]) }
        return ok
    }
}

/// The scheduled syncs: each group with `"schedule"` or `"every"` in its sync settings. A failed
/// sync is retried with backoff (1, 2, 4 … up to 60 minutes, never past the next scheduled run);
/// every start is jittered by up to a minute so that many services do not hit a bank together.
struct SyncScheduler: Service, CustomStringConvertible {
    let runner: SyncRunner
    let groups: [Group]
    let logger: Logger

    /// Seconds of random delay before each run (HOEBI_SYNC_JITTER; default 60).
    static var jitter: Int64 { ProcessInfo.processInfo.environment["HOEBI_SYNC_JITTER"].flatMap(Int64.init) ?? 60 }

    /// What an error report says of this service: never the groups (they hold members' names).
    var description: String { "SyncScheduler" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { tasks in
                for g in groups { if let schedule = g.sync?.schedule { tasks.addTask { await loop(g, schedule) } } }
                // With nothing scheduled the service still lives until shutdown: a service that
                // returns early would stop the whole process.
                tasks.addTask { while (try? await Task.sleep(for: .seconds(3600))) != nil {} }
            }
        }
    }

    private func loop(_ g: Group, _ schedule: SyncSchedule) async {
        var failures = 0
        var next = schedule.next(after: .now)
        // A run missed while the service was down (or a ledger never synced) is caught up once,
        // at start, instead of waiting for the next slot.
        let last = await (try? runner.service.store.lastSuccessfulSync(of: g)) ?? nil
        if last.map({ schedule.next(after: $0) <= .now }) ?? true { next = .now }
        while !Task.isCancelled {
            let jitter = Self.jitter > 0 ? Int64.random(in: 0...Self.jitter) : 0
            let wait = max(0, next.epochSeconds + jitter - SeoulTime.now.epochSeconds)
            do { try await Task.sleep(for: .seconds(wait)) } catch { return }
            // The group as the configuration says now (it may have been edited since the start);
            // a group no longer scheduled stops here.
            guard let g = runner.service.group(g.id), let schedule = g.sync?.schedule else {
                logger.notice("scheduled sync stopped: the group is no longer scheduled", metadata: ["group": "\(g.id)"])
                return
            }
            let ok = await runner.run(g)
            if ok {
                failures = 0
                next = schedule.next(after: .now)
            } else {
                failures += 1
                let backoff = min(Int64(60) << min(failures - 1, 6), 3600)
                let scheduled = schedule.next(after: .now)
                next = min(SeoulTime(epochSeconds: SeoulTime.now.epochSeconds + backoff), scheduled)
                logger.warning("sync will be retried", metadata: ["group": "\(g.id)", "at": "\(next.iso8601)"])
            }
        }
    }
}
