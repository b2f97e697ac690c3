import Foundation

/// A PostgreSQL cluster of its own for a test run (postgres.md §3): initdb into a temporary
/// folder, the server on a Unix socket there (nothing listens on TCP), trust for its superuser
/// `hoebi`, stopped and removed by `stop()`. As root (CI) the server runs as `postgres`.
public final class ThrowawayPostgres: @unchecked Sendable {
    public static let bin = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]
        .first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    public let dir: String
    public let port = 5432

    public init() throws {
        guard let bin = Self.bin else { throw Failure("PostgreSQL's server is not installed: bash scripts/setup installs postgresql-15") }
        // A short path: a socket's path must stay under 108 bytes.
        dir = "/tmp/hoebi-pg-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        let root = getuid() == 0
        if root { try Self.run("/bin/chown", ["postgres:", dir]) }
        func asServer(_ command: String, capture: Bool = true) throws {
            if root {
                try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "/bin/sh", "-c", command], capture: capture)
            } else {
                try Self.run("/bin/sh", ["-c", command], capture: capture)
            }
        }
        try asServer("\(bin)/initdb -D '\(dir)/data' -U hoebi --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >/dev/null")
        // The server outlives pg_ctl: none of its output may go to this process's pipes, or
        // reading them would wait for the server to end.
        do {
            try asServer(
                "\(bin)/pg_ctl -D '\(dir)/data' -l '\(dir)/server.log' -w -t 30 -o \"-k '\(dir)' -p \(port) -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start </dev/null >/dev/null 2>'\(dir)/start.err'",
                capture: false
            )
        } catch {
            throw Failure("pg_ctl start: " + ((try? String(contentsOfFile: "\(dir)/start.err", encoding: .utf8)) ?? "\(error)"))
        }
    }

    public func stop() {
        guard let bin = Self.bin else { return }
        let command = "\(bin)/pg_ctl -D '\(dir)/data' -m fast -w stop >/dev/null"
        if getuid() == 0 {
            _ = try? Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "/bin/sh", "-c", command])
        } else {
            _ = try? Self.run("/bin/sh", ["-c", command])
        }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The URL a configuration names this cluster's `database` by (its Unix socket, no password).
    public func url(_ database: String) -> String { "postgres://hoebi@/\(database)?host=\(dir)" }

    /// psql against `database`, unaligned and tuples only; a failing statement stops it with its error.
    @discardableResult public func psql(_ database: String, _ args: [String]) throws -> String {
        try Self.run("/usr/bin/psql", ["-h", dir, "-p", "\(port)", "-U", "hoebi", "-d", database, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", "|"] + args)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ d: String) { description = d }
    }

    /// `capture: false` for a command that leaves a server running: a pipe handed to it would
    /// stay open in the server (Foundation does not close inherited descriptors), so reading it
    /// would never end.
    @discardableResult public static func run(_ tool: String, _ args: [String], capture: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        guard capture else {
            // posix_spawn and waitpid: Foundation's Process does not see a child end whose
            // grandchild (the server) lives on.
            var pid: pid_t = 0
            let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + args).map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            guard posix_spawn(&pid, tool, nil, nil, argv, environ) == 0 else { throw Failure("cannot start \(tool)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            guard status == 0 else { throw Failure("\(tool) \(args.joined(separator: " ")) ended with \(status)") }
            return ""
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure("\(tool) \(args.joined(separator: " ")): \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
