import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import Hummingbird

/// `/api/v1`: the same JSON documents as the command line's `--format json` (`JSONShapes`,
/// `ReportJSON`), described by `openapi.json` (kept in the repository, compiled in).
struct APIRoutes {
    let service: HoebiService
    let runner: SyncRunner

    func add(to r: RouterGroup<HoebiContext>) {
        r.get("/api/v1/openapi.json") { _, _ in Reply.json(OpenAPIDocument.text) }
        r.get("/api/v1/groups") { _, _ in
            Reply.json(
                service.config.groups.map { g -> [String: Any] in
                    ["id": g.id, "name": g.name, "cycle": g.dues.cycle.rawValue, "members": g.members.count, "sync": g.sync != nil]
                } as [Any])
        }
        r.get("/api/v1/groups/:group/report") { req, c in
            let g = try group(c)
            let q = req.uri.queryParameters
            let from = try period(q.get("from"), "from"), to = try period(q.get("to"), "to")
            return Reply.json(try ReportJSON.render(try service.ledger.report(g, from: from, to: to)))
        }
        r.get("/api/v1/groups/:group/review") { _, c in
            Reply.json(JSONShapes.review(try service.report(try group(c)).review) as [Any])
        }
        r.get("/api/v1/groups/:group/transactions") { req, c in
            let g = try group(c)
            let q = req.uri.queryParameters
            func day(_ key: String) throws -> SeoulTime? {
                guard let s = q.get(key) else { return nil }
                guard s.count == 10, let t = SeoulTime(parsing: s) else { throw HTTPError(.badRequest, message: "\(key) must be YYYY-MM-DD") }
                return t
            }
            var amount: Won?
            if let a = q.get("amount") {
                guard let n = Int64(a) else { throw HTTPError(.badRequest, message: "amount must be whole won") }
                amount = n
            }
            var filter = LedgerFilter(from: try day("from"), to: try day("to"), text: q.get("text"), amount: amount, member: q.get("member"))
            if let l = q.get("limit") {
                guard let n = Int(l), (1...10_000).contains(n) else { throw HTTPError(.badRequest, message: "limit must be 1 to 10000") }
                filter.limit = n
            }
            return Reply.json(JSONShapes.transactions(try service.store.ledger(of: g, filter)) as [Any])
        }
        r.get("/api/v1/groups/:group/runs") { _, c in
            Reply.json(JSONShapes.runs(try service.store.runs(of: try group(c))) as [Any])
        }
        r.post("/api/v1/groups/:group/decisions") { req, c in
            let g = try group(c)
            var req = req
            let body = try await req.collectBody(upTo: 64 << 10)
            // Decoded strictly: a field of the wrong type is refused, not ignored.
            guard let o = try? JSONDecoder().decode(DecisionRequest.self, from: Data(buffer: body)) else {
                return Reply.problem(
                    .badRequest,
                    "send {\"transaction\": \"t42\", \"action\": \"assign\"|\"ignore\"|\"unassign\"|\"clear\", "
                        + "\"member\": string, \"periods\": [\"2026-03\"], \"reason\": string, \"only\": true|false, \"dryRun\": true|false}")
            }
            let txn = o.transaction
            let periods = (o.periods ?? []).map { Period($0) }
            guard !periods.contains(nil) else { return Reply.problem(.badRequest, "periods must be like 2026-03, 2026-Q1, 2026-H1 or 2026") }
            let action: Ledger.Action
            switch o.action {
            case "assign":
                guard let m = o.member, g.member(m) != nil else { return Reply.problem(.badRequest, "assign needs a member id of this group") }
                action = .assign(member: m, periods: periods.compactMap { $0 })
            case "ignore": action = .ignore(reason: o.reason ?? "")
            case "unassign": action = .unassign
            case "clear": action = .clear
            default: return Reply.problem(.badRequest, "action must be assign, ignore, unassign or clear")
            }
            do {
                let e = try service.ledger.decide(
                    g, transaction: txn, action, by: c.treasurer?.name ?? "api",
                    only: o.only ?? false, dryRun: o.dryRun ?? false)
                return Reply.json(JSONShapes.decision(e))
            } catch let e as StoreError {
                return Reply.problem(.unprocessableContent, Messages.show(e.description, in: .en))
            } catch let e as AppError {
                return Reply.problem(.unprocessableContent, e.description)
            }
        }
        r.post("/api/v1/groups/:group/imports") { req, c in try await upload(req, c) }
        r.post("/api/v1/groups/:group/sync") { _, c in
            let g = try group(c)
            guard g.sync != nil else { return Reply.problem(.conflict, "group '\(g.id)' has no sync settings") }
            let started = await runner.start(g, by: c.treasurer?.name ?? "api")
            return Reply.json(["status": started ? "started" : "running"] as [String: Any], status: .accepted)
        }
    }

