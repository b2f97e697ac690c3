import Foundation
import HTTPTypes
import HoebiApp
import HoebiCore
import Hummingbird

/// The club's book on the dashboard: every withdrawal with its 결산 line and receipts, a receipt
/// taken with the phone's camera (`capture`), and the receipt files for the treasurer and auditor.
struct BookController {
    let service: HoebiService

    func add(to r: RouterGroup<HoebiContext>) {
        r.get("/g/:group/spending", use: spendingPage)
        r.post("/g/:group/spending/:txn/receipt", use: attach)
        r.post("/g/:group/spending/:txn/line", use: setLine)
        r.post("/g/:group/spending/undo", use: undoLine)
        r.get("/g/:group/receipts/:receipt", use: receipt)
        r.get("/g/:group/events", use: eventsPage)
        r.get("/g/:group/closing", use: closingPage)
    }

    func spendingPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let ledger = service.ledger
        let categories = try await ledger.categories(g)
        let receipts = await Dictionary(grouping: try service.store.receipts(of: g), by: \.transaction)
        let out = try await ledger.bookRows(g).filter { !$0.incoming }.reversed().prefix(300)
        let done = req.uri.queryParameters.get("done").map { String($0).removingPercentEncoding ?? String($0) }
        let rows = out.map { r -> [String: Any] in
            let found = ledger.line(of: r, categories)
            let line = found.map { $0.line.name(spending: true) } ?? word("page.unsorted")
            return [
                "own": found.map { $0.line.name(spending: true) } ?? "", "unsorted": found == nil,
                "id": r.line.id, "date": String(r.line.time.iso8601.prefix(10)), "amount": Messages.t("money.won", r.line.amount.grouped), "text": r.line.text,
                "memo": r.line.memo.isEmpty ? false : r.line.memo, "line": line, "group": g.id,
                "receipts": (receipts[r.line.id] ?? []).map { ["rid": $0.id, "name": $0.name, "group": g.id] as [String: Any] },
                "csrf": c.signedIn?.csrf ?? ""
            ]
        }
        let missing = out.filter { receipts[$0.line.id] == nil }.count
        let canUndo = try await service.store.lastCategoryChange(group: g) != nil
        return Reply.page(
            Pages.render(
                "spending",
                [
                    "rows": rows, "summary": word("page.spendingSummary", out.count, missing), "done": done ?? false,
                    "lines": Self.lineNames(g).map { ["name": $0] }, "canUndo": canUndo
                ], title: word("page.spending"), group: g.id,
                csrf: c.signedIn?.csrf ?? ""))
    }

    /// The lines a treasurer picks from (any other name may be typed): the built-in ones for money
    /// out, the events, the group's own words' lines.
    static func lineNames(_ g: Group) -> [String] {
        var seen = Set<String>()
        let builtIn = MoneyKind.allCases.filter { ![.dues, .duesEarlier, .duesLater, .interest, .joining, .donation].contains($0) }.map {
            $0.korean(spending: true)
        }
        return (builtIn + g.events.map(\.name) + g.categoryWords.values.sorted()).filter { seen.insert($0).inserted }
    }

    /// Files one withdrawal (and, learned, others with its text) under a line; the page says how
    /// many rows moved and offers to take it back.
    func setLine(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        var req = req
        let form = Forms.decode(Forms.Line.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let back = "/g/\(g.id)/spending"
        guard let id = Int64(c.parameters.get("txn") ?? "") else { throw HTTPError(.notFound) }
        let line = (form.line ?? "").trimmingCharacters(in: .whitespaces)
        let changes: [Ledger.LineChange]
        do {
            changes = try await service.ledger.categorise(g, transactions: ["t\(id)"], as: line, by: c.treasurer?.name ?? "?", dryRun: false)
        } catch let e as AppError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: back), status: .badRequest)
        }
        let said = word("page.lineSet", line.isEmpty ? word("page.unsorted") : line, changes.count)
        return Reply.redirect(back + "?done=" + (said.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "#t\(id)")
    }

    func undoLine(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let undone = try await service.store.undoCategories(group: g)
        let said = undone.map { word("page.lineUndone", $0.rows.map { "t\($0)" }.joined(separator: " ")) } ?? word("page.lineNothing")
        return Reply.redirect("/g/\(g.id)/spending?done=" + (said.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    /// A receipt from the form (a photo the camera just took, or a file): checked by its bytes.
    func attach(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let back = "/g/\(g.id)/spending"
        var req = req
        let body = try await req.collectBody(upTo: HoebiContext.uploadLimit)
        guard let form = FormParts(contentType: req.headers[.contentType], body: body), let file = form.files["file"] else {
            return Reply.page(Pages.plain(word("page.noFile"), word("page.pickFile"), back: back), status: .badRequest)
        }
        let bytes = Array(buffer: file.data)
        let name = (file.filename as NSString).lastPathComponent
        if let why = ReceiptKind.problem(bytes, name: name) {
            return Reply.page(Pages.plain(word("page.cannot"), why, back: back), status: .unprocessableContent)
        }
        guard let id = Int64(c.parameters.get("txn") ?? "") else { throw HTTPError(.notFound) }
        do {
            _ = try await service.store.addReceipt(
                group: g, transaction: id, file: ReceiptFile(name: name, mediaType: ReceiptKind.mediaType(of: bytes) ?? "", bytes: bytes),
                by: c.treasurer?.name ?? "?")
        } catch let e as StoreError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: back), status: .badRequest)
        }
        return Reply.redirect(back + "#t\(id)")
    }

    /// The file itself, as the type its bytes say; never run as a page (sandboxed, no sniffing).
    func receipt(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        guard let id = Int64(c.parameters.get("receipt") ?? ""), let (info, bytes) = try await service.store.receiptFile(group: g, id: id) else {
            throw HTTPError(.notFound)
        }
        var headers = HTTPFields()
        headers[.contentType] = info.mediaType
        headers[.contentDisposition] = "inline; filename*=UTF-8''" + (info.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "receipt")
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        headers[.cacheControl] = "private, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
