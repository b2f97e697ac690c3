import CryptoExtras
import Foundation
import HoebiCore

/// CODEF bank transaction-list. A client-credentials token (one week) is kept in the store and
/// renewed an hour before it expires; a 401 `CF-99997` re-issues it once and repeats the call.
/// Passwords are RSA PKCS#1 v1.5 encrypted with the client's public key. The connectedId is
/// created once (account/create) and kept. CODEF may serve less than asked (`commEndDate`); the
/// rest is asked for again.
struct CodefSource: TransactionSource {
    let settings: SourceSettings
    let http: HTTPTransport
    let credentials: any CredentialStore
    var name: String { "codef" }
    var maxDays: Int { 90 }

    private var tokenKey: String { "codef:token:" + settings.baseURL }
    private var connectedIdKey: String { "codef:connectedId:" + settings.baseURL + ":" + (settings.fields["account"] ?? "") }

    func token(fresh: Bool) async throws -> String {
        if !fresh, let t = try await credentials.credential(tokenKey), (t.expires ?? .distantFuture) > Date().addingTimeInterval(3600) { return t.value }
        let basic = Data("\(try settings.secret("clientId")):\(try settings.secret("clientSecret"))".utf8).base64EncodedString()
        let reply = try await http.send(
            HTTPExchange(
                "POST", (settings.fields["oauthURL"] ?? settings.baseURL) + "/oauth/token",
                headers: [("Authorization", "Basic " + basic), ("Content-Type", "application/x-www-form-urlencoded")],
                body: Data("grant_type=client_credentials&scope=read".utf8)), source: name)
        let r = try JSONReader.parse(reply.body, source: name)
        guard reply.status == 200, !r["access_token"].string.isEmpty else {
            throw SourceError(name, .auth, code: "oauth", Messages.t("src.codef.client", reply.status, r["error_description"].string))
        }
        try await credentials.setCredential(
            tokenKey, value: r["access_token"].string,
            expires: Date().addingTimeInterval(Double(r["expires_in"].string) ?? 604_799))
        return r["access_token"].string
    }

    func encrypt(_ secret: String) throws -> String {
        guard let der = Data(base64Encoded: try settings.field("publicKey")) else {
            throw SourceError(name, .rejected, code: "config", Messages.t("src.codef.publicKey"))
        }
        let key = try _RSA.Encryption.PublicKey(unsafeDERRepresentation: der)
        return try key.encrypt(Data(secret.utf8), padding: ._WEAK_AND_INSECURE_PKCS_V1_5).base64EncodedString()
    }

    /// POSTs a URL-encoded JSON body with the bearer token and interprets the answer; on a token
    /// error, once more with a new token.
    func post<T>(_ path: String, _ params: [String: Any], _ interpret: (Data) throws -> T) async throws -> T {
        let body = try CodefCodec.encodeBody(params)
        for attempt in 0..<2 {
            let exchange = HTTPExchange(
                "POST", settings.baseURL + path,
                headers: [
                    ("Authorization", "Bearer " + (try await token(fresh: attempt > 0))),
                    ("Content-Type", "application/json")
                ], body: body)
            do {
                return try await http.call(exchange, source: name) { try interpret($0.body) }
            } catch let e as SourceError where e.kind == .auth && attempt == 0 {
                continue
            }
        }
        throw SourceError(name, .auth, code: "CF-99997", Messages.t("src.tokenTwice"))
    }

    func connectedId() async throws -> String {
        if let c = try await credentials.credential(connectedIdKey) { return c.value }
        let org = try settings.field("organization")
        let params: [String: Any] = [
            "accountList": [
                [
                    "countryCode": "KR", "businessType": "BK", "clientType": settings.fields["clientType"] ?? "P",
                    "organization": org, "loginType": "1", "id": try settings.field("loginId"),
                    "password": try encrypt(try settings.secret("loginPassword"))
                ]
            ]
        ]
        let r = try await post("/v1/account/create", params, CodefCodec.envelope)
        guard let cid = r["data"]["connectedId"].string.nilIfEmpty else {
            throw SourceError(name, .rejected, code: r["result"]["code"].string, Messages.t("src.codef.register", r["result"]["message"].string))
        }
        try await credentials.setCredential(connectedIdKey, value: cid, expires: nil)
        return cid
    }

    /// account-list: the accounts the connectedId sees at the organisation.
    func accounts() async throws -> [DiscoveredAccount] {
        try await post(
            "/v1/kr/bank/p/account/account-list", ["connectedId": try await connectedId(), "organization": try settings.field("organization")],
            AccountLists.codef)
    }

    func fetch(account: String, from: String, to: String, page: (ParsedResponse) async throws -> Void) async throws -> Int {
        let cid = try await connectedId()
        let org = try settings.field("organization")
        var start = from
        var pages = 0
        while start <= to {
            let params: [String: Any] = [
                "connectedId": cid, "organization": org, "account": try settings.field("account"),
                "startDate": start, "endDate": to, "orderBy": "1", "inquiryType": "1",
                "accountPassword": try encrypt(try settings.secret("accountPassword"))
            ]
            let parsed = try await post("/v1/kr/bank/p/account/transaction-list", params) {
                try CodefCodec(organization: org).parseTransactions($0, account: account)
            }
            try await page(parsed)
            pages += 1
            // The range CODEF says it covered decides where the next call starts.
            guard let covered = parsed.covered?.to, covered < to, covered >= start, let next = Days.after(covered) else { break }
            start = next
        }
        return pages
    }
}

/// YYYYMMDD arithmetic in Seoul dates.
public enum Days {
    public static func after(_ yyyymmdd: String) -> String? { shift(yyyymmdd, by: 1) }

    public static func shift(_ yyyymmdd: String, by days: Int) -> String? {
        guard let t = SeoulTime(parsing: yyyymmdd) else { return nil }
        return string(SeoulTime(epochSeconds: t.epochSeconds + Int64(days) * 86400))
    }

    public static func string(_ t: SeoulTime) -> String {
        String(t.iso8601.prefix(10)).replacingOccurrences(of: "-", with: "")
    }

    /// Days from `a` to `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        guard let x = SeoulTime(parsing: a), let y = SeoulTime(parsing: b) else { return 0 }
        return Int((y.epochSeconds - x.epochSeconds) / 86400)
    }
}
