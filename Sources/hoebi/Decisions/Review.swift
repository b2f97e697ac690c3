import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("review"),
            discussion: tr("Decide each with `hoebi assign TXN MEMBER` or `hoebi ignore TXN --reason …`."))
        @OptionGroup var common: Common
        @OptionGroup var listing: ListFormat

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let r = try await Ledger(store: ws.store).report(group, from: nil, to: nil)
            for w in r.warnings { printErr(Messages.t("warning", w) + "\n") }
            if listing.json {
                try printDocument(JSONShapes.review(r.review))
            } else {
                printOut(ReviewList.render(r.review, names: group.displayNames()))
            }
        }
    }
}
