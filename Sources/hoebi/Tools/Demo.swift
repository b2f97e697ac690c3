import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiFixtures
import HoebiRender
import HoebiSandbox
import HoebiSources
import HoebiWiring

extension Hoebi {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("demo"),
            discussion: Messages.help("demo.discussion"))
        @Option(help: h("Folder for the sample config, secrets and database.")) var dir: String = "demo"
        @Option(help: h("Sandbox API to sync through: codef, kftc, woori or koscom.")) var source: String = "codef"
        @Flag(help: h("Import a generated KakaoBank .xlsx statement instead of syncing.")) var fromStatement = false

        func run() async throws {
            Messages.language = Language.from(environment: ProcessInfo.processInfo.environment)
            do {
                if fromStatement { try await statementDemo() } else { try await syncDemo() }
            }
        }

        /// The demo writes a configuration and a sandbox ledger: only into a folder that is new,
        /// empty, or one an earlier demo made (it leaves a marker), never over someone's real books.
        func prepareFolder() throws -> URL {
            let folder = URL(fileURLWithPath: dir)
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw AppError.usage(Messages.t("demo.dirIsFile", dir)) }
                let items = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
                if !items.isEmpty && !items.contains(Self.marker) {
                    let shown = items.sorted().prefix(3).joined(separator: ", ") + (items.count > 3 ? ", …" : "")
                    throw AppError.usage(Messages.t("demo.dirInUse", folder.path, shown))
                }
            }
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("made by hoebi demo: sample data only\n".utf8).write(to: folder.appendingPathComponent(Self.marker))
            return folder
        }
        static let marker = ".hoebi-demo"

        func syncDemo() async throws {
            let folder = try prepareFolder()
            let running = try await BankSandbox().start()
            defer { running.stop() }
            let config = try running.sandbox.writeConfig(to: folder, source: source, baseURL: running.baseURL)
            let ws = try await Workspace.open(config: config.path)
            let group = try ws.config.group(nil)
            let source = self.source
            let r = try await HTTPTransport.using { transport in
                let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: folder)
                try await consentInSandbox(source, running, transport: transport, credentials: ws.store)
                printOut("== hoebi sync  (bank sandbox on \(running.baseURL), \(source))\n")
                // A fresh sandbox each run, so the account is synced from its start every time.
                return await engine.sync(group, since: "2023-01-01")
            }
            if let e = r.error { throw e }
            printOut(Messages.t("demo.synced", r.new, r.known, r.pages, String(format: "%.1f", r.seconds)))
            if let m = r.match { printOut(Messages.t("demo.matched", m.allocated, m.review, m.other)) }
            printOut(r.breaks == 0 ? Messages.t("demo.continuous") : Messages.t("demo.breaks", r.breaks))
            let to = SandboxHistory.last
            try await reportAndNotice(Ledger(store: ws.store), group, from: to.advanced(by: -5), to: to, folder: folder)
        }

        func reportAndNotice(_ ledger: Ledger, _ group: Group, from: Period, to: Period, folder: URL) async throws {
            printOut("\n== hoebi report --from \(from) --to \(to)\n")
            let report = try await ledger.report(group, from: from, to: to)
            printOut(ReportTable.render(report))
            printOut("\n== hoebi notice --period \(to) --mask --mask-account\n")
            printOut(try NoticeRenderer.render(HoebiCore.Notice(report: report, period: to, mask: true, maskAccount: true)))
            printOut("\n" + Messages.t("demo.files", folder.path) + "\n")
        }

        func statementDemo() async throws {
            let folder = try prepareFolder()
            let statement = try Sample.write(into: folder)
            let ws = try await Workspace.open(config: folder.appendingPathComponent("hoebi.json").path)
            let group = try ws.config.group(nil)
            let ledger = Ledger(store: ws.store)
            printOut("== hoebi import \(statement.lastPathComponent)\n")
            let r = try await ledger.importFile(statement, group: group, format: nil)
            printOut(Messages.t("import.summary", statement.lastPathComponent, r.layout, r.counts.new, r.counts.known, r.counts.ignored))
            printOut(Messages.t("demo.matched", r.match.allocated, r.match.review, r.match.other))
            printOut(r.breaks.isEmpty ? Messages.t("demo.continuous") : Messages.t("demo.breaks", r.breaks.count))
            try await reportAndNotice(ledger, group, from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 11)!, folder: folder)
        }
    }
}
