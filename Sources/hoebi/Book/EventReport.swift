import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi.EventCommand {
    enum Layout: String, ExpressibleByArgument, CaseIterable { case text, json }

    struct List: AsyncParsableCommand {
        /// The API's document as an object, `fee` null when the event has none.
        static func object(_ doc: JSONShapes.Schemas.EventSummary) throws -> [String: Any] {
            var o = try JSONSerialization.jsonObject(with: JSONEncoder().encode(doc)) as? [String: Any] ?? [:]
            if o["fee"] == nil { o["fee"] = NSNull() }
            return o
        }

        static let configuration = CommandConfiguration(abstract: Messages.help("event.list"))
        @OptionGroup var common: Common
        @Option(help: h("text or json.")) var format: Layout = .text

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let books = try await Ledger(store: ws.store).eventBooks(group)
            if format == .json { return try printJSON(try books.map { try Self.object(JSONShapes.event($0, group)) }) }
            guard !books.isEmpty else { return printOut(Messages.t("event.noneYet") + "\n") }
            for b in books {
                let paid = b.attendees.count - b.owing.count
                let flags =
                    (b.event.closed ? Messages.t("event.list.closed") : "")
                    + (b.openQuestions > 0 ? Messages.t("event.list.questions", b.openQuestions) : "")
                printOut(
                    Messages.t(
                        "event.list.line", b.event.name, String(b.event.date.iso8601.prefix(10)),
                        b.event.fee.map { Messages.t("money.won", $0.grouped) } ?? Messages.t("event.noFee"),
                        b.collected.grouped, paid, b.attendees.count, flags) + "\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("event.show"))
        @OptionGroup var common: Common
        @Argument(help: h("The event's name.")) var name: String
        @Option(help: h("text or json.")) var format: Layout = .text

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let b = try await Ledger(store: ws.store).eventBook(group, name)
            if format == .json { return try printJSON(try List.object(JSONShapes.event(b, group))) }
            let names = group.displayNames()
            let won = { (w: Won) in Messages.t("money.won", w.grouped) }
            let owing = Dictionary(b.owing.map { ($0.member, $0.amount) }, uniquingKeysWith: +)
            var out =
                Messages.t(
                    "event.show.title", b.event.name, EventText.day(b.event.date), b.event.fee.map(won) ?? Messages.t("event.noFee"))
                + (b.event.closed ? Messages.t("event.list.closed") : "") + "\n"
            let header = Messages.t("event.show.header").split(separator: "|").map(String.init)
            var rows = [header]
            for a in b.attendees {
                rows.append([
                    (names[a.member] ?? a.member) + (a.unlisted ? Messages.t("event.show.unlisted") : ""), won(a.paid), won(a.refunded),
                    a.checking > 0 ? Messages.t("event.show.checking") : won(owing[a.member] ?? 0)
                ])
            }
            out += Table.render(rows, rightAligned: [1, 2, 3])
            let line = { (m: EventMoney) in "  t\(m.line.id)  \(String(m.line.time.iso8601.prefix(10)))  \(won(m.line.amount))  \(m.line.text)\n" }
            if !b.unmatched.isEmpty { out += Messages.t("event.show.unmatched", b.unmatched.count, b.event.name) + "\n" + b.unmatched.map(line).joined() }
            if !b.questions.isEmpty { out += Messages.t("event.show.questions", b.questions.count, b.event.name) + "\n" + b.questions.map(line).joined() }
            if !b.spending.isEmpty { out += Messages.t("event.show.spending", b.spent.grouped) + "\n" + b.spending.map(line).joined() }
            out +=
                Messages.t("event.show.totals", b.collected.grouped, b.refunded.grouped, b.spent.grouped, (b.balance < 0 ? "−" : "") + abs(b.balance).grouped)
                + "\n"
            printOut(out)
        }
    }

    struct Pay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("event.pay"), discussion: tr("Example: hoebi event pay 송년회 t40 t41, or hoebi event pay 송년회 t52 --member 김솔"))
        @OptionGroup var common: Common
        @Argument(help: h("The event's name.")) var name: String
        @Argument(help: h("Transaction ids, e.g. t40 t64 t85.")) var transactions: [String]
        @Option(help: h("Who paid, when the deposit's text does not say.")) var member: String?
        @OptionGroup var decision: DecisionOptions

        func run() async throws {
            let (ws, group) = try await common.open()
            guard let e = group.event(named: name) else { throw AppError.usage(Ledger.unknownEvent(name, group)) }
            let ledger = Ledger(store: ws.store)
            let effect = try await ledger.decide(
                group, transactions: transactions, .event(name: e.name, member: try member.map { try group.resolveMember($0).id }), by: decision.by,
                dryRun: decision.dryRun)
            printBatch(effect, group: group)
            if !decision.dryRun { printOut(Messages.t("event.paidAs", effect.decided.count, e.name) + "\n") }
        }
    }

    struct Settle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("event.settle"), discussion: tr("Example: hoebi event settle 송년회, or hoebi event settle 송년회 --cost 450000 --way fee"))
        @OptionGroup var common: Common
        @Argument(help: h("The event's name.")) var name: String
        @Option(help: h("The real cost (default: the event's withdrawals, or its cost setting).")) var cost: String?
        @Option(help: h("even (1/N) or fee (the fee stays, the club pays the rest); default: the event's setting.")) var way: String?
        @Flag(help: h("Mask members' names (홍*동).")) var mask = false

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let b = try await Ledger(store: ws.store).eventBook(group, name)
            let chosen = try way.map { w in
                guard let s = Event.Settlement(rawValue: w) else { throw AppError.usage(Messages.t("config.eventSettle", w)) }
                return s
            }
            guard let s = b.settle(cost: try cost.map(duesAmount), way: chosen) else { throw AppError.usage(Messages.t("event.settle.noCost", b.event.name)) }
            printOut(EventText.settlement(b, s, way: chosen ?? b.event.settlement, group: group, mask: mask))
        }
    }
}
