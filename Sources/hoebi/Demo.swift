import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiRender

extension Hoebi {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the whole job on a sample group: write a config and a KakaoBank statement, import, report, notice.",
            discussion: "Everything goes into --dir (default ./demo); run it again to see that re-importing adds nothing.")
        @Option(help: "Folder for the sample config, statement and database.") var dir: String = "demo"

        func run() throws {
            try hoebi.run {
                let folder = URL(fileURLWithPath: dir)
                let statement = try Sample.write(into: folder)
                let ws = try Workspace.open(config: folder.appendingPathComponent("hoebi.json").path)
                let group = try ws.config.group(nil)
                let ledger = Ledger(store: ws.store)
                printOut("== hoebi import \(statement.lastPathComponent)\n")
                let r = try ledger.importFile(statement, group: group, format: nil)
                printOut("\(r.counts.new) new, \(r.counts.known) already known, \(r.counts.ignored) ignored rows; ")
                printOut("\(r.match.allocated) allocated, \(r.match.review) to review, \(r.match.other) not dues; ")
                printOut(r.breaks.isEmpty ? "balance chain continuous\n" : "\(r.breaks.count) balance break(s)\n")
                let from = Period(year: 2026, month: 1)!, to = Period(year: 2026, month: 11)!
                printOut("\n== hoebi report --from \(from) --to \(to)\n")
                printOut(ReportTable.render(try ledger.report(group, from: from, to: to)))
                printOut("\n== hoebi notice --period \(to) --mask\n")
                let report = try ledger.report(group, from: from, to: to)
                printOut(try NoticeRenderer.render(HoebiCore.Notice(report: report, period: to, mask: true)))
                printOut("\nFiles are in \(folder.path). Try: hoebi --help, or hoebi report --config \(folder.path)/hoebi.json --format json\n")
            }
        }
    }
}
