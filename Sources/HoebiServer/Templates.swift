/// The dashboard's views, from the files in `Views/` (embedded into the binary at build time by
/// the EmbedFiles plugin, so a copied `hoebi` serves its pages without a folder beside it).
/// `{{{…}}}` is only used for HTML that Hoebi itself built (the grid); everything else is escaped.
enum Templates {
    /// The Mustache templates by name ("overview" for Views/overview.mustache).
    static let all: [String: String] = Dictionary(
        uniqueKeysWithValues: EmbeddedFiles.files.filter { $0.key.hasSuffix(".mustache") }.map { (String($0.key.dropLast(".mustache".count)), $0.value) })

    static let css = EmbeddedFiles.files["dashboard.css"] ?? ""
}
