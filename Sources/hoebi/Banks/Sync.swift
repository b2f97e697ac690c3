import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import HoebiWiring

extension Hoebi {
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("sync"),
            discussion: Messages.help("sync.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("Fetch from this day (YYYY-MM-DD) instead of the last synced day.")) var since: String?
        @Flag(help: h("Print the result as JSON lines.")) var json = false

        func run() async throws {
            Messages.language = Language.from(environment: ProcessInfo.processInfo.environment)
            let ws: Workspace
            let groups: [Group]
            do {
                // The sync lock first: a second sync says so at once (exit 75) instead of waiting.
                ws = try await Workspace.open(config: common.config, access: .sync)
                Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
                groups = try common.group.map { [try ws.config.group($0)] } ?? ws.config.groups.filter { $0.sync != nil }
                if let since, SeoulTime(parsing: since) == nil { throw AppError.usage(Messages.t("error.day", "--since", since)) }
                guard !groups.isEmpty else { throw AppError.usage(Messages.t("error.noSync")) }
            }
            for w in ws.notes { printErr(Messages.t("warning", w) + "\n") }
            let json = self.json, since = self.since
            let failed = try await HTTPTransport.using { transport in
                let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: ws.configURL.deletingLastPathComponent())
                var failed = false
                for g in groups {
                    // Under the account's lease: a service instance (or another shell) syncing it
                    // now is said at once (exit 75), as the file lock says it for a SQLite ledger.
                    let r: SyncEngine.Result
                    switch try await LeasedSync.run(
                        g, store: ws.store, slot: nil, body: { await engine.sync(g, since: since) { line in progress(line + "   ") } })
                    {
                    case .synced(let result): r = result
                    case .skipped(.held(let holder, _)): throw StoreError.syncRunning(holder)
                    case .skipped: continue
                    }
                    if isatty(2) != 0 { printErr("\r\u{1B}[K") }
                    failed = failed || r.error != nil
                    if json {
                        var doc: [String: Any] = [
                            "group": r.group, "source": r.source, "from": r.from, "to": r.to, "new": r.new, "known": r.known,
                            "pages": r.pages, "seconds": (r.seconds * 100).rounded() / 100, "breaks": r.breaks
                        ]
                        if let b = r.bankBalance { doc["bankBalance"] = b }
                        if let b = r.ledgerBalance { doc["ledgerBalance"] = b }
                        if r.repeatedPages > 0 { doc["repeatedPages"] = r.repeatedPages }
                        if let e = r.error { doc["error"] = ["code": e.code, "kind": e.kind.rawValue, "message": e.message] }
                        if let f = r.noticeFile { doc["notice"] = f }
                        if let e = r.noticeError { doc["noticeError"] = e }
                        printOut(String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]), as: UTF8.self) + "\n")
                    } else {
                        var line = Messages.t("sync.line", r.group, r.source, r.from, r.to, r.new, r.known, r.pages, String(format: "%.1f", r.seconds))
                        if let m = r.match { line += Messages.t("sync.matched", m.allocated, m.review) }
                        if r.breaks > 0 { line += Messages.t("sync.breaks", r.breaks) }
                        if let bank = r.bankBalance, let ledger = r.ledgerBalance {
                            line +=
                                r.balanceMismatch
                                ? Messages.t("sync.balanceMismatch", bank.grouped, ledger.grouped) : Messages.t("sync.balanceAgrees", bank.grouped)
                        }
                        if r.repeatedPages > 0 { line += Messages.t("sync.repeated", r.repeatedPages) }
                        if let e = r.error { line += Messages.t("sync.failed", e) + (e.kind == .needsUser ? "" : Messages.t("sync.resumes")) }
                        printOut(line + "\n")
                        if let f = r.noticeFile { printOut(Messages.t("sync.notice", f) + "\n") }
                        if let e = r.noticeError { printErr(Messages.t("sync.noticeFailed", e) + "\n") }
                    }
                }
                return failed
            }
            withExtendedLifetime(ws.lock) {}
            if failed { throw ExitCode(1) }
        }
    }
}
