import Foundation
import HoebiCore
import HoebiSources

/// Pulls each synced account's history into the store: from the last fully covered day minus an
/// overlap (late-posted rows) up to today, in the ranges the source accepts. Every page is stored
/// as it arrives, so a failure keeps what was fetched, and the next run resumes from the last
/// whole range; the row identities make the overlap add nothing.
public struct SyncEngine: Sendable {
    public let store: any LedgerStore & CredentialStore
    public let transport: HTTPTransport
    /// Folder that relative `…File` secret paths are read from (the configuration's folder).
    public let baseFolder: URL

    public init(store: any LedgerStore & CredentialStore, transport: HTTPTransport, baseFolder: URL) {
        self.store = store
        self.transport = transport
        self.baseFolder = baseFolder
    }

    public struct Result: Sendable {
        public var group: String
        public var source: String
        public var from: String = ""
        public var to: String = ""
        public var new = 0
        public var known = 0
        public var pages = 0
        /// Pages the bank sent again under a new cursor (their rows were not stored twice).
        public var repeatedPages = 0
        public var seconds = 0.0
        public var breaks = 0
        public var error: SourceError?
        public var match: Ledger.MatchSummary?
        /// The bank's balance now and the ledger's latest balance, when the API reports one.
        public var bankBalance: Won?
        public var ledgerBalance: Won?
        /// The notice file written after the sync (`"notice"` in the sync settings), or why it was not.
        public var noticeFile: String?
        public var noticeError: String?
        /// True when both are known and differ: a row is missing or the history is still moving.
        public var balanceMismatch: Bool { bankBalance != nil && ledgerBalance != nil && bankBalance != ledgerBalance }
    }

    /// The adapter settings for a group: plain fields as given, `xEnv`/`xFile` as secrets.
    public func settings(_ sync: SyncConfig) -> SourceSettings {
        var secrets: [String: Secret] = [:]
        for (k, v) in sync.fields {
            if k.hasSuffix("Env") { secrets[String(k.dropLast(3))] = Secret(env: v) }
            if k.hasSuffix("File") {
                secrets[String(k.dropLast(4))] = Secret(file: v.hasPrefix("/") ? v : baseFolder.appendingPathComponent(v).path)
            }
        }
        if let id = sync.fields["clientId"], secrets["clientId"] == nil { secrets["clientId"] = Secret(literalForSandbox: id) }
        return SourceSettings(source: sync.source, baseURL: sync.baseURL, fields: sync.fields, secrets: secrets)
    }

    public func sync(
        _ group: Group, since: String? = nil, today: SeoulTime = .now,
        progress: @Sendable (String) -> Void = { _ in }
    ) async -> Result {
        guard let config = group.sync else {
            return Result(group: group.id, source: "-", error: SourceError("config", .rejected, code: "sync", "group '\(group.id)' has no sync settings"))
        }
        var result = Result(group: group.id, source: config.source)
        let started = Date()
        let account = group.account.key
        let end = Days.string(today)
        let yesterday = Days.shift(end, by: -1) ?? end
        var start: String
        if let since {
            start = since.filter(\.isNumber)
        } else if let covered = try? await store.coveredUntil(account: account, source: config.source) {
            start = Days.shift(covered, by: 1 - config.overlapDays) ?? covered
        } else if let first = config.start {
            start = first.filter(\.isNumber)
        } else {
            start = String(format: "%04d%02d01", group.firstPeriod.year, group.firstPeriod.month)
        }
        result.from = start
        result.to = end
        var runID: Int64?
        do {
            let source = try Sources.make(settings(config), transport: transport, credentials: store)
            let run = try await store.beginRun(group: group, kind: .sync, source: config.source)
            runID = run
            var counter = IdentityCounter()
            var seenPages = Set<String>()
            var chunkStart = start
            while chunkStart <= end {
                let chunkEnd = min(end, Days.shift(chunkStart, by: source.maxDays - 1) ?? end)
                progress(Messages.t("progress.sync", group.id, config.source, chunkStart, chunkEnd))
                let pages = try await source.fetch(account: account, from: chunkStart, to: chunkEnd) { page in
                    let counts = try await store.insertPage(runID: run, transactions: page.transactions, counter: &counter, seenPages: &seenPages)
                    if counts.repeated { result.repeatedPages += 1 }
                    result.new += counts.new
                    result.known += counts.known
                    progress(Messages.t("progress.syncDone", group.id, config.source, chunkStart, chunkEnd, result.new, result.known))
                }
                result.pages += pages
                // Only whole days before today count as covered: today may still gain rows.
                try await store.setCoveredUntil(account: account, source: config.source, min(chunkEnd, yesterday))
                guard let next = Days.after(chunkEnd) else { break }
                chunkStart = next
            }
            result.bankBalance = try? await source.balance()
            let repeats = result.repeatedPages > 0 ? "; the bank sent \(result.repeatedPages) page(s) again under a new cursor, not stored twice" : ""
            try await store.finishRun(run, new: result.new, known: result.known, status: .ok, message: "\(result.pages) pages" + repeats)
        } catch {
            let e = error as? SourceError ?? SourceError(config.source, .transient, code: "error", "\(error)")
            result.error = e
            if let runID { try? await store.finishRun(runID, new: result.new, known: result.known, status: .failed, message: e.description) }
        }
        // Whatever arrived is matched, also after a failure halfway.
        if result.new > 0 || result.error == nil {
            result.match = try? await Ledger(store: store).rematch(group)
            // Checked on from the last check: a daily sync reads its own rows, not the ledger's.
            if let check = try? await Ledger(store: store).balanceCheck(group) {
                result.breaks = check.breaks.count
                result.ledgerBalance = check.last?.balance
            }
        }
        if result.error == nil {
            do { result.noticeFile = try await Ledger(store: store).writeNotice(for: group, baseFolder: baseFolder, now: today) } catch {
                result.noticeError = "\(error)"
            }
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }
}
