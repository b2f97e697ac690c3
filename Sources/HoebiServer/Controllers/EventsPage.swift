import Foundation
import HoebiApp
import HoebiCore
import HoebiRender
import Hummingbird

/// The events on the dashboard (who paid each fee, who owes, the notice to copy) and the 결산 as
/// its printable page, from the same books as `hoebi event show` and `hoebi closing`.
extension BookController {
    func eventsPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let names = g.displayNames()
        let won = { (w: Won) in Messages.t("money.won", w.grouped) }
        let events = try await service.ledger.eventBooks(g).reversed().enumerated().map { i, b -> [String: Any] in
            let owing = Dictionary(b.owing.map { ($0.member, $0.amount) }, uniquingKeysWith: +)
            let notice = EventText.notice(b, group: g, mask: true)
            return [
                "key": i + 1, "name": b.event.name, "day": EventText.day(b.event.date), "closed": b.event.closed, "group": g.id,
                "summary": word(
                    "page.eventSummary", b.event.fee.map(won) ?? word("page.eventNoFee"), won(b.collected), b.attendees.count - b.owing.count, b.attendees.count
                ),
                "questions": b.openQuestions > 0 ? word("page.eventQuestions", b.openQuestions) : false,
                "attendees": b.attendees.map { a -> [String: Any] in
                    ["name": names[a.member] ?? a.member, "paid": won(a.paid), "owes": a.checking > 0 ? word("page.checking") : won(owing[a.member] ?? 0)]
                },
                "notice": notice, "rows": notice.split(separator: "\n").count + 1
            ]
        }
        return Reply.page(Pages.render("events", ["events": events], title: word("page.events"), group: g.id, csrf: c.signedIn?.csrf ?? ""))
    }

    /// The 결산 of a year (`?year=`, default the last full one), as the page `hoebi closing
    /// --format html` writes: the treasurer prints it for the annual meeting from the phone.
    func closingPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let now = SeoulTime.now
        let year = req.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        guard year.map({ (1900...9999).contains($0) }) ?? true, let (f, t) = try await service.ledger.closingRange(g, from: nil, to: nil, year: year, now: now)
        else { throw HTTPError(.badRequest) }
        let closing = try await service.ledger.closing(g, from: f, to: t)
        return Reply.page(ClosingDocument.html(closing, group: g, now: now))
    }
}
