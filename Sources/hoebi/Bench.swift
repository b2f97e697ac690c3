import ArgumentParser
import Foundation
import HoebiApp

extension Hoebi {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmark: generate a large statement, time import, re-match and report against sqlite3 .import.",
            discussion: "Not a test. Needs the sqlite3 command-line tool for the baseline. Build with -c release for real figures.")
        @Option(help: "Rows in the generated statement.") var rows: Int = 1_000_000
        @Option(help: "Members in the generated group.") var members: Int = 1_000
        @Option(help: "Rows in the generated .xlsx statement (streaming reader stage).") var xlsxRows: Int = 200_000
        @Option(help: "Working folder (deleted and recreated).") var dir: String = ".bench"

        func run() throws {
            try hoebi.run {
                let report = try Benchmark(rows: rows, members: members, dir: URL(fileURLWithPath: dir), xlsxRows: xlsxRows).run { printOut($0 + "\n") }
                printOut(report)
            }
        }
    }
}
