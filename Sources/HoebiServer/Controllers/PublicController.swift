import Foundation
import HoebiCore
import HoebiRender
import Hummingbird

/// The only routes open without signing in: sign-in itself, `/healthz`, the members' page behind
/// its share link, and the page script, one named handler each.
struct PublicController {
    let service: HoebiService

    func add(to r: Router<HoebiContext>) {
        r.get("/healthz", use: health)
        r.get("/login", use: signInPage)
        r.post("/login", use: signIn)
        r.get("/static/app.js", use: script)
        r.get("/m/:token", use: membersPage)
    }

    func health(_ req: Request, _ c: HoebiContext) async throws -> Response {
        // The ledger answers a read: the service can do its job.
        _ = try await service.store.treasurers()
        return Reply.json(["status": "ok", "schema": service.store.schemaVersion] as [String: Any])
    }

    func signInPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        loginPage(next: safeNext(req.uri.queryParameters.get("next")), name: "", error: nil, secure: secure(req))
    }

    func signIn(_ req: Request, _ c: HoebiContext) async throws -> Response {
        var req = req
        let form = Forms.decode(Forms.SignIn.self, try await req.collectBody(upTo: 64 << 10))
        let name = form.name ?? "", password = form.password ?? ""
        let next = safeNext(form.next)
        let keys = ["ip:" + c.remote, "name:" + name]
        let now = SeoulTime.now.epochSeconds
        func refuse(_ status: HTTPResponse.Status, _ message: String) -> Response {
            loginPage(next: next, name: name, error: message, status: status, secure: secure(req))
        }
        // The sign-in form carries a token that must equal its cookie (double submit): another
        // site cannot read the cookie, so it cannot sign a browser in to an account of its own.
        guard let sent = form.csrf, let kept = req.cookies[Session.loginCookie]?.value, Session.same(sent, kept) else {
            return refuse(.forbidden, word("page.signInStale"))
        }
        if try await service.limiter.blocked(keys, now: now) {
            return refuse(.tooManyRequests, word("page.signInLimited"))
        }
        // bcrypt takes a quarter of a second: off the request's executor, and done even for an
        // unknown name so that the answer's timing does not tell which names exist.
        let found = try await service.store.passwordHash(of: name)
        let ok = await Task.detached { Credentials.verify(password, hash: found?.1 ?? Self.decoyHash) }.value && found != nil
        guard ok, let treasurer = found?.0 else {
            try await service.limiter.failed(keys, now: now)
            return refuse(.unauthorized, word("page.signInWrong"))
        }
        try await service.limiter.succeeded(keys)
        let token = Credentials.newToken()
        try await service.store.createSession(
            treasurer: treasurer.id, tokenHash: Credentials.hash(token), csrf: Credentials.newToken(),
            expires: SeoulTime(epochSeconds: now + Session.lifetime))
        var r = Reply.redirect(next)
        r.setCookie(
            .init(name: Session.cookie, value: token, maxAge: Int(Session.lifetime), path: "/", secure: secure(req), httpOnly: true, sameSite: .strict))
        r.setCookie(.init(name: Session.loginCookie, value: "", maxAge: 0, path: "/login", secure: secure(req), httpOnly: true, sameSite: .strict))
        return r
    }

    func script(_ req: Request, _ c: HoebiContext) async throws -> Response {
        Reply.text(Script.app, type: "text/javascript; charset=utf-8")
    }

    func membersPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        guard let token = c.parameters.get("token"), let id = try await service.store.group(forShareToken: token), let g = service.group(id) else {
            return Reply.page(Pages.plain(word("page.badLink"), word("page.askForLink")), status: .notFound)
        }
        let report = try await service.report(g)
        // Names masked, and no depositor texts: they hold other people's names.
        let amount = g.dues.amount(for: report.periods.last ?? SeoulTime.now.period)
        return Reply.page(
            Pages.render(
                "members",
                [
                    "groupName": g.name, "asOf": Pages.asOf(report.asOf), "bank": g.account.bankName, "account": g.account.number,
                    "holder": g.account.holder ?? "", "amount": (amount ?? 0).grouped, "dueDay": g.dues.dueDay,
                    "grid": ReportHTML.grid(report, mask: true),
                    // The withdrawals as the shared report shows them: people masked, shops named, 🧾
                    // beside one with a receipt (the file itself is for the treasurer and the auditor).
                    // Not the other income: its texts are depositors' names.
                    "money": ReportHTML.withdrawals(report, mask: true),
                    // Open questions are said on the shared page too: the grid is not final while they wait.
                    "reviewCount": report.review.count, "hasReview": !report.review.isEmpty
                ], title: word("page.membersTitle", g.name)))
    }

    /// The sign-in form with a fresh form token, kept in a short-lived cookie for `/login` only.
    func loginPage(next: String, name: String, error: String?, status: HTTPResponse.Status = .ok, secure: Bool) -> Response {
        let token = Credentials.newToken()
        var r = Reply.page(
            Pages.render("login", ["next": next, "error": error ?? false, "name": name, "csrf": token], title: word("page.signIn")), status: status)
        r.setCookie(.init(name: Session.loginCookie, value: token, maxAge: 3600, path: "/login", secure: secure, httpOnly: true, sameSite: .strict))
        return r
    }

    /// Cookies are marked Secure behind a TLS proxy (X-Forwarded-Proto) or when told to.
    func secure(_ req: Request) -> Bool {
        req.headers[.init("X-Forwarded-Proto")!] == "https" || ProcessInfo.processInfo.environment["HOEBI_SECURE_COOKIES"] == "1"
    }

    /// Only paths of this service: never an address elsewhere (an open redirect).
    func safeNext(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\") else { return "/" }
        return s
    }

    static let decoyHash = Credentials.hashPassword("decoy password that no one has")
}
