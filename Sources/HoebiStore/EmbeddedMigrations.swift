extension Migration {
    /// The schema compiled into the binary: `migrations/*.sql`, embedded at build time by the
    /// EmbedFiles plugin, in name order. A copied or linked `hoebi` needs no folder beside it.
    public static let embedded: [Migration] = steps(prefix: "")

    /// The same steps in PostgreSQL's dialect (`migrations/postgres/*.sql`), by the same names.
    public static let embeddedPostgres: [Migration] = steps(prefix: "postgres/")

    static func steps(prefix: String) -> [Migration] {
        EmbeddedFiles.files.filter { $0.key.hasSuffix(".sql") && $0.key.hasPrefix(prefix) && !$0.key.dropFirst(prefix.count).contains("/") }
            .sorted { $0.key < $1.key }
            .map { Migration(name: String($0.key.dropFirst(prefix.count).dropLast(".sql".count)), sql: $0.value) }
    }
}
