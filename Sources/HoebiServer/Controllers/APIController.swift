import Foundation
import HTTPTypes
import HoebiAPI
import HoebiApp
import HoebiCore
import HoebiRender
import Hummingbird
import OpenAPIRuntime

/// `/api/v1`: the operations of `api/openapi.json`, as the protocol generated from it (HoebiAPI)
/// asks. An operation added to the document and not implemented here does not compile; every
/// answer is one of the document's own for that operation. The documents are the command line's
/// `--format json` (`JSONShapes`, `ReportJSON`).
struct APIController: APIProtocol {
    let service: HoebiService
    let runner: SyncRunner
    let statements: StatementUpload

    typealias Schemas = Components.Schemas

    /// The group the path names, when the caller may see it (else the operation's 404).
    func visible(_ id: String) -> Group? { service.group(id, for: APIRequest.treasurer) }

    /// The document, decoded and re-encoded by the generated server; `DocumentAsWritten` serves
    /// it as written instead.
    func openapi(_ input: Operations.Openapi.Input) async throws -> Operations.Openapi.Output {
        .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(OpenAPIDocument.text.utf8)))))
    }

    func groups(_ input: Operations.Groups.Input) async throws -> Operations.Groups.Output {
        .ok(.init(body: .json(JSONShapes.groups(service.groups(for: APIRequest.treasurer)))))
    }

    func report(_ input: Operations.Report.Input) async throws -> Operations.Report.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        guard let from = Self.period(input.query.from), let to = Self.period(input.query.to) else {
            return .badRequest(Self.bad("from and to must be periods: 2026-03, 2026-Q1, 2026-H1 or 2026"))
        }
        return await .ok(.init(body: .json(ReportJSON.document(try service.ledger.report(g, from: from, to: to)))))
    }

    /// The 결산 of `from`…`to` (months; either alone: twelve months), or of the last full calendar year.
    func closing(_ input: Operations.Closing.Input) async throws -> Operations.Closing.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        let q = input.query
        let from = q.from.flatMap(Period.init), to = q.to.flatMap(Period.init)
        guard (from == nil) == (q.from == nil), (to == nil) == (q.to == nil), from.map({ $0.cycle == .monthly }) ?? true,
            to.map({ $0.cycle == .monthly }) ?? true
        else { return .badRequest(Self.bad("from and to are months: 2026-01, 2026-12")) }
        guard let (f, t) = try await service.ledger.closingRange(g, from: from, to: to) else { return .badRequest(Self.bad("from must not be after to")) }
        return await .ok(.init(body: .json(JSONShapes.closing(try service.ledger.closing(g, from: f, to: t)))))
    }

    func events(_ input: Operations.Events.Input) async throws -> Operations.Events.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        return await .ok(.init(body: .json(try service.ledger.eventBooks(g).map { JSONShapes.event($0, g) })))
    }

    func review(_ input: Operations.Review.Input) async throws -> Operations.Review.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        return await .ok(.init(body: .json(JSONShapes.review(try service.report(g).review))))
    }

    func transactions(_ input: Operations.Transactions.Input) async throws -> Operations.Transactions.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        let q = input.query
        func day(_ s: String?) -> SeoulTime?? {
            guard let s else { return .some(nil) }
            guard s.count == 10, let t = SeoulTime(parsing: s) else { return nil }
            return t
        }
        guard let from = day(q.from), let to = day(q.to) else { return .badRequest(Self.bad("from and to must be days: YYYY-MM-DD")) }
        var filter = LedgerFilter(from: from, to: to, text: q.text, amount: q.amount, member: q.member)
        if let n = q.limit {
            guard (1...10_000).contains(n) else { return .badRequest(Self.bad("limit must be 1 to 10000")) }
            filter.limit = n
        }
        return await .ok(.init(body: .json(JSONShapes.transactions(try service.store.ledger(of: g, filter)))))
    }

    func runs(_ input: Operations.Runs.Input) async throws -> Operations.Runs.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        return await .ok(.init(body: .json(JSONShapes.runs(try service.store.runs(of: g)))))
    }

    func decide(_ input: Operations.Decide.Input) async throws -> Operations.Decide.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        guard case .json(let o) = input.body else { return .badRequest(Self.bad("send the decision as application/json")) }
        let periods = (o.periods ?? []).map { Period($0) }
        guard !periods.contains(nil) else { return .badRequest(Self.bad("periods must be like 2026-03, 2026-Q1, 2026-H1 or 2026")) }
        let action: Ledger.Action
        switch o.action {
        case .assign:
            guard let m = o.member, g.member(m) != nil else { return .badRequest(Self.bad("assign needs a member id of this group")) }
            action = .assign(member: m, periods: periods.compactMap { $0 })
        case .ignore: action = .ignore(reason: o.reason ?? "")
        case .unassign: action = .unassign
        case .clear: action = .clear
        case .collect:
            if let unknown = (o.members ?? []).first(where: { g.member($0) == nil }) {
                return .badRequest(Self.bad("collect: '\(unknown)' is not a member id of this group"))
            }
            action = .collect(members: o.members, periods: periods.compactMap { $0 }, rest: o.rest, everyMonth: o.everyMonth ?? false)
        case .split:
            var parts: [DepositPart] = []
            for p in o.parts ?? [] {
                let ps = (p.periods ?? []).map { Period($0) }
                guard !ps.contains(nil), p.amount > 0 else { return .badRequest(Self.bad("split: each part needs an amount above 0 and periods like 2026-03")) }
                if let m = p.member, g.member(m) == nil { return .badRequest(Self.bad("split: '\(m)' is not a member id of this group")) }
                parts.append(DepositPart(member: p.member, periods: ps.compactMap { $0 }, amount: p.amount, label: p.label ?? ""))
            }
            guard !parts.isEmpty else { return .badRequest(Self.bad("split needs parts")) }
            action = .split(parts: parts)
        }
        do {
            let e = try await service.ledger.decide(
                g, transaction: o.transaction, action, by: APIRequest.treasurer?.name ?? "api", only: o.only ?? false, dryRun: o.dryRun ?? false)
            return .ok(.init(body: .json(JSONShapes.decision(e))))
        } catch let e as StoreError {
            if case .busy = e { throw e }
            return .unprocessableContent(.init(body: .json(Self.problem(Messages.show(e.description, in: .en), 422))))
        } catch let e as AppError {
            return .unprocessableContent(.init(body: .json(Self.problem(e.description, 422))))
        }
    }

    func _import(_ input: Operations.Import.Input) async throws -> Operations.Import.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        let body: HTTPBody
        switch input.body {
        case .binary(let b), .any(let b): body = b
        }
        // Read up to the limit, counting as it comes (a chunked body has no length to check first).
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.count <= HoebiContext.uploadLimit else {
                return .contentTooLarge(.init(body: .json(Self.problem("the file is larger than 16 MB", 413))))
            }
            bytes += chunk
        }
        let given = StatementUpload.given(name: input.headers.xFileName, password: input.headers.xStatementPassword)
        switch try await statements.importStatement(bytes, name: given.name, password: given.password, into: g) {
        case .imported(let doc): return .ok(.init(body: .json(doc)))
        case .empty(let message): return .badRequest(Self.bad(message))
        case .refused(let message): return .unprocessableContent(.init(body: .json(Self.problem(message, 422))))
        }
    }

    func syncNow(_ input: Operations.SyncNow.Input) async throws -> Operations.SyncNow.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        guard g.sync != nil else { return .conflict(.init(body: .json(Self.problem("group '\(g.id)' has no sync settings", 409)))) }
        let started = await runner.start(g, by: APIRequest.treasurer?.name ?? "api")
        return .accepted(.init(body: .json(.init(status: started ? .started : .running))))
    }

    /// A query's optional period: `.some(nil)` when absent, nil when it is not a period.
    static func period(_ s: String?) -> Period?? {
        guard let s else { return .some(nil) }
        return Period(s).map { $0 }
    }

    static func problem(_ message: String, _ status: Int) -> Schemas.Problem { .init(error: message, status: status) }
    static let noSuchGroup = Components.Responses.NotFound(body: .json(problem("no such group", 404)))
    static func bad(_ message: String) -> Components.Responses.BadRequest { .init(body: .json(problem(message, 400))) }
}

/// Who is asking, for the handlers (the generated protocol passes only the operation's input):
/// set by `APIRequest.Middleware` for the request's task.
enum APIRequest {
    @TaskLocal static var treasurer: Treasurer?
}

extension APIRequest {
    /// Puts the signed-in treasurer (or the token's owner) where the handlers can read it; no
    /// answer of the API is kept by a cache (they are the ledger as it is now).
    struct Middleware: RouterMiddleware {
        typealias Context = HoebiContext
        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            var r = try await APIRequest.$treasurer.withValue(context.treasurer) { try await next(request, context) }
            r.headers[.cacheControl] = "no-store"
            return r
        }
    }
}

/// Serves `GET /api/v1/openapi.json` as the repository's file, byte for byte (its layout, its
/// key order), where the generated server would re-encode the JSON compact and sorted.
struct DocumentAsWritten: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == "openapi" else { return try await next(request, body, metadata) }
        return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json; charset=utf-8"]), HTTPBody(OpenAPIDocument.text))
    }
}
