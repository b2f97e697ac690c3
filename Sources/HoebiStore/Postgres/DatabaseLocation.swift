import Foundation
import HoebiCore
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL ledger is: `postgres://user@host:5432/hoebi?sslmode=require`, or on a Unix
/// socket `postgres://user@/hoebi?host=/run/postgresql` (libpq's spelling). The password never
/// sits in the configuration file: it comes from an environment variable or a file, as every
/// other secret (a password written in the URL is accepted from the environment only).
public struct DatabaseLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// A Unix socket's folder (`host=/…`): then `host` is unused.
    public var socketFolder: String?
    public var user: String
    public var database: String
    public var password: String?
    public enum TLSMode: String, Sendable { case disable, prefer, require }
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// Parses the URL; the password comes from `password` (read by the caller from `…Env`/`…File`)
    /// or the URL itself.
    public init(url text: String, password: String? = nil) throws {
        guard Self.isURL(text), let c = URLComponents(string: text) else { throw StoreError.io(Self.hide(text), Messages.t("error.databaseURL")) }
        let query = Dictionary((c.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { a, _ in a }
        host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = c.port ?? Int(query["port"] ?? "") ?? 5432
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        user = c.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        self.password = password ?? c.password.flatMap { $0.removingPercentEncoding }
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? (socketFolder == nil ? "prefer" : "disable")) else {
            throw StoreError.io(Self.hide(text), Messages.t("error.databaseSSL", query["sslmode"] ?? ""))
        }
        tls = mode
    }

    /// The URL as messages show it: no password.
    public var shown: String {
        let at = socketFolder.map { "/\(database)?host=\($0)" } ?? "\(host):\(port)/\(database)"
        return "postgres://\(user)@" + (socketFolder == nil ? at : at)
    }

    static func hide(_ text: String) -> String {
        guard var c = URLComponents(string: text) else { return "postgres://…" }
        if c.password != nil { c.password = "***" }
        return c.string ?? "postgres://…"
    }

    func clientConfiguration() throws -> PostgresClient.Configuration {
        var config: PostgresClient.Configuration
        if let socketFolder {
            config = .init(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch self.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(.makeClientConfiguration())
            case .require: tls = .require(.makeClientConfiguration())
            }
            config = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        config.options.connectTimeout = .seconds(10)
        config.options.maximumConnections = 8
        return config
    }
}
