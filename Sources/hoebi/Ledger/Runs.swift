import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("runs"),
            discussion: tr("Take one back with `hoebi revert r12` (an import or sync) or `hoebi undo` (the last decision)."))
        @OptionGroup var common: Common
        @Option(help: h("How many to list.")) var limit: Int = 30
        @OptionGroup var listing: ListFormat

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let runs = try await ws.store.runs(of: group, limit: limit)
            if listing.json {
                try printDocument(JSONShapes.runs(runs))
                return
            }
            if runs.isEmpty {
                printOut(Messages.t("runs.none") + "\n")
                return
            }
            for r in runs {
                printOut(
                    DisplayWidth.padRight(r.id, to: 6) + String(r.at.prefix(16)).replacingOccurrences(of: "T", with: " ") + "  "
                        + DisplayWidth.padRight(r.kind.word, to: 9)
                        + DisplayWidth.padRight(Messages.language == .ko ? r.status.korean : r.status.description, to: 10) + " " + r.what
                        + (r.by.isEmpty ? "" : "  (\(r.by))") + "\n")
            }
        }
    }
}
