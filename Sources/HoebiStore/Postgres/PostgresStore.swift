import Foundation
import HoebiCore
import Logging
import PostgresNIO

/// The ledger on a PostgreSQL server (hosting: many clubs, several service instances, one
/// database). The same guarantees as the SQLite file, kept by other means (postgres.md §1.4):
/// every write transaction first takes a transaction-scoped advisory lock on the account it
/// writes, so two writers of one account queue as they do on SQLite while different clubs never
/// wait for each other; reads of several statements run REPEATABLE READ, so a re-match never
/// pairs deposits and a generation from different moments; ids come from identity columns.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// `client.run()` drives the pool; without it every query waits forever.
    private let running: Task<Void, Never>
    let location: DatabaseLocation
    /// The newest schema step applied, read once at open (after migrating).
    public let schemaVersion: String

    /// Where the data lives, as a person should see it (the URL without its password).
    public var path: String { location.shown }

    /// How long a writer waits for another writer of the same account before giving up.
    static var busySeconds: Double { Store.busySeconds }

    private init(client: PostgresClient, running: Task<Void, Never>, location: DatabaseLocation, logger: Logger, schemaVersion: String) {
        self.client = client
        self.running = running
        self.location = location
        self.logger = logger
        self.schemaVersion = schemaVersion
    }

    deinit { running.cancel() }

    /// Connects and brings the schema up to date (every instance may start at once: the steps
    /// run under one advisory lock, each step and its record in one transaction).
    public static func open(_ location: DatabaseLocation, migrations: [Migration] = Migration.embeddedPostgres) async throws -> PostgresStore {
        var logger = Logger(label: "hoebi.postgres")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: try location.clientConfiguration(), backgroundLogger: logger)
        let running = Task { await client.run() }
        do {
            let version = try await PostgresMigrator(client: client, logger: logger, location: location).migrate(migrations)
            return PostgresStore(client: client, running: running, location: location, logger: logger, schemaVersion: version)
        } catch {
            running.cancel()
            throw PostgresFailure.map(error, location.shown)
        }
    }

    // MARK: Transactions

    /// One write transaction, serialised per account (`lock`): BEGIN, the lock wait bounded like
    /// SQLite's busy timeout, the body, COMMIT; any error rolls everything back. A serialisation
    /// failure or deadlock is tried once more.
    func write<T: Sendable>(lock key: String?, _ body: @escaping @Sendable (Session) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await transaction("BEGIN") { s in
                    try await s.run(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = '\(Int(Self.busySeconds * 1000))ms'"))
                    if let key { try await s.run("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))") }
                    return try await body(s)
                }
            } catch {
                if attempt == 0, PostgresFailure.isRetryable(error) {
                    attempt += 1
                    continue
                }
                throw PostgresFailure.map(error, location.shown)
            }
        }
    }

    /// A read of one consistent moment (REPEATABLE READ, read only).
    func read<T: Sendable>(_ body: @escaping @Sendable (Session) async throws -> T) async throws -> T {
        do {
            return try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
        } catch { throw PostgresFailure.map(error, location.shown) }
    }

    /// `begin`, the body, COMMIT on one pooled connection; any error rolls it back (and is
    /// thrown as the driver gave it, for the caller to judge and map).
    private func transaction<T: Sendable>(_ begin: PostgresQuery, _ body: @escaping @Sendable (Session) async throws -> T) async throws -> T {
        try await Self.shielded { [client, logger] in
            try await client.withConnection { conn in
                let s = Session(conn: conn, logger: logger)
                try await s.run(begin)
                do {
                    let result = try await body(s)
                    try await s.run("COMMIT")
                    return result
                } catch {
                    try? await s.run("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs a transaction to its end even when the task that asked is cancelled (a browser that
    /// went away mid-request): an unstructured task does not inherit the cancellation, so the
    /// COMMIT or ROLLBACK is always sent and no pooled connection is handed on mid-transaction.
    static func shielded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await Task { try await body() }.value
    }

    /// The advisory lock key of an account's writes.
    static func key(account: String) -> String { "hoebi:account:" + account }
    static func key(_ group: Group) -> String { key(account: group.account.key) }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}

/// One connection inside a transaction, with the few calls the store makes.
struct Session: Sendable {
    let conn: PostgresConnection
    let logger: Logger

    func run(_ q: PostgresQuery) async throws { _ = try await conn.query(q, logger: logger).collect() }

    func rows(_ q: PostgresQuery) async throws -> [PostgresRow] { try await conn.query(q, logger: logger).collect() }

    /// The first column of the first row, when there is one.
    func one<T: PostgresDecodable>(_ q: PostgresQuery, as: T.Type = T.self) async throws -> T? where T._DecodableType == T {
        guard let r = try await rows(q).first else { return nil }
        return try r.decode(T?.self) ?? nil
    }

    /// How many rows a statement with `RETURNING 1` touched.
    func count(_ q: PostgresQuery) async throws -> Int { try await rows(q).count }
}

/// A stored time (timestamptz) read back: the store selects `extract(epoch …)::bigint`.
extension SeoulTime {
    init(stored epoch: Int64) { self.init(epochSeconds: epoch) }
}
