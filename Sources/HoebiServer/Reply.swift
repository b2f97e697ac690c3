import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses the service gives: pages, redirects, JSON and JSON problems.
enum Reply {
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303: after a form, the browser fetches the next page with GET.
    static func redirect(_ to: String) -> Response {
        Response(status: .seeOther, headers: [.location: to])
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return json(String(decoding: data, as: UTF8.self), status: status)
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
        do { r = try await next(request, context) } catch let e as HTTPError {
            r = e.status == .notFound ? Reply.page(Pages.plain("없는 페이지입니다", "주소를 확인해 주세요."), status: .notFound) : try e.response(from: request, context: context)
        }
        r.headers[.xContentTypeOptions] = "nosniff"
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        r.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        r.headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
        return r
    }
}
