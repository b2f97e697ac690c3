import Foundation
import HoebiApp
import HoebiCore
import HoebiStore

/// Where things are: the configuration file and the database it names. The composition root:
/// the one place that picks the engine (a SQLite file, `Store`, with its file-based sync lock; or
/// a PostgreSQL database, `PostgresStore`, with its advisory sync lock).
public struct Workspace: Sendable {
    /// hoebi.json with the groups kept in the ledger (`ConfigInForce`); `config` is its result.
    public var inForce: ConfigInForce
    public var config: Configuration { inForce.config }
    public var store: any LedgerStore & CredentialStore
    /// The SQLite engine behind `store`, for what inspects the file itself (tests, the benchmark);
    /// nil when the ledger lives elsewhere.
    public var sqliteStore: Store? { store as? Store }
    /// Held for the workspace's lifetime when opened with `access: .sync`.
    public var lock: (any SyncLockHold)?
    /// What the person should know about how the ledger was opened.
    public var notes: [String] = []

    public var configURL: URL { inForce.url }

    init(inForce: ConfigInForce, store: any LedgerStore & CredentialStore, lock: (any SyncLockHold)? = nil, notes: [String] = []) {
        self.inForce = inForce
        self.store = store
        self.lock = lock
        self.notes = notes
    }

    /// What a command does with the ledger. Readers open it read-only and write nothing, unless
    /// the ledger first needs bringing up to date (a new database, a schema upgrade, a changed
    /// configuration, or a re-match an interrupted import left owed): then they do that as a
    /// writer, once, and go on reading.
    public enum Access: Sendable {
        case read, write
        /// A writer that first takes the sync lock (before touching the database), so a second
        /// sync gives up at once (exit 75) instead of waiting for the database.
        case sync
    }

    /// Loads `path` (or `$HOEBI_CONFIG`, or `./hoebi.json`), then opens the database it names:
    /// a SQLite file relative to the configuration file's folder, or a PostgreSQL URL (the
    /// configuration's `database`, or `$HOEBI_DATABASE_URL`, which wins).
    public static func open(config path: String?, access: Access = .write) async throws -> Workspace {
        let (url, data, fileConfig, dbPath, migrations) = try located(config: path)
        if let location = try postgres(fileConfig, base: url.deletingLastPathComponent()) {
            return try await openPostgres(location, url: url, data: data, fileConfig: fileConfig, access: access)
        }
        let reader = access == .read ? try? Store(path: dbPath, migrations: migrations, access: .readOnly) : nil
        if let reader {
            let inForce = try ConfigInForce(url: url, fileData: data, stored: try reader.storedGroups(), fileConfig: fileConfig)
            if try inForce.config.groups.allSatisfy({ try reader.isCurrent($0, fingerprint: inForce.fingerprints[$0.id] ?? "") }) {
                return Workspace(inForce: inForce, store: reader, notes: reader.warnings + inForce.notes)
            }
        }
        let held = access == .sync ? try SyncLock(database: dbPath) : nil
        do {
            let store = try Store(path: dbPath, migrations: migrations, access: .readWrite)
            // With the sync lock free no sync is running, so a run still 'running' belongs to a dead
            // process. (The lock is only tried when such a run exists, so a starting sync rarely meets it.)
            if try store.hasRunningRuns(), let lock = held ?? (try? SyncLock(database: dbPath)) {
                try store.markInterruptedRuns()
                withExtendedLifetime(lock) {}
            }
            let inForce = try ConfigInForce(url: url, fileData: data, stored: try store.storedGroups(), fileConfig: fileConfig)
            try await ConfigLoader.bringUpToDate(store, inForce.config, inForce.fingerprints)
            return Workspace(inForce: inForce, store: store, lock: held, notes: store.warnings + inForce.notes)
        } catch StoreError.readOnlyFile(let p) {
            // A ledger this user may only read can still be reported from: what is not matched
            // yet is listed for review instead of being brought up to date.
            guard let reader else { throw StoreError.readOnlyFile(p) }
            let inForce = try ConfigInForce(url: url, fileData: data, stored: try reader.storedGroups(), fileConfig: fileConfig)
            var ws = Workspace(inForce: inForce, store: reader, notes: reader.warnings + inForce.notes)
            ws.notes.append(Messages.t("warning.readOnly", p))
            return ws
        }
    }

    /// The configuration in force without opening a ledger that is not there yet: a SQLite file
    /// not made yet holds no groups, so hoebi.json alone is in force (what `member add` before
    /// the first import edits). Otherwise the ledger is opened as `open` does.
    public static func settings(config path: String?, access: Access = .write) async throws -> (inForce: ConfigInForce, store: (any LedgerStore)?) {
        let (url, data, fileConfig, dbPath, _) = try located(config: path)
        if try postgres(fileConfig, base: url.deletingLastPathComponent()) == nil, !FileManager.default.fileExists(atPath: dbPath) {
            return (try ConfigInForce(url: url, fileData: data, stored: [], fileConfig: fileConfig), nil)
        }
        let ws = try await open(config: path, access: access)
        return (ws.inForce, ws.store)
    }

