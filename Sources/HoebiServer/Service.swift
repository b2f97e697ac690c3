import Foundation
import HoebiApp
import HoebiCore
import HoebiSources

/// What the routes share: the configuration, the ledger and the sign-in limiter. Every action goes
/// through the same use cases as the command line (`Ledger`, `SyncEngine`), so both always agree.
public final class HoebiService: Sendable {
    public let config: Configuration
    public let store: any LedgerStore & CredentialStore
    public let configURL: URL
    let limiter = SignInLimiter()
    let syncs = SyncStatus()

    public init(config: Configuration, store: any LedgerStore & CredentialStore, configURL: URL) {
        self.config = config; self.store = store; self.configURL = configURL
    }

    var ledger: Ledger { Ledger(store: store) }

    func group(_ id: String?) -> Group? { config.groups.first { $0.id == id } }

    var databasePath: String {
        let base = configURL.deletingLastPathComponent()
        return config.database.hasPrefix("/") ? config.database : base.appendingPathComponent(config.database).path
    }

    /// This period's report (a year up to it, as `hoebi report`).
    func report(_ g: Group) throws -> Report { try ledger.report(g, from: nil, to: nil) }
}

/// The last scheduled or requested sync of each group, for the overview and `/metrics`.
actor SyncStatus {
    struct Last: Sendable { var at: SeoulTime; var ok: Bool; var summary: String }
    private(set) var last: [String: Last] = [:]
    private(set) var running: Set<String> = []
    func record(_ group: String, _ l: Last) { last[group] = l }
    func get(_ group: String) -> Last? { last[group] }
    func start(_ group: String) -> Bool { running.insert(group).inserted }
    func finish(_ group: String) { running.remove(group) }
}
