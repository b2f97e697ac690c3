import Foundation
import HoebiAPI
import HoebiCore

/// The club's book as the API's documents (and, through them, the command line's `--format json`).
extension JSONShapes {
    /// Deposits still in review are a kind of their own (`checking`), so the kinds add up to the total.
    public static func closing(_ c: Closing) -> Schemas.ClosingStatement {
        func side(_ s: Closing.Side, checking: Won = 0) -> Schemas.ClosingSide {
            var kinds = Dictionary(s.lines.map { ($0.key?.key ?? "unsorted", $0.value) }, uniquingKeysWith: +)
            if checking > 0 { kinds["checking"] = checking }
            return .init(total: s.total, kinds: .init(additionalProperties: kinds))
        }
        return .init(
            from: c.from.description, to: c.to.description, opening: c.opening, income: side(c.income, checking: c.checking),
            spending: side(c.spending), closing: c.closing, bankBalance: c.bankBalance, checking: c.checking,
            dues: .init(owed: c.duesOwed, collected: c.duesCollected, arrears: c.arrears.map { .init(member: $0.member, amount: $0.amount) }),
            gaps: c.gaps.map { .init(before: "t\($0.before.id)", after: "t\($0.after.id)", missing: $0.gap) },
            events: c.events.map {
                .init(
                    name: $0.name, date: String($0.date.iso8601.prefix(10)), collected: $0.collected, income: $0.income, spent: $0.spent,
                    refunded: $0.refunded, balance: $0.balance, attendees: $0.attendees, owing: $0.owing)
            })
    }

    /// The statement for a script: the document, with the balances no row tells written as null
    /// (the generated encoder leaves them out).
    public static func closingObject(_ c: Closing) throws -> [String: Any] {
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(closing(c))) as? [String: Any] ?? [:]
        for key in ["opening", "closing", "bankBalance"] where object[key] == nil { object[key] = NSNull() }
        return object
    }

    public static func event(_ b: EventBook, _ g: Group) -> Schemas.EventSummary {
        let names = g.displayNames()
        let owing = Dictionary(b.owing.map { ($0.member, $0.amount) }, uniquingKeysWith: +)
        let rows = { (ms: [EventMoney]) in
            ms.map { Schemas.EventRow(id: "t\($0.line.id)", time: $0.line.time.iso8601, amount: $0.line.amount, text: $0.line.text) }
        }
        return .init(
            name: b.event.name, date: String(b.event.date.iso8601.prefix(10)), fee: b.event.fee, closed: b.event.closed, collected: b.collected,
            refunded: b.refunded, spent: b.spent, balance: b.balance, openQuestions: b.openQuestions,
            attendees: b.attendees.map {
                .init(
                    member: $0.member, name: names[$0.member] ?? $0.member, paid: $0.paid, refunded: $0.refunded, owes: owing[$0.member] ?? 0,
                    checking: $0.checking, listed: !$0.unlisted)
            }, unmatched: rows(b.unmatched), questions: rows(b.questions), spending: rows(b.spending), refunds: rows(b.refunds))
    }
}