    /// A PostgreSQL ledger: migrated at open (under the server's advisory lock). Runs left
    /// `running` by a dead process are closed by the next claim of their account's sync lease
    /// (no lock here could tell that no instance anywhere is syncing).
    static func openPostgres(_ location: DatabaseLocation, url: URL, data: Data, fileConfig: Configuration, access: Access) async throws -> Workspace {
        let store = try await PostgresStore.open(location)
        let inForce = try ConfigInForce(url: url, fileData: data, stored: try await store.storedGroups(), fileConfig: fileConfig)
        try await ConfigLoader.bringUpToDate(store, inForce.config, inForce.fingerprints)
        return Workspace(inForce: inForce, store: store, notes: inForce.notes)
    }

    /// The PostgreSQL database the configuration (or `$HOEBI_DATABASE_URL`) names, with its
    /// password from `databasePasswordEnv` or `databasePasswordFile`; nil for a SQLite file.
    static func postgres(_ config: Configuration, base: URL) throws -> DatabaseLocation? {
        let env = ProcessInfo.processInfo.environment
        let fromEnv = env["HOEBI_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text = fromEnv ?? (DatabaseLocation.isURL(config.database) ? config.database : nil) else { return nil }
        var password: String?
        if let name = config.databasePasswordEnv {
            guard let v = env[name], !v.isEmpty else { throw ConfigError(path: "databasePasswordEnv", reason: Messages.t("src.envMissing", "database", name)) }
            password = v
        } else if let file = config.databasePasswordFile {
            let path = file.hasPrefix("/") ? file : base.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigError(path: "databasePasswordFile", reason: Messages.t("src.fileUnreadable", "database", path))
            }
            password = String(text.split(whereSeparator: \.isNewline).first ?? "")
        }
        // A password inside a URL is taken only from the environment, never from hoebi.json.
        if fromEnv == nil, let c = URLComponents(string: text), c.password != nil {
            throw ConfigError(path: "database", reason: Messages.t("config.databasePassword"))
        }
        return try DatabaseLocation(url: text, password: password)
    }

    /// The configuration file (`path`, `$HOEBI_CONFIG` or `./hoebi.json`) read and checked on its
    /// own, and the database and schema it names, relative to its folder. (The groups in force
    /// are known once the ledger is open: `ConfigInForce`.)
    static func located(config path: String?) throws -> (
        url: URL, data: Data, config: Configuration, database: String, migrations: [Migration]
    ) {
        let url = URL(fileURLWithPath: path ?? ProcessInfo.processInfo.environment["HOEBI_CONFIG"] ?? "hoebi.json")
        guard FileManager.default.fileExists(atPath: url.path) else { throw AppError.noConfig(url.path) }
        guard let data = try? Data(contentsOf: url) else { throw AppError.noConfig(url.path) }
        let config: Configuration
        do { config = try ConfigLoader.parse(data) } catch let e as ConfigErrors { throw AppError.badConfig(url.path, e) }
        let base = url.deletingLastPathComponent()
        let database = config.database.hasPrefix("/") ? config.database : base.appendingPathComponent(config.database).path
        let migrations = try migrationSteps(
            configured: config.migrations.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : base.appendingPathComponent($0) })
        return (url, data, config, database, migrations)
    }

    /// The schema steps: compiled into the binary (so a copied or symlinked `hoebi` works
    /// anywhere), or a folder named by the config's `migrations` or `$HOEBI_MIGRATIONS` when a
    /// developer is trying out an edited schema.
    public static func migrationSteps(configured: URL?) throws -> [Migration] {
        let env = ProcessInfo.processInfo.environment["HOEBI_MIGRATIONS"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        guard let dir = configured ?? env else {
            return Migration.embedded
        }
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path), files.contains(where: { $0.hasSuffix(".sql") }) else {
            throw AppError.noMigrations([dir.path])
        }
        return try Migration.folder(dir)
    }
}

extension Workspace {
    /// A copy of the ledger in a private temporary folder, to try a change on and throw away
    /// (`import --dry-run`): whatever the copy goes through, the real ledger is only read. A
    /// ledger not made yet is tried on an empty one. `cleanup` removes the copy.
    public static func scratch(config path: String?) async throws -> (workspace: Workspace, cleanup: @Sendable () -> Void) {
        let (url, data, fileConfig, dbPath, migrations) = try located(config: path)
        if let location = try postgres(fileConfig, base: url.deletingLastPathComponent()) {
            throw StoreError.refused(Messages.t("error.postgresPreview", location.shown))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let cleanup: @Sendable () -> Void = { try? FileManager.default.removeItem(at: dir) }
        do {
            let copy = dir.appendingPathComponent("preview.sqlite").path
            if FileManager.default.fileExists(atPath: dbPath) {
                try Store(path: dbPath, migrations: migrations, access: .readOnly).backup(to: copy)
            }
            let store = try Store(path: copy, migrations: migrations, access: .readWrite)
            let inForce = try ConfigInForce(url: url, fileData: data, stored: try store.storedGroups(), fileConfig: fileConfig)
            try await ConfigLoader.bringUpToDate(store, inForce.config, inForce.fingerprints)
            return (Workspace(inForce: inForce, store: store), cleanup)
        } catch {
            cleanup()
            throw error
        }
    }
}
