import Foundation
import HoebiCore

/// Woori `getAccTransList`: one call per range of at most 31 days, no paging. The token comes
/// from `tokenEnv`/`tokenFile` when given, otherwise from the token endpoint (kept in the store);
/// a `SYSCD03001` token rejection re-issues it once.
struct WooriSource: TransactionSource {
    let settings: SourceSettings
    let http: HTTPTransport
    let credentials: any CredentialStore
    var name: String { "woori" }
    var maxDays: Int { 31 }

    private var tokenKey: String { "woori:token:" + settings.baseURL }

    func token(fresh: Bool) async throws -> String {
        if settings.secrets["token"] != nil { return try settings.secret("token") }
        if !fresh, let t = try await credentials.credential(tokenKey), (t.expires ?? .distantFuture) > Date() { return t.value }
        let reply = try await http.send(
            HTTPExchange(
                "POST", settings.baseURL + "/oai/wb/v1/oauth/token",
                headers: [("appkey", try settings.secret("appKey")), ("Content-Type", "application/json")],
                body: Data("{}".utf8)), source: name)
        let r = try JSONReader.parse(reply.body, source: name)
        if let e = WooriCodec.errorIn(r) { throw e }
        guard !r["access_token"].string.isEmpty else { throw SourceError(name, .auth, code: "token", Messages.t("src.woori.noToken")) }
        let expires = Date().addingTimeInterval(Double(r["expires_in"].string) ?? 3600)
        try await credentials.setCredential(tokenKey, value: r["access_token"].string, expires: expires)
        return r["access_token"].string
    }

    /// getIndivAllAccInfo: every account of the customer the token belongs to.
    func accounts() async throws -> [DiscoveredAccount] {
        let exchange = HTTPExchange(
            "POST", settings.baseURL + "/oai/wb/v1/finance/getIndivAllAccInfo",
            headers: [
                ("appkey", try settings.secret("appKey")), ("token", try await token(fresh: false)),
                ("Content-Type", "application/json")
            ], body: Data(#"{"dataHeader": {}, "dataBody": {}}"#.utf8))
        return try await http.call(exchange, source: name) { try AccountLists.woori($0.body) }
    }

    /// getAccBasicInfo: CT_BAL, the current balance.
    func balance() async throws -> Won? {
        let body: [String: Any] = [
            "dataHeader": [String: Any](),
            "dataBody": ["INQ_ACNO": try settings.field("account"), "INQ_BAS_DT": Days.string(.current)]
        ]
        let exchange = HTTPExchange(
            "POST", settings.baseURL + "/oai/wb/v1/finance/getAccBasicInfo",
            headers: [
                ("appkey", try settings.secret("appKey")), ("token", try await token(fresh: false)),
                ("Content-Type", "application/json")
            ], body: try JSONSerialization.data(withJSONObject: body))
        return try await http.call(exchange, source: name) { reply in
            let r = try JSONReader.parse(reply.body, source: name)
            if let e = WooriCodec.errorIn(r) { throw e }
            return try r["dataBody"]["CT_BAL"].won("CT_BAL")
        }
    }

    func fetch(account: String, from: String, to: String, page: (ParsedResponse) async throws -> Void) async throws -> Int {
        let body: [String: Any] = [
            "dataHeader": [
                "UTZPE_CNCT_IPAD": "127.0.0.1", "UTZPE_CNCT_MCHR_UNQ_ID": "hoebi", "UTZPE_CNCT_TEL_NO_TXT": "",
                "UTZPE_CNCT_MCHR_IDF_SRNO": "", "UTZ_MCHR_OS_DSCD": "3", "UTZ_MCHR_OS_VER_NM": "", "UTZ_MCHR_MDL_NM": "hoebi",
                "UTZ_MCHR_APP_VER_NM": "1.0"
            ],
            "dataBody": ["INQ_ACNO": try settings.field("account"), "INQ_STA_DT": from, "INQ_END_DT": to]
        ]
        let data = try JSONSerialization.data(withJSONObject: body)
        for attempt in 0..<2 {
            let exchange = HTTPExchange(
                "POST", settings.baseURL + "/oai/wb/v1/finance/getAccTransList",
                headers: [
                    ("appkey", try settings.secret("appKey")), ("token", try await token(fresh: attempt > 0)),
                    ("Content-Type", "application/json")
                ], body: data)
            do {
                try await page(try await http.call(exchange, source: name) { try WooriCodec().parseTransactions($0.body, account: account) })
                return 1
            } catch let e as SourceError where e.kind == .auth && attempt == 0 && settings.secrets["token"] == nil {
                continue  // the token was refused: issue a new one once
            }
        }
        throw SourceError(name, .auth, code: "SYSCD03001", Messages.t("src.tokenTwice"))
    }
}
