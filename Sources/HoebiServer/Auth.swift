import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird

/// Finds who is calling: a browser's session cookie or a script's `Authorization: Bearer` token.
struct IdentifyMiddleware: RouterMiddleware {
    typealias Context = HoebiContext
    let accounts: any AccountStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") {
            context.tokenOwner = try await accounts.tokenOwner(tokenHash: Credentials.hash(String(auth.dropFirst(7))))
        } else if let cookie = request.cookies[Session.cookie] {
            context.signedIn = try await accounts.session(tokenHash: Credentials.hash(cookie.value), now: .now)
        }
        return try await next(request, context)
    }
}

/// Everything behind it is for treasurers only: a page sends the browser to sign in (303), the
/// API and any write answer 401. A browser's writes must carry its session's CSRF token (a form
/// field `csrf` or the `X-CSRF-Token` header); API tokens are not cookies, so they need none.
struct RequireTreasurer: RouterMiddleware {
    typealias Context = HoebiContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let reading = request.method == .get || request.method == .head
        guard context.treasurer != nil else {
            if request.uri.path.hasPrefix("/api/") { return Reply.problem(.unauthorized, "sign in, or send an API token (hoebi token create)") }
            if reading { return Reply.redirect("/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")) }
            return Reply.page(Pages.plain(word("page.signInNeeded"), word("page.signInAgain")), status: .unauthorized)
        }
        // An auditor reads everything and changes nothing: every write is refused, route by
        // route, except signing out.
        if !reading, !context.canWrite, request.uri.path != "/logout" {
            if request.uri.path.hasPrefix("/api/") { return Reply.problem(.forbidden, Messages.t("user.viewerRefused")) }
            return Reply.page(Pages.plain(word("page.viewerTitle"), Messages.t("user.viewerRefused")), status: .forbidden)
        }
        guard let session = context.signedIn, context.tokenOwner == nil, !reading else {
            return try await Pages.$readOnly.withValue(!context.canWrite) { try await next(request, context) }
        }
        var request = request
        var presented = request.headers[HTTPField.Name("X-CSRF-Token")!]
        let type = request.headers[.contentType]
        if presented == nil, type?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            presented = Forms.decode(Forms.Token.self, body).csrf
        } else if presented == nil, type?.lowercased().hasPrefix("multipart/form-data") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            presented = FormParts(contentType: type, body: body)?.fields["csrf"]
        }
        guard let presented, Session.same(presented, session.csrf) else {
            return Reply.page(Pages.plain(word("page.csrfTitle"), word("page.csrf")), status: .forbidden)
        }
        return try await next(request, context)
    }
}

enum Session {
    static let cookie = "hoebi_session"
    /// The sign-in form's own CSRF token (there is no session yet to hold one).
    static let loginCookie = "hoebi_login"
    static let lifetime: Int64 = 14 * 86400

    /// Constant-time comparison: how long a wrong token takes to refuse says nothing about it.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Sign-in attempts per address and per name: five failures in ten minutes lock either out for the
/// rest of the ten minutes (a bcrypt check is slow anyway; this stops patient guessing). Counted in
/// the ledger, so every instance of a hosted service sees the same attempts; the keys are hashed.
struct SignInLimiter: Sendable {
    let store: any AccountStore
    static let window: Int64 = 600, allowed = 5

    static func hashed(_ keys: [String]) -> [String] { keys.map { Credentials.hash("sign-in:" + $0) } }

    func blocked(_ keys: [String], now: Int64) async throws -> Bool {
        try await store.signInFailures(Self.hashed(keys), since: now - Self.window + 1) >= Self.allowed
    }

    func failed(_ keys: [String], now: Int64) async throws {
        try await store.recordSignInFailure(Self.hashed(keys), at: now, forget: now - Self.window)
    }

    func succeeded(_ keys: [String]) async throws { try await store.clearSignInFailures(Self.hashed(keys)) }
}

/// A form's fields, all optional: a missing one is the route's to refuse, in words.
protocol FormFields: Decodable {
    init()
}

/// The forms people post (`application/x-www-form-urlencoded`), decoded by Hummingbird's
/// `URLEncodedFormDecoder`; a body that is not a form decodes as no fields.
enum Forms {
    static func decode<T: FormFields>(_ type: T.Type, _ body: ByteBuffer) -> T {
        decode(type, String(buffer: body))
    }

    static func decode<T: FormFields>(_ type: T.Type, _ text: String) -> T {
        (try? URLEncodedFormDecoder().decode(T.self, from: text)) ?? T()
    }

    /// What the CSRF check reads of any form.
    struct Token: FormFields { var csrf: String? }

    struct SignIn: FormFields {
        var name: String?
        var password: String?
        var next: String?
        var csrf: String?
    }

    /// A decision from the review queue, and its preview's form that applies it.
    struct Decision: FormFields {
        var action: String?
        var member: String?
        var reason: String?
        var only: String?
        /// A collective payment's members (`members[]`), periods, remainder and "every month".
        var members: [String]?
        var periods: String?
        var rest: String?
        var everyMonth: String?
        /// A split: the member's dues amount, and the other part's label and amount.
        var duesAmount: String?
        var otherLabel: String?
        var otherAmount: String?
    }

    /// The group's settings as JSON, and the version they were edited on.
    struct Settings: FormFields {
        var body: String?
        var version: String?
        var csrf: String?
    }

    /// A 결산 line given to a withdrawal on the 지출 page.
    struct Line: FormFields {
        var line: String?
        var csrf: String?
    }

    /// A member added, edited or marked as left on the dashboard, and its preview's form.
    struct Member: FormFields {
        var op: String?
        var member: String?
        var name: String?
        var joined: String?
        var amount: String?
        var alias: String?
        var last: String?
        /// Where to go once applied (the review card it came from).
        var back: String?
        /// The file as the change wrote it, so "undo" restores the previous one only if no one changed it since.
        var written: String?
    }
}
