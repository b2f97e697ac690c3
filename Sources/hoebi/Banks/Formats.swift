import ArgumentParser
import Foundation
import HoebiCore
import HoebiImport

extension Hoebi {
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("formats"))
        @OptionGroup var listing: ListFormat

        func run() throws {
            let layouts = StatementLayout.all
            if listing.json {
                let doc = layouts.map { l in
                    ["name": l.name, "labels": l.required.compactMap { l.labels[$0]?.first }.joined(separator: " | "), "export": l.export.en]
                }
                try printJSON(doc)
                return
            }
            let width = layouts.map { DisplayWidth.of($0.name) }.max() ?? 0
            for l in layouts {
                let header = l.required.compactMap { l.labels[$0]?.first }.joined(separator: " | ")
                printOut(DisplayWidth.padRight(l.name, to: width) + "  " + Messages.t("formats.header", header) + "\n")
                printOut(
                    String(repeating: " ", count: width) + "  " + Messages.t("formats.export", Messages.language.pick(l.export)) + "\n")
            }
        }
    }
}
