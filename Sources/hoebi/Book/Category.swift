import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// The lines of the 결산: what each withdrawal and each deposit that is not dues was for.
    struct CategoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "category", abstract: Messages.help("category"), subcommands: [List.self, Set.self, Rule.self, Undo.self], defaultSubcommand: List.self
        )

        static func name(_ l: BookLine?, spending: Bool) -> String { l?.name(spending: spending) ?? Messages.t("closing.unsorted") }

        static func source(_ s: Categories.Source) -> String {
            switch s {
            case .decision: Messages.t("category.by.decision")
            case .learned(let t): Messages.t("category.by.learned", "t\(t)")
            case .rule(let w): Messages.t("category.by.rule", w)
            case .event(let e): Messages.t("category.by.event", e)
            case .builtIn: Messages.t("category.by.builtIn")
            }
        }

        static func row(_ r: EventMoney) -> String {
            let sign = r.incoming ? "+" : "−"
            return "t\(r.line.id)  \(String(r.line.time.iso8601.prefix(10)))  \(DisplayWidth.padLeft(sign + r.line.amount.grouped, to: 11))  "
                + r.line.text + (r.line.memo.isEmpty ? "" : " (\(r.line.memo))")
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("category.list"), discussion: tr("Example: hoebi category list --unsorted --year 2026"))
            @OptionGroup var common: Common
            @Option(help: h("Only this year.")) var year: Int?
            @Flag(help: h("Only rows no line takes yet.")) var unsorted = false
            @Option(help: h("text or json.")) var format: Hoebi.EventCommand.Layout = .text

            func run() async throws {
                let (ws, group) = try await common.open(.read)
                let ledger = Ledger(store: ws.store)
                let c = try await ledger.categories(group)
                var rows = try await ledger.bookRows(group).filter { !$0.inReview }
                if let year { rows = rows.filter { $0.line.time.year == year } }
                let lined = rows.map { ($0, ledger.line(of: $0, c)) }.filter { !unsorted || $0.1 == nil }
                if format == .json {
                    return try printJSON(
                        lined.map { r, l -> [String: Any] in
                            [
                                "id": "t\(r.line.id)", "time": r.line.time.iso8601, "amount": r.incoming ? r.line.amount : -r.line.amount, "text": r.line.text,
                                "memo": r.line.memo, "line": l.map { $0.line.name(spending: !r.incoming) as Any } ?? NSNull(),
                                "key": l.map { $0.line.key as Any } ?? NSNull()
                            ]
                        })
                }
                guard !lined.isEmpty else { return printOut(Messages.t("category.none") + "\n") }
                for (r, l) in lined {
                    let shown = l.map { "\(name($0.line, spending: !r.incoming)) · \(source($0.source))" } ?? Messages.t("closing.unsorted")
                    printOut(row(r) + "  → " + shown + "\n")
                }
                let open = lined.filter { $0.1 == nil }.count
                if open > 0 { printOut(Messages.t("category.unsortedHint", open) + "\n") }
            }
        }

        struct Set: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("category.set"),
                discussion: tr(
                    "Other rows with the same text take the same line from now on. Example: hoebi category set t90 t91 송년회, or hoebi category set t88 대관료 --dry-run"
                ))
            @OptionGroup var common: Common
            @Argument(help: h("Transaction ids, then the line (대관료, 식비, 송년회, or any name); '' takes the line off.")) var words: [String]
            @OptionGroup var decision: DecisionOptions

            func run() async throws {
                guard words.count >= 2, let line = words.last else { throw AppError.usage(Messages.t("category.usage")) }
                let (ws, group) = try await common.open()
                let changes = try await Ledger(store: ws.store).categorise(
                    group, transactions: Array(words.dropLast()), as: line, by: decision.by, dryRun: decision.dryRun)
                if decision.dryRun { printOut(Messages.t("view.preview.heading") + "\n") }
                for ch in changes {
                    printOut(
                        row(ch.row) + "  " + name(ch.before, spending: !ch.row.incoming) + " → " + name(ch.after, spending: !ch.row.incoming) + "\n")
                }
                if changes.isEmpty { printOut(Messages.t("category.noChange") + "\n") }
                if !decision.dryRun { printOut(Messages.t("category.undoHint") + "\n") }
            }
        }

        struct Rule: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.help("category.rule"), discussion: tr("Example: hoebi category rule 스타벅스 식비, or hoebi category rule 스타벅스 --remove"))
            @OptionGroup var options: MemberCommand.Options
            @Argument(help: h("A word in the bank's text or memo.")) var word: String
            @Argument(help: h("The line it files money under.")) var line: String?
            @Flag(help: h("Forget the word.")) var remove = false

            func run() async throws {
                try await changeSettings(options) { g, _ in
                    var words = g["categories"] as? [String: String] ?? [:]
                    let w = Normalise.nfc(word)
                    if remove {
                        guard words.removeValue(forKey: w) != nil else { throw AppError.usage(Messages.t("category.noRule", w)) }
                        g["categories"] = words.isEmpty ? nil : words
                        return Messages.t("category.ruleRemoved", w)
                    }
                    guard let line, !Normalise.letters(line).isEmpty else { throw AppError.usage(Messages.t("category.usage")) }
                    words[w] = Normalise.nfc(line)
                    g["categories"] = words
                    return Messages.t("category.ruleAdded", w, Normalise.nfc(line))
                }
            }
        }

        struct Undo: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("category.undo"))
            @OptionGroup var common: Common
            @Flag(help: h("Show what would change, change nothing.")) var dryRun = false

            func run() async throws {
                let (ws, group) = try await common.open()
                let store = ws.store
                guard let last = try await store.lastCategoryChange(group: group) else { throw AppError.usage(Messages.t("category.nothingToUndo")) }
                let shown = last.category.isEmpty ? Messages.t("closing.unsorted") : last.category
                let what = Messages.t("category.undone", last.rows.map { "t\($0)" }.joined(separator: " "), shown, last.by, String(last.at.prefix(16)))
                if dryRun { return printOut(Messages.t("view.preview.heading") + "\n" + what + "\n") }
                _ = try await store.undoCategories(group: group)
                printOut(what + "\n")
            }
        }
    }
}
