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
            _ = await self.run(g, slot: nil)
            self.done(g.id)
        }
        return true
    }

    private func done(_ id: String) { running.remove(id) }

    enum Outcome: Sendable, Equatable {
        case ok, failed
        /// Another instance finished this slot already.
        case done
        /// Another holder syncs the account now; ask again after this many seconds.
        case held(seconds: Int64)
    }

    /// One sync under the account's lease (and, on a SQLite file, its sync lock); `slot` names
    /// the scheduled run it is, so that of several instances only one syncs it.
    nonisolated func run(_ g: Group, slot: String?) async -> Outcome {
        let started = Date()
        let lock: any SyncLockHold
        do { lock = try await service.store.lockForSync() } catch {
            logger.info("sync skipped: another sync holds the lock", metadata: ["group": "\(g.id)"])
            Metrics.synced(g.id, ok: false, seconds: 0)
            return .held(seconds: 30)
        }
        let outcome: LeasedSync.Outcome
        do {
            outcome = try await LeasedSync.run(g, store: service.store, slot: slot) { [service] in
                try await HTTPTransport.using { transport in
                    await SyncEngine(store: service.store, transport: transport, baseFolder: service.configURL.deletingLastPathComponent()).sync(g)
                }
            }
        } catch {
            withExtendedLifetime(lock) {}
            logger.error("sync failed", metadata: ["group": "\(g.id)", "error": "\(error)"])
            Metrics.synced(g.id, ok: false, seconds: Date().timeIntervalSince(started))
            return .failed
        }
        withExtendedLifetime(lock) {}
        let result: SyncEngine.Result
        switch outcome {
        case .skipped(.done):
            logger.info("sync skipped: another instance synced this slot", metadata: ["group": "\(g.id)"])
            return .done
        case .skipped(.held(let holder, let seconds)):
            logger.info("sync skipped: another instance holds the account", metadata: ["group": "\(g.id)", "holder": "\(holder)"])
            return .held(seconds: seconds)
        case .skipped(.claimed): return .failed
        case .synced(let r): result = r
        }
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
        return ok ? .ok : .failed
    }
}

/// The scheduled syncs: each group with `"schedule"` or `"every"` in its sync settings. A failed
/// sync is retried with backoff (1, 2, 4 … up to 60 minutes, never past the next scheduled run);
/// every start is jittered by up to a minute so that many services do not hit a bank together.
/// Groups scheduled after the start (an edit, a group put into the ledger by `hoebi config import`
/// or another instance) are picked up at the next look, every `rescan`.
struct SyncScheduler: Service, CustomStringConvertible {
    let runner: SyncRunner
    let logger: Logger
    var rescan: Duration = .seconds(10)

    /// Seconds of random delay before each run (HOEBI_SYNC_JITTER; default 60).
    static var jitter: Int64 { ProcessInfo.processInfo.environment["HOEBI_SYNC_JITTER"].flatMap(Int64.init) ?? 60 }

    /// What an error report says of this service: never the groups (they hold members' names).
    var description: String { "SyncScheduler" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // Each child is a group's loop (it returns the group's id when the group is no longer
            // scheduled) or the next look (nil). With nothing scheduled the service still lives
            // until shutdown: a service that returns early would stop the whole process.
            await withTaskGroup(of: String?.self) { tasks in
                var running = Set<String>()
                func look() {
                    for g in runner.service.config.groups where !running.contains(g.id) {
                        guard let schedule = g.sync?.schedule else { continue }
                        running.insert(g.id)
                        tasks.addTask {
                            await loop(g, schedule)
                            return g.id
                        }
                    }
                    tasks.addTask { [rescan] in
                        try? await Task.sleep(for: rescan)
                        return nil
                    }
                }
                look()
                while let finished = await tasks.next() {
                    if let id = finished {
                        running.remove(id)
                    } else if !Task.isCancelled {
                        look()
                    }
                }
            }
        }
    }

    private func loop(_ g: Group, _ schedule: SyncSchedule) async {
        var failures = 0
        var next = schedule.next(after: .now)
        // The slot is the scheduled time: every instance names it alike, so one of them syncs it.
        var slot = next.iso8601
        // A run missed while the service was down (or a ledger never synced) is caught up once,
        // at start, instead of waiting for the next slot; its slot is the one that was missed.
        let last = await (try? runner.service.store.lastSuccessfulSync(of: g)) ?? nil
        if last.map({ schedule.next(after: $0) <= .now }) ?? true {
            next = .now
            slot = last.map { "catch-up " + schedule.next(after: $0).iso8601 } ?? "first"
        }
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
            switch await runner.run(g, slot: slot) {
            case .ok, .done:
                failures = 0
                next = schedule.next(after: .now)
                slot = next.iso8601
            case .held(let seconds):
                // Another instance has it: ask again when its lease could have run out (the slot
                // stays; once that instance finishes it, the next claim is told so).
                next = SeoulTime(epochSeconds: SeoulTime.now.epochSeconds + min(max(1, seconds + 1), 60))
            case .failed:
                failures += 1
                let backoff = min(Int64(60) << min(failures - 1, 6), 3600)
                let scheduled = schedule.next(after: .now)
                next = min(SeoulTime(epochSeconds: SeoulTime.now.epochSeconds + backoff), scheduled)
                if next == scheduled { slot = next.iso8601 }
                logger.warning("sync will be retried", metadata: ["group": "\(g.id)", "at": "\(next.iso8601)"])
            }
        }
    }
}
