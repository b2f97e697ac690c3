import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("report"),
            discussion: Messages.help("report.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("First period: 2026-03, 2026-Q1, 2026-H1 or 2026 (default: a year or so before --to, not before the schedule's start).")) var from:
            String?
        @Option(help: h("Last period, as --from (default: the current period).")) var to: String?
        @Option(help: ReportFormatArgument.help) var format: ReportFormatArgument = .table
        @Option(help: h("Write to this file instead of the terminal (xlsx: default 회비현황-GROUP.xlsx).")) var output: String?
        @Flag(help: h("Every period, however wide (the table otherwise fits the terminal: $COLUMNS or its width).")) var wide = false
        @Flag(help: h("HTML: mask members' names and leave out deposit texts, for sharing beyond the treasurer.")) var mask = false
        @Option(help: h("CSV layout: grid (members × periods, Korean, opens in Excel) or long (a line per member and period, for scripts).")) var layout:
            ReportCSV.Layout = .grid

        func run() async throws {
            var times = StageTimes("report command")
            let (ws, group) = try await common.open(.read)
            times.lap("open")
            let r = try await Ledger(store: ws.store).report(group, from: try period(from, "--from"), to: try period(to, "--to"))
            times.lap("report")
            defer {
                times.lap("write")
                times.tell()
            }
            for w in r.warnings { printErr(Messages.t("warning", w) + "\n") }
            func emit(_ text: String) throws {
                guard let output else {
                    printOut(text)
                    return
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                printErr(Messages.t("wrote", output) + "\n")
            }
            let options = ReportFormat.Options(width: wide || output != nil ? nil : terminalWidth(), mask: mask, csvLayout: layout)
            switch format.format.output {
            case .text(let render): try emit(try render(r, options))
            case .file(let defaultName, let write):
                let file = output ?? defaultName(group)
                try write(r, URL(fileURLWithPath: file), options)
                printOut(Messages.t("wrote.xlsx", file) + "\n")
            }
        }
    }
}
