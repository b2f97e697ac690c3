import Foundation
import HTTPTypes
import HoebiApp
import HoebiCore
import HoebiRender
import Hummingbird
import NIOCore
import OpenAPIRuntime

/// Responses the service gives: pages, redirects, JSON and JSON problems.
enum Reply {
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303: after a form, the browser fetches the next page with GET.
    static func redirect(_ to: String) -> Response {
        Response(status: .seeOther, headers: [.location: to])
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return json(String(decoding: data, as: UTF8.self), status: status)
    }

    /// One of the API's documents, as the generated server writes them (compact, keys sorted).
    static func document<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        json(try DocumentJSON.text(value, pretty: false), status: status)
    }

    static func problem(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message, "status": Int(status.code)] as [String: Any], status: status)
    }

    static func text(_ s: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: s)))
    }
}

/// Headers every answer carries: no framing, no sniffing, no referrer (a members' link is a
/// secret in the URL), scripts only from the service itself.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var r: Response
        let api = request.uri.path.hasPrefix("/api/")
        if api, let allowed = APIMethods.allowed(request.uri.path), !allowed.contains(request.method) {
            // A known API path asked with another method: 405 and what it takes.
            r = Reply.problem(.methodNotAllowed, "use \(allowed.map(\.rawValue).joined(separator: ", "))")
            r.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        } else {
            do { r = try await next(request, context) } catch { r = try answer(error, to: request, context: context, api: api) }
        }
        r.headers[.xContentTypeOptions] = "nosniff"
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        r.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        r.headers[.contentSecurityPolicy] =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
        return r
    }
}

extension SecurityHeaders {
    /// What a failure becomes: a problem document for the API, a page in Korean for people.
    func answer(_ error: any Error, to request: Request, context: Context, api: Bool) throws -> Response {
        switch error {
        case let e as ServerError:
            // The generated API server wraps what a handler throws, and its own refusals: a query
            // value of the wrong type, a missing body, a body that is not the operation's document.
            if e.underlyingError is DecodingError {
                return Reply.problem(.badRequest, "the body is not the \(e.operationID) document of /api/v1/openapi.json")
            }
            if e.underlyingError is ServerError || !(e.underlyingError is any HTTPResponseConvertible) {
                return try answer(e.underlyingError, to: request, context: context, api: api)
            }
            return Reply.problem(e.httpStatus, "\(e.underlyingError)")
        case let e as HTTPError:
            if api { return Reply.problem(e.status, e.body ?? e.status.reasonPhrase) }
            if e.status == .notFound { return Reply.page(Pages.plain(word("page.notFound"), word("page.checkAddress")), status: .notFound) }
            return try e.response(from: request, context: context)
        case let e as AppError:
            // What the command line calls bad usage (a period after the last, an unknown member).
            let status: HTTPResponse.Status = {
                if case .busy = e { return .serviceUnavailable }
                return .badRequest
            }()
            return api ? Reply.problem(status, e.description) : Reply.page(Pages.plain(word("page.cannot"), e.description), status: status)
        case let e as StoreError:
            if case .busy = e {
                var r =
                    api
                    ? Reply.problem(.serviceUnavailable, e.description)
                    : Reply.page(Pages.plain(word("page.busy"), e.description), status: .serviceUnavailable)
                r.headers[.retryAfter] = "5"
                return r
            }
            context.logger.error("ledger error", metadata: ["error": "\(e)"])
            return api
                ? Reply.problem(.internalServerError, "the ledger could not be read or written; see the service's log")
                : Reply.page(Pages.plain(word("page.ledgerFailed"), word("page.seeLog")), status: .internalServerError)
        default:
            throw error
        }
    }
}

/// The API's paths and the methods each takes (what `Allow` says on a 405), read from the
/// document itself: a route added there is known here without another list. `*` is one segment.
enum APIMethods {
    static let table: [(pattern: [Substring], methods: [HTTPRequest.Method])] = {
        guard let doc = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any],
            let paths = doc["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.map { path, operations in
            let pattern = path.split(separator: "/").map { $0.hasPrefix("{") ? "*" : $0 }
            return (pattern, operations.keys.compactMap { HTTPRequest.Method($0.uppercased()) }.sorted { $0.rawValue < $1.rawValue })
        }
    }()

    static func allowed(_ path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        let found = table.first { t in t.pattern.count == parts.count && zip(t.pattern, parts).allSatisfy { $0 == "*" || $0 == $1 } }
        guard let methods = found?.methods else { return nil }
        return methods.contains(.get) ? methods + [.head] : methods
    }
}
