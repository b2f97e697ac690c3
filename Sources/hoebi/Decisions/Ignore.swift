import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Ignore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("ignore"),
            discussion: tr(
                "The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given. Several deposits are one change: `hoebi undo` takes them back together. Example: hoebi ignore t40 t64 t85 --reason 회식비, or hoebi ignore --matching 회식 --reason 회식비 --dry-run"
            ))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction ids, e.g. t40 t64 t85.")) var transactions: [String] = []
        @Option(help: h("Every deposit now in review whose text or memo contains these words.")) var matching: String?
        @Option(help: h("Why it is not dues (shown in the report).")) var reason: String
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            let ledger = Ledger(store: ws.store)
            let found = if let matching { try await depositsInReview(matching: matching, ledger, group) } else { [String]() }
            let ids = transactions + found
            guard !ids.isEmpty else { throw AppError.usage(Messages.t("error.noTransactions")) }
            if ids.count == 1 {
                printEffect(
                    try await ledger.decide(group, transaction: ids[0], .ignore(reason: reason), by: decision.by, only: only, dryRun: decision.dryRun),
                    group: group)
                return
            }
            printBatch(
                try await ledger.decide(group, transactions: ids, .ignore(reason: reason), by: decision.by, only: only, dryRun: decision.dryRun), group: group)
        }
    }
}

/// The deposits now in review whose text or memo holds `words` (`--matching`): only questions,
/// never money already placed, so a batch cannot swallow a member's dues.
func depositsInReview(matching words: String, _ ledger: Ledger, _ group: Group) async throws -> [String] {
    let key = Normalise.letters(Normalise.nfc(words))
    guard !key.isEmpty else { throw AppError.usage(Messages.t("error.matchingEmpty")) }
    let found = try await ledger.report(group, from: nil, to: nil).review.filter {
        Normalise.letters($0.text).contains(key) || Normalise.letters($0.memo).contains(key)
    }
    guard !found.isEmpty else { throw AppError.usage(Messages.t("error.matchingNone", words)) }
    return found.map { "t\($0.id)" }
}
