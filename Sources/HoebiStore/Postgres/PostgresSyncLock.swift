import HoebiCore
import Logging
import NIOPosix
import PostgresNIO

/// A held PostgreSQL session advisory lock: its own connection, closed (and the lock with it)
/// when the value goes away.
final class PostgresSyncLock: SyncLockHold, Sendable {
    private let connection: PostgresConnection

    private init(_ connection: PostgresConnection) { self.connection = connection }

    static func take(_ location: DatabaseLocation, key: String, logger: Logger) async throws -> PostgresSyncLock {
        let config = try location.clientConfiguration()
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: location.connectionConfiguration(),
                id: Int.random(in: 1...Int.max), logger: logger)
            _ = config
            let got = try await connection.query("SELECT pg_try_advisory_lock(hashtextextended(\(key), 0))", logger: logger).collect().first?.decode(Bool.self)
            guard got == true else {
                try? await connection.close()
                throw StoreError.syncRunning(location.shown)
            }
            return PostgresSyncLock(connection)
        } catch { throw PostgresFailure.map(error, location.shown) }
    }

    deinit {
        let connection = connection
        Task { try? await connection.close() }
    }
}

extension DatabaseLocation {
    /// One connection's settings (the sync lock's), the same place as the pool's.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            return .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try .init(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try .init(configuration: .makeClientConfiguration()))
        }
        return .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
