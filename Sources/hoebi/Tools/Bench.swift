import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiSandbox
import HoebiSources
import HoebiWiring

extension Hoebi {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("bench"),
            discussion: tr("Not a test. Needs the sqlite3 command-line tool for the baseline. Build with -c release for real figures."))
        @Option(help: h("Rows in the generated statement.")) var rows: Int = 1_000_000
        @Option(help: h("Members in the generated group.")) var members: Int = 1_000
        @Option(help: h("Rows in the generated .xlsx statement (streaming reader stage).")) var xlsxRows: Int = 200_000
        @Option(help: h("Members of the sandbox club for the sync stage (about 44 rows each).")) var syncMembers: Int = 480
        @Option(help: h("Working folder (deleted and recreated).")) var dir: String = ".bench"
        @Flag(help: h("Print every figure as one JSON object (progress goes to the standard error).")) var json = false

        func run() async throws {
            // With --json the words go to the standard error and only the figures to the output.
            let say: (String) -> Void = json ? { printErr($0) } : { printOut($0) }
            var figures = Benchmark.Figures()
            let report = try await Benchmark(rows: rows, members: members, dir: URL(fileURLWithPath: dir), xlsxRows: xlsxRows).run(
                log: { say($0 + "\n") }, figures: &figures)
            say(report)
            // Sync: a large sandbox club over loopback HTTP, through KFTC (25-row pages) and CODEF.
            let running = try await BankSandbox(members: syncMembers).start()
            defer { running.stop() }
            say("\nsync from the sandbox on loopback (\(running.sandbox.history.rows.count) rows):\n")
            for source in ["kftc", "codef", "woori"] {
                let folder = URL(fileURLWithPath: dir).appendingPathComponent("sync-\(source)")
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let ws = try await Workspace.open(config: try running.sandbox.writeConfig(to: folder, source: source, baseURL: running.baseURL).path)
                let group = try ws.config.group(nil)
                let r = try await HTTPTransport.using { transport in
                    let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: folder)
                    try await consentInSandbox(source, running, transport: transport, credentials: ws.store)
                    return await engine.sync(group, since: "2023-01-01")
                }
                if let e = r.error {
                    say("  \(source): failed: \(e)\n")
                    continue
                }
                figures.syncRowsPerSecond[source] = Double(r.new) / max(r.seconds, 0.001)
                say(
                    String(
                        format: "  %@  %6d rows, %5d pages, %6.2f s → %7.0f rows/s (incl. storing and re-matching)\n",
                        source, r.new, r.pages, r.seconds, Double(r.new) / max(r.seconds, 0.001)))
            }
            if json { printOut(try figures.json() + "\n") }
        }
    }
}
