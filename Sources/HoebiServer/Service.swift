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

    /// The configuration in force: an immutable snapshot that `ConfigWatcher` (a lifecycle service
    /// beside the server) replaces when the file changes, so the service and the command line
    /// never disagree after an edit. A broken edit keeps the last good configuration and is
    /// reported on the dashboard and in the log. Requests only read the snapshot.
    private let state: Mutex<Loaded>
    struct Loaded: Sendable {
        var config: Configuration
        var modified: Date?
        var problem: String?
    }

    public init(config: Configuration, store: any LedgerStore & CredentialStore, configURL: URL, logger: Logger = Logger(label: "hoebi")) {
        self.store = store
        self.configURL = configURL
        self.logger = logger
        state = Mutex(Loaded(config: config, modified: Self.modified(configURL)))
    }

    public var config: Configuration { state.withLock { $0.config } }
    /// Why the configuration file's latest version is not in force, if it is not.
    var configProblem: String? { state.withLock { $0.problem } }

    /// Reads the file again if it changed since the last look; the work is done outside the lock
    /// and the result swapped in at once. Called by one watcher only.
    func reloadIfChanged() async {
        let modified = Self.modified(configURL)
        guard modified != state.withLock({ $0.modified }) else { return }
        do {
            let (config, fingerprints) = try ConfigLoader.load(configURL)
            do {
                try await ConfigLoader.bringUpToDate(store, config, fingerprints)
            } catch {
                // The file is fine but the ledger could not take it (busy): `modified` stays as
                // it was, so the next look tries again.
                state.withLock { $0.problem = "\(error)" }
                logger.error("configuration not reloaded yet", metadata: ["error": "\(error)"])
                return
            }
            state.withLock { $0 = Loaded(config: config, modified: modified, problem: nil) }
            logger.notice("configuration reloaded", metadata: ["groups": "\(config.groups.count)"])
        } catch {
            state.withLock {
                $0.modified = modified
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

    /// The group a page's path names, or 404.
    func group(in c: HoebiContext) throws -> Group {
        guard let g = group(c.parameters.get("group")) else { throw HTTPError(.notFound) }
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
