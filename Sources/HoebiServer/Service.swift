import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// What the routes share: the configuration, the ledger and the sign-in limiter. Every action goes
/// through the same use cases as the command line (`Ledger`, `SyncEngine`), so both always agree.
public final class HoebiService: Sendable {
    public let store: any LedgerStore & CredentialStore
    public let configURL: URL
    var limiter: SignInLimiter { SignInLimiter(store: store) }
    let logger: Logger

    /// The configuration in force (hoebi.json with the groups kept in the ledger): an immutable
    /// snapshot that `ConfigWatcher` (a lifecycle service beside the server) replaces when the
    /// file or the ledger's stored groups change (another instance's edit included), so the
    /// service and the command line never disagree after an edit. A broken edit keeps the last
    /// good configuration and is reported on the dashboard and in the log. Requests only read it.
    private let state: Mutex<Loaded>
    struct Loaded: Sendable {
        var inForce: ConfigInForce
        var modified: Date?
        var stamp: String?
        var problem: String?
    }

    public init(inForce: ConfigInForce, store: any LedgerStore & CredentialStore, logger: Logger = Logger(label: "hoebi")) {
        self.store = store
        self.configURL = inForce.url
        self.logger = logger
        state = Mutex(Loaded(inForce: inForce, modified: Self.modified(inForce.url)))
    }

    public var config: Configuration { inForce.config }
    public var inForce: ConfigInForce { state.withLock { $0.inForce } }
    /// Why the configuration file's latest version is not in force, if it is not.
    var configProblem: String? { state.withLock { $0.problem } }

    /// Reads the configuration again if the file or the stored groups changed since the last
    /// look; the work is done outside the lock and the result swapped in at once. Called by one
    /// watcher, and by a request that has just written a change (so the next page shows it).
    func reloadIfChanged() async {
        let modified = Self.modified(configURL)
        let stamp = try? await store.storedGroupsStamp()
        let (seenModified, seenStamp) = state.withLock { ($0.modified, $0.stamp) }
        guard modified != seenModified || (stamp != nil && stamp != seenStamp) else { return }
        do {
            guard let data = try? Data(contentsOf: configURL) else { throw AppError.noConfig(configURL.path) }
            let inForce = try ConfigInForce(url: configURL, fileData: data, stored: try await store.storedGroups())
            do {
                try await ConfigLoader.bringUpToDate(store, inForce.config, inForce.fingerprints)
            } catch {
                // The configuration is fine but the ledger could not take it (busy): what was
                // seen stays as it was, so the next look tries again.
                state.withLock { $0.problem = "\(error)" }
                logger.error("configuration not reloaded yet", metadata: ["error": "\(error)"])
                return
            }
            state.withLock { $0 = Loaded(inForce: inForce, modified: modified, stamp: stamp, problem: nil) }
            logger.notice("configuration reloaded", metadata: ["groups": "\(inForce.config.groups.count)"])
        } catch {
            state.withLock {
                $0.modified = modified
                $0.stamp = stamp
                $0.problem = "\(error)"
            }
            logger.error("configuration not reloaded; the previous one stays in force", metadata: ["error": "\(error)"])
        }
    }

    static func modified(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }

    var ledger: Ledger { Ledger(store: store) }

    func group(_ id: String?) -> Group? { config.groups.first { $0.id == id } }

    /// The group, when whoever asks may see it: a group outside a treasurer's scope is answered
    /// as one that does not exist (404), so its name and existence stay theirs.
    func group(_ id: String?, for who: Treasurer?) -> Group? {
        guard let id, who?.scope.allows(id) ?? false else { return nil }
        return group(id)
    }

    /// The groups whoever asks may see.
    func groups(for who: Treasurer?) -> [Group] { config.groups.filter { who?.scope.allows($0.id) ?? false } }

    /// The group a page's path names, or 404 (also for a group outside the treasurer's scope).
    func group(in c: HoebiContext) throws -> Group {
        guard let g = group(c.parameters.get("group"), for: c.treasurer) else { throw HTTPError(.notFound) }
        return g
    }

    /// This period's report (a year up to it, as `hoebi report`).
    func report(_ g: Group) async throws -> Report { try await ledger.report(g, from: nil, to: nil) }
}

/// Looks at the configuration file twice a second and swaps in each good edit
/// (`HoebiService.reloadIfChanged`); runs beside the server and the scheduler until shutdown.
struct ConfigWatcher: Service, CustomStringConvertible {
    let service: HoebiService
    var interval: Duration = .milliseconds(500)
    var description: String { "ConfigWatcher" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil { await service.reloadIfChanged() }
        }
    }
}
