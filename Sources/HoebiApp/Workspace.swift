import Foundation
import HoebiCore
import HoebiStore

/// Where things are: the configuration file, the database it names, and the migrations folder.
public struct Workspace: Sendable {
    public var configURL: URL
    public var config: Configuration
    public var store: Store

    /// Loads `path` (or `$HOEBI_CONFIG`, or `./hoebi.json`), then opens the database it names,
    /// relative to the configuration file's folder.
    public static func open(config path: String?) throws -> Workspace {
        let env = ProcessInfo.processInfo.environment
        let chosen = path ?? env["HOEBI_CONFIG"] ?? "hoebi.json"
        let url = URL(fileURLWithPath: chosen)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AppError.noConfig(url.path)
        }
        let config: Configuration
        do { config = try Configuration.parse(try Data(contentsOf: url)) } catch let e as ConfigErrors {
            throw AppError.badConfig(url.path, e)
        }
        let base = url.deletingLastPathComponent()
        let dbPath = config.database.hasPrefix("/") ? config.database : base.appendingPathComponent(config.database).path
        let migrations = try findMigrations(configured: config.migrations.map {
            $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : base.appendingPathComponent($0)
        })
        let store = try Store(path: dbPath, migrations: migrations)
        for g in config.groups { try store.register(g) }
        return Workspace(configURL: url, config: config, store: store)
    }

    /// The migrations folder: from the config, `$HOEBI_MIGRATIONS`, `./migrations`, or beside the
    /// executable (or a few folders above it, which covers `swift run` and `.build/…/hoebi`).
    public static func findMigrations(configured: URL?) throws -> URL {
        var candidates: [URL] = []
        if let configured { candidates.append(configured) }
        if let env = ProcessInfo.processInfo.environment["HOEBI_MIGRATIONS"] { candidates.append(URL(fileURLWithPath: env)) }
        candidates.append(URL(fileURLWithPath: "migrations"))
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("migrations"))
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            if let files = try? FileManager.default.contentsOfDirectory(atPath: c.path), files.contains(where: { $0.hasSuffix(".sql") }) {
                return c
            }
        }
        throw AppError.noMigrations(candidates.map(\.path))
    }
}

public enum AppError: Error, CustomStringConvertible {
    case noConfig(String)
    case badConfig(String, ConfigErrors)
    case noMigrations([String])
    case usage(String)
    case busy(String)

    public var description: String {
        switch self {
        case .noConfig(let p):
            return "no configuration at \(p)\n  hint: copy config.example.json to hoebi.json and edit it, or pass --config FILE (or set HOEBI_CONFIG)"
        case .badConfig(let p, let e): return "\(p): \(e)"
        case .noMigrations(let tried):
            return "cannot find the migrations folder (tried: \(tried.joined(separator: ", ")))\n  hint: set \"migrations\" in the config or HOEBI_MIGRATIONS"
        case .usage(let s), .busy(let s): return s
        }
    }
}
