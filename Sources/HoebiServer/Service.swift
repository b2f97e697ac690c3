import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import Hummingbird
import Logging
import Synchronization

/// What the routes share: the configuration, the ledger and the sign-in limiter. Every action goes
/// through the same use cases as the command line (`Ledger`, `SyncEngine`), so both always agree.
public final class HoebiService: Sendable {
    public let store: any LedgerStore & CredentialStore
    public let configURL: URL
    let limiter = SignInLimiter()
    let syncs = SyncStatus()
    let logger: Logger

    /// The configuration in force, re-read when its file changes (looked at once a second at most),
    /// so the service and the command line never disagree after an edit. A broken edit keeps the
    /// last good configuration and is reported on the dashboard and in the log.
    private let state: Mutex<Loaded>
    struct Loaded: Sendable {
        var config: Configuration
        var modified: Date?
        var checked = Date()
        var problem: String?
    }

    public init(config: Configuration, store: any LedgerStore & CredentialStore, configURL: URL, logger: Logger = Logger(label: "hoebi")) {
        self.store = store
        self.configURL = configURL
        self.logger = logger
        state = Mutex(Loaded(config: config, modified: Self.modified(configURL)))
    }

    public var config: Configuration { current().config }
    /// Why the configuration file's latest version is not in force, if it is not.
    var configProblem: String? { current().problem }

    private func current() -> Loaded {
        state.withLock { s in
            let now = Date()
            guard now.timeIntervalSince(s.checked) >= 1 else { return s }
            s.checked = now
            let modified = Self.modified(configURL)
            guard modified != s.modified else { return s }
            let previous = s.modified
            s.modified = modified
            do {
                let (config, fingerprints) = try ConfigLoader.load(configURL)
                do {
                    try ConfigLoader.bringUpToDate(store, config, fingerprints)
                } catch {
                    // The file is fine but the ledger was busy: try again at the next look.
                    s.modified = previous
                    throw error
                }
                s.config = config
                s.problem = nil
                logger.notice("configuration reloaded", metadata: ["groups": "\(config.groups.count)"])
            } catch {
                s.problem = "\(error)"
                logger.error("configuration not reloaded; the previous one stays in force", metadata: ["error": "\(error)"])
            }
            return s
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
    func report(_ g: Group) throws -> Report { try ledger.report(g, from: nil, to: nil) }
}

/// The last scheduled or requested sync of each group, for the overview and `/metrics`.
actor SyncStatus {
    struct Last: Sendable {
        var at: SeoulTime
        var ok: Bool
        var summary: String
    }
    private(set) var last: [String: Last] = [:]
    private(set) var running: Set<String> = []
    func record(_ group: String, _ l: Last) { last[group] = l }
    func get(_ group: String) -> Last? { last[group] }
    func start(_ group: String) -> Bool { running.insert(group).inserted }
    func finish(_ group: String) { running.remove(group) }
}