    func group(_ c: HoebiContext) throws -> Group {
        guard let g = service.group(c.parameters.get("group")) else { throw HTTPError(.notFound, message: "no such group") }
        return g
    }

    func period(_ s: String?, _ name: String) throws -> Period? {
        guard let s else { return nil }
        guard let p = Period(s) else { throw HTTPError(.badRequest, message: "\(name) must be a period: 2026-03, 2026-Q1, 2026-H1 or 2026") }
        return p
    }

    /// A statement as the raw request body (the dashboard's upload and the API): written to a
    /// private temporary file for the importer, removed afterwards; the password never touches disk.
    func upload(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try group(c)
        var req = req
        let body = try await req.collectBody(upTo: c.maxUploadSize)
        let name = (req.headers[.init("X-File-Name")!]?.removingPercentEncoding).map { ($0 as NSString).lastPathComponent } ?? "statement"
        let password = req.headers[.init("X-Statement-Password")!]?.removingPercentEncoding
        let (status, doc) = try importStatement(body, name: name, password: password, into: g)
        return status == .ok ? Reply.json(doc) : Reply.problem(status, doc["error"] as? String ?? "")
    }

    /// The upload form posted without its script (multipart/form-data): the same import, the
    /// result as a page.
    func uploadForm(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try group(c)
        var req = req
        let body = try await req.collectBody(upTo: c.maxUploadSize)
        guard let form = FormParts(contentType: req.headers[.contentType], body: body), let file = form.files["file"] else {
            return Reply.page(Pages.plain("파일을 읽지 못했습니다", "올릴 거래내역 파일을 골라 주세요.", back: "/g/\(g.id)/upload"), status: .badRequest)
        }
        let password = form.fields["password"].flatMap { $0.isEmpty ? nil : $0 }
        let (status, doc) = try importStatement(file.data, name: file.filename, password: password, into: g)
        let text = status == .ok ? doc["message"] as? String ?? "" : doc["error"] as? String ?? ""
        return Reply.page(
            Pages.plain(status == .ok ? "올렸습니다" : "가져오지 못했습니다", text, back: "/g/\(g.id)/review"),
            status: status == .ok ? .ok : status)
    }

    /// Imports a statement given as bytes: written to a private temporary file for the importer,
    /// removed afterwards; the password never touches disk. The document is the CLI's import JSON
    /// with a `message` in the treasurer's words, or `error`.
    func importStatement(_ body: ByteBuffer, name: String, password: String?, into g: Group) throws -> (HTTPResponse.Status, [String: Any]) {
        guard body.readableBytes > 0 else { return (.badRequest, ["error": Messages.t("import.empty")]) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-upload-" + Credentials.newToken())
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name.isEmpty ? "statement" : name)
        try Data(buffer: body).write(to: file)
        do {
            let r = try service.ledger.importFile(file, group: g, format: nil, password: password.map { p in { @Sendable in p } }, shownAs: name)
            Metrics.imported(r.counts.new)
            var doc = JSONShapes.imported(r)
            let breaks =
                r.breaks.isEmpty
                ? Messages.t("balance.continuous")
                : Messages.t("balance.breaks", r.breaks.count) + "\n" + r.breaks.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            doc["message"] =
                Messages.t("import.summary", name, r.layout, r.counts.new, r.counts.known, r.counts.ignored) + "\n"
                + Messages.t("match.summary", r.match.deposits, r.match.allocated, r.match.review, r.match.other) + "\n" + breaks
            return (.ok, doc)
        } catch let e as ImportError {
            return (.unprocessableContent, ["error": e.description.replacingOccurrences(of: dir.path + "/", with: "")])
        }
    }
}

/// The body of `POST …/decisions`, as the OpenAPI document's `Decision` describes it.
struct DecisionRequest: Decodable {
    var transaction: String
    var action: String
    var member: String?
    var periods: [String]?
    var reason: String?
    var only: Bool?
    var dryRun: Bool?
}
