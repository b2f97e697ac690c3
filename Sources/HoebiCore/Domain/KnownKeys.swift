/// Every key `hoebi.json` may hold, by place. An unknown key is refused with its path and the
/// nearest known one; a key written twice is refused too (JSON keeps only one of them, silently).
enum KnownKeys {
    /// Keys by place ("groups[].members[]"); places not listed are free-form maps (`sync`
    /// settings, which each source checks, and `fees` and `categories`, whose keys are words) or plain values.
    static let places: [String: [String]] = [
        "": ["database", "databasePasswordEnv", "databasePasswordFile", "migrations", "groups", "language"],
        "groups[]": [
            "id", "name", "account", "dues", "members", "treasurer", "nonDuesKeywords", "sync", "fees",
            "builtinRules", "defaultNonDuesKeywords", "joinDay", "households", "events", "categories"
        ],
        "groups[].events[]": ["name", "date", "fee", "members", "words", "closed", "cost", "settle"],
        "groups[].account": ["bank", "number", "holder"],
        "groups[].dues": ["cycle", "dueDay", "schedule", "advanceMonths"],
        "groups[].dues.schedule[]": ["from", "amount"],
        "groups[].members[]": ["id", "name", "display", "aliases", "joined", "left", "exempt", "amount", "paused", "cycle"],
        "groups[].members[].paused[]": ["from", "to"],
        "groups[].households[]": ["id", "members", "amount"]
    ]

    static func check(_ root: StrictJSON.Node) -> [ConfigError] {
        var problems: [ConfigError] = []
        func walk(_ node: StrictJSON.Node, place: String, path: String) {
            switch node {
            case .scalar: return
            case .array(let items):
                for (i, item) in items.enumerated() { walk(item, place: place + "[]", path: path + "[\(i)]") }
            case .object(let members):
                guard let known = places[place] else { return }
                var seen: [String: Int] = [:]
                for m in members {
                    let childPath = path.isEmpty ? m.key : path + "." + m.key
                    if let first = seen[m.key] {
                        problems.append(ConfigError(path: childPath, reason: Messages.t("config.twice", first, m.line)))
                        continue
                    }
                    seen[m.key] = m.line
                    guard known.contains(m.key) else {
                        let hint =
                            nearest(m.key, in: known).map { Messages.t("config.didYouMean", $0) }
                            ?? Messages.t("config.knownHere", known.joined(separator: ", "))
                        problems.append(ConfigError(path: childPath, reason: Messages.t("config.unknownKey", m.line, m.column) + hint))
                        continue
                    }
                    walk(m.value, place: place.isEmpty ? m.key : place + "." + m.key, path: childPath)
                }
            }
        }
        walk(root, place: "", path: "")
        return problems
    }

    /// The known key closest in spelling (edit distance, ignoring case), if close enough to be a slip.
    static func nearest(_ key: String, in known: [String]) -> String? {
        let scored = known.map { ($0, EditDistance.between(key, $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, key.count / 3) else { return nil }
        return best
    }
}
