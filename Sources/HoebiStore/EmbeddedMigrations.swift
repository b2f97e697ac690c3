extension Migration {
    /// The schema compiled into the binary: `migrations/*.sql`, embedded at build time by the
    /// EmbedFiles plugin, in name order. A copied or linked `hoebi` needs no folder beside it.
    public static let embedded: [Migration] = EmbeddedFiles.files.filter { $0.key.hasSuffix(".sql") }.sorted { $0.key < $1.key }
        .map { Migration(name: String($0.key.dropLast(".sql".count)), sql: $0.value) }
}
