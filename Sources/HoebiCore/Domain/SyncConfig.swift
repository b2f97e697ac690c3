/// How a group's account is synced from a bank API (the `sync` object of a group).
public struct SyncConfig: Sendable, Equatable {
    /// Setting names that are secrets: they may only be given as `<name>Env` or `<name>File`.
    public static let secretNames: Set<String> = ["clientSecret", "appKey", "apiKey", "token", "accountPassword", "loginPassword"]

    public var source: String
    public var baseURL: String
    /// Days fetched again before the last fully synced day (banks post some rows late).
    public var overlapDays: Int
    /// First day to fetch on the very first sync (YYYY-MM-DD); default: the dues schedule's start.
    public var start: String?
    /// Every other setting, as given (account numbers, codes, `…Env`/`…File` secret references).
    public var fields: [String: String]

    public init(source: String, baseURL: String, overlapDays: Int = 3, start: String? = nil, fields: [String: String] = [:]) {
        self.source = source
        self.baseURL = baseURL
        self.overlapDays = overlapDays
        self.start = start
        self.fields = fields
    }

    /// When `hoebi serve` syncs this account (`"schedule"`: cron, or `"every"`: 30m); nil: only on demand.
    public var schedule: SyncSchedule? {
        if let line = fields["schedule"], let c = Cron(line) { return .cron(c) }
        if let e = fields["every"] { return SyncSchedule(every: e) }
        return nil
    }

    /// Problems with these settings, as (field, reason); `sources` are the bank APIs there are
    /// (the registry's names: the core does not know the APIs themselves).
    func problems(sources: [String]) -> [(String, String)] {
        var out: [(String, String)] = []
        if !sources.contains(source) { out.append(("source", Messages.t("sync.badSource", source, sources.joined(separator: ", ")))) }
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) { out.append(("baseURL", Messages.t("sync.badURL"))) }
        if !(0...60).contains(overlapDays) { out.append(("overlapDays", Messages.t("sync.badOverlap"))) }
        if let line = fields["schedule"], Cron(line) == nil {
            out.append(("schedule", Messages.t("config.schedule", line)))
        }
        if let e = fields["every"], SyncSchedule(every: e) == nil { out.append(("every", Messages.t("config.every", e))) }
        if fields["schedule"] != nil && fields["every"] != nil { out.append(("every", Messages.t("config.scheduleAndEvery"))) }
        if let start, SeoulTime(parsing: start) == nil { out.append(("start", Messages.t("sync.badStart", start))) }
        for name in fields.keys where Self.secretNames.contains(name) {
            out.append((name, Messages.t("sync.secretInConfig", name)))
        }
        return out
    }
}
