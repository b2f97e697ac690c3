import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

extension Hoebi {
    struct Aliases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("aliases"),
            discussion: tr("Rules: a member id (assign), 'not dues' (ignore), 'by hand' (unassign). Removing one re-matches the group."))
        @OptionGroup var common: Common
        @Option(help: h("Remove the learned rule for this depositor text.")) var remove: String?
        @OptionGroup var listing: ListFormat

        func run() async throws {
            let (ws, group) = try await common.open(remove == nil ? .read : .write)
            if let remove {
                guard try await ws.store.removeRule(group: group, text: remove) else {
                    throw AppError.usage(Messages.t("error.noRule", remove))
                }
                let s = try await Ledger(store: ws.store).rematch(group)
                printOut(Messages.t("aliases.removed", remove, s.review) + "\n")
                return
            }
            let rules = try await ws.store.rules(of: group)
            if listing.json {
                let doc = rules.map { ["text": $0.text, "rule": $0.rule.stored, "source": $0.source, "createdAt": $0.createdAt, "createdBy": $0.createdBy] }
                try printJSON(doc)
                return
            }
            if rules.isEmpty {
                printOut(Messages.t("aliases.none") + "\n")
                return
            }
            let width = rules.map { DisplayWidth.of($0.text) }.max() ?? 0
            for r in rules {
                printOut(
                    DisplayWidth.padRight(r.text, to: width) + "  → " + DisplayWidth.padRight(ruleWords(r.rule, group), to: 16)
                        + "  " + Messages.t(r.source == "learned" ? "alias.learned" : "alias.config", r.createdBy.isEmpty ? "-" : r.createdBy)
                        + " \(r.createdAt.prefix(10))\n")
            }
        }
    }
}
