import Foundation
import HoebiCore

/// KFTC Open Banking `transaction_list/fin_num`: pages of 25 through `befor_inquiry_trace_info`.
/// Tokens come from `hoebi connect kftc` (kept in the store); `O0003` refreshes once. Each call gets
/// a new `bank_tran_id` (client use code + "U" + 9 characters, unique per day). Paging stops on
/// `next_page_yn` N, an empty cursor or a repeated page, and gives up past `maxPages`.
struct KFTCSource: TransactionSource {
    let settings: SourceSettings
    let http: HTTPTransport
    let credentials: any CredentialStore
    var name: String { "kftc" }
    var maxDays: Int { 365 }
    static let maxPages = 2000

    var accessKey: String { "kftc:access:" + settings.baseURL }
    var refreshKey: String { "kftc:refresh:" + settings.baseURL }

    static func bankTranID(clientUseCode: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return clientUseCode + "U" + String((0..<9).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }

    func accessToken() async throws -> String {
        guard let t = try await credentials.credential(accessKey) else {
            throw SourceError(name, .needsUser, code: "consent", Messages.t("src.kftc.noToken"))
        }
        return t.value
    }

    /// Exchanges the refresh token for new tokens (and keeps them).
    func refresh() async throws {
        guard let r = try await credentials.credential(refreshKey) else {
            throw SourceError(name, .needsUser, code: "O0003", Messages.t("src.kftc.noRefresh"))
        }
        let form =
            "grant_type=refresh_token&refresh_token=\(r.value)&scope=login%20inquiry&client_id=\(try settings.secret("clientId"))&client_secret=\(try settings.secret("clientSecret"))"
        let reply = try await http.send(
            HTTPExchange(
                "POST", settings.baseURL + "/oauth/2.0/token",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Data(form.utf8)), source: name)
        try await KFTCTokens.store(reply.body, credentials: credentials, baseURL: settings.baseURL)
    }

    /// account/list: the accounts the user registered with this app.
    func accounts() async throws -> [DiscoveredAccount] {
        guard let user = try await credentials.credential("kftc:user:" + settings.baseURL) else {
            throw SourceError(name, .needsUser, code: "consent", Messages.t("src.kftc.noUser"))
        }
        let exchange = HTTPExchange(
            "GET", settings.baseURL + "/v2.0/account/list?user_seq_no=\(user.value)&include_cancel_yn=N&sort_order=D",
            headers: await [("Authorization", "Bearer " + (try accessToken()))])
        return try await http.call(exchange, source: name) { try AccountLists.kftc($0.body) }
    }

    /// balance/fin_num: balance_amt.
    func balance() async throws -> Won? {
        let query =
            "bank_tran_id=\(Self.bankTranID(clientUseCode: try settings.field("clientUseCode")))&fintech_use_num=\(try settings.field("fintechUseNum"))&tran_dtime=\(Self.now())"
        let exchange = await HTTPExchange(
            "GET", settings.baseURL + "/v2.0/account/balance/fin_num?" + query, headers: [("Authorization", "Bearer " + (try accessToken()))])
        return try await http.call(exchange, source: name) { reply in
            let r = try JSONReader.parse(reply.body, source: name)
            guard r["rsp_code"].string == "A0000" else {
                throw KFTCCodec.error(
                    r["rsp_code"].string, r["rsp_message"].string, bankCode: r["bank_rsp_code"].string, bankMessage: r["bank_rsp_message"].string)
            }
            return try r["balance_amt"].won("balance_amt")
        }
    }

    func fetch(account: String, from: String, to: String, page: (ParsedResponse) async throws -> Void) async throws -> Int {
        var pager = CursorPager(source: name, maxPages: Self.maxPages)
        var refreshed = false
        while true {
            var query =
                "bank_tran_id=\(Self.bankTranID(clientUseCode: try settings.field("clientUseCode")))&fintech_use_num=\(try settings.field("fintechUseNum"))"
                + "&inquiry_type=A&inquiry_base=D&from_date=\(from)&to_date=\(to)&sort_order=A&tran_dtime=\(Self.now())"
            if let cursor = pager.cursor { query += "&befor_inquiry_trace_info=\(cursor)" }
            let exchange = await HTTPExchange(
                "GET", settings.baseURL + "/v2.0/account/transaction_list/fin_num?" + query,
                headers: [("Authorization", "Bearer " + (try accessToken()))])
            let parsed: ParsedResponse
            do {
                parsed = try await http.call(exchange, source: name) { try KFTCCodec().parseTransactions($0.body, account: account) }
            } catch let e as SourceError where e.kind == .auth && e.code == "O0003" && !refreshed {
                refreshed = true
                try await refresh()
                continue
            }
            guard pager.accept(parsed) else { return pager.pages }
            try await page(parsed)
            guard try pager.advance(to: parsed.nextCursor) else { return pager.pages }
        }
    }

    static func now() -> String {
        let t = SeoulTime.current.iso8601
        return t.prefix(19).filter(\.isNumber)
    }
}

/// Stores an OAuth token response (authorization code or refresh) in the credential store.
public enum KFTCTokens {
    /// The consent page a person opens (3-legged OAuth, scope login + inquiry).
    public static func authorizeURL(baseURL: String, clientID: String, redirect: String, state: String) -> String {
        "\(baseURL)/oauth/2.0/authorize?response_type=code&client_id=\(clientID)&redirect_uri=\(redirect)&scope=login%20inquiry&state=\(state)&auth_type=0"
    }

