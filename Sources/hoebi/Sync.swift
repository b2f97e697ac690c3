import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiSources

extension Hoebi {
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("sync"),
            discussion: """
            Fetches from the last fully synced day minus the group's overlapDays (default 3) up to
            today, in ranges the bank accepts; pages are stored as they arrive, so an interrupted
            sync keeps what it fetched and resumes next time. Re-fetched rows add nothing.
            Groups sync when their configuration has a "sync" object (see the README). One sync
            runs per database at a time. Exit code 1 when any account failed (the others still ran).
            Try it against the local bank: hoebi sandbox, then hoebi sync.
            """)
        @OptionGroup var common: Common
        @Option(help: "Fetch from this day (YYYY-MM-DD) instead of the last synced day.") var since: String?
        @Flag(help: "Print the result as JSON lines.") var json = false

        func run() async throws {
            Messages.language = Language.from(environment: ProcessInfo.processInfo.environment)
            let ws: Workspace
            let groups: [Group]
            do {
                // The sync lock first: a second sync says so at once (exit 75) instead of waiting.
                ws = try Workspace.open(config: common.config, access: .sync)
                groups = try common.group.map { [try ws.config.group($0)] } ?? ws.config.groups.filter { $0.sync != nil }
                if let since, SeoulTime(parsing: since) == nil { throw AppError.usage("--since '\(since)' is not a date (YYYY-MM-DD)") }
                guard !groups.isEmpty else { throw AppError.usage("no group has \"sync\" settings; see the README (Bank APIs)") }
            } catch {
                printErr("hoebi: \(error)\n")
                throw ExitCode(hoebi.exitCode(for: error))
            }
            for w in ws.store.warnings { printErr("hoebi: warning: \(w)\n") }
            let json = self.json, since = self.since
            let failed = try await HTTPTransport.using { transport in
              let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: ws.configURL.deletingLastPathComponent())
              var failed = false
              for g in groups {
                let r = await engine.sync(g, since: since) { line in progress(line + "   ") }
                if isatty(2) != 0 { printErr("\r\u{1B}[K") }
                failed = failed || r.error != nil
                if json {
                    var doc: [String: Any] = ["group": r.group, "source": r.source, "from": r.from, "to": r.to, "new": r.new, "known": r.known,
                                              "pages": r.pages, "seconds": (r.seconds * 100).rounded() / 100, "breaks": r.breaks]
                    if let b = r.bankBalance { doc["bankBalance"] = b }
                    if let b = r.ledgerBalance { doc["ledgerBalance"] = b }
                    if r.repeatedPages > 0 { doc["repeatedPages"] = r.repeatedPages }
                    if let e = r.error { doc["error"] = ["code": e.code, "kind": e.kind.rawValue, "message": e.message] }
                    printOut(String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]), as: UTF8.self) + "\n")
                } else {
                    var line = "\(r.group) (\(r.source)) \(r.from)…\(r.to): \(r.new) new, \(r.known) known, \(r.pages) pages, \(String(format: "%.1f", r.seconds)) s"
                    if let m = r.match { line += "; \(m.allocated) allocated, \(m.review) to review" }
                    if r.breaks > 0 { line += "; \(r.breaks) balance break(s)" }
                    if let bank = r.bankBalance, let ledger = r.ledgerBalance {
                        line += r.balanceMismatch ? "\n  WARNING: the bank reports a balance of \(bank.grouped) won, the ledger \(ledger.grouped) won"
                                                  : "; balance \(bank.grouped) won agrees with the bank"
                    }
                    if r.repeatedPages > 0 { line += "\n  NOTE: the bank sent \(r.repeatedPages) page(s) again under a new cursor; their rows were not stored twice" }
                    if let e = r.error { line += "\n  FAILED: \(e)" + (e.kind == .needsUser ? "" : "\n  what was fetched is kept; the next sync resumes") }
                    printOut(line + "\n")
                }
              }
              return failed
            }
            withExtendedLifetime(ws.lock) {}
            if failed { throw ExitCode(1) }
        }
    }
}