    /// Exchanges the authorization code from the callback for tokens, and keeps them.
    public static func exchange(
        code: String, baseURL: String, clientID: String, clientSecret: String, redirect: String,
        transport: HTTPTransport, credentials: any CredentialStore
    ) async throws {
        let form = "grant_type=authorization_code&code=\(code)&client_id=\(clientID)&client_secret=\(clientSecret)&redirect_uri=\(redirect)"
        let reply = try await transport.send(
            HTTPExchange(
                "POST", baseURL + "/oauth/2.0/token", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Data(form.utf8)), source: "kftc")
        try await store(reply.body, credentials: credentials, baseURL: baseURL)
    }

    /// For a bank that consents without a person (the sandbox): open the consent URL, read the
    /// code from its redirect, exchange it.
    public static func consentWithoutAPerson(
        baseURL: String, clientID: String, clientSecret: String,
        transport: HTTPTransport, credentials: any CredentialStore
    ) async throws {
        let redirect = "http://127.0.0.1/callback"
        let reply = try await transport.send(
            HTTPExchange("GET", authorizeURL(baseURL: baseURL, clientID: clientID, redirect: redirect, state: "auto")), source: "kftc")
        guard let code = URLComponents(string: reply.location ?? "")?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw SourceError("kftc", .needsUser, code: "consent", Messages.t("src.kftc.needsPerson"))
        }
        try await exchange(
            code: code, baseURL: baseURL, clientID: clientID, clientSecret: clientSecret, redirect: redirect,
            transport: transport, credentials: credentials)
    }

    public static func store(_ body: Data, credentials: any CredentialStore, baseURL: String) async throws {
        let r = try JSONReader.parse(body, source: "kftc")
        guard !r["access_token"].string.isEmpty else {
            throw KFTCCodec.error(r["rsp_code"].string.isEmpty ? "O0001" : r["rsp_code"].string, r["rsp_message"].string)
        }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let expires = Date().addingTimeInterval(Double(r["expires_in"].string) ?? 7_775_999)
        try await credentials.setCredential("kftc:access:" + base, value: r["access_token"].string, expires: expires)
        if !r["refresh_token"].string.isEmpty {
            try await credentials.setCredential("kftc:refresh:" + base, value: r["refresh_token"].string, expires: expires.addingTimeInterval(864_000))
        }
        if !r["user_seq_no"].string.isEmpty { try await credentials.setCredential("kftc:user:" + base, value: r["user_seq_no"].string, expires: nil) }
    }
}

extension SeoulTime {
    static var current: SeoulTime { SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970)) }
}
