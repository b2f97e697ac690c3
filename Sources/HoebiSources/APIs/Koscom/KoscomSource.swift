import Foundation
import HoebiCore

/// Koscom (groups that keep their money in a securities account): `member/register/search` and
/// `member/consent/search` find the linked virtual account, then `transaction/search` is paged for
/// `side` DEP (money in) and WID (money out).
struct KoscomSource: TransactionSource {
    let settings: SourceSettings
    let http: HTTPTransport
    let credentials: any CredentialStore
    var name: String { "koscom" }
    var maxDays: Int { 366 }
    static let maxPages = 2000

    var partner: [String: Any] { ["comId": settings.fields["comId"] ?? "F0995", "srvId": settings.fields["srvId"] ?? "297"] }
    var commonHeader: [String: Any] { ["reqIdPlatform": "", "reqIdConsumer": "hoebi", "certDn": "", "ci": settings.fields["ci"] ?? ""] }

    func post(_ url: String, _ body: [String: Any]) async throws -> JSONReader {
        let reply = try await http.send(
            HTTPExchange(
                "POST", url, headers: [("apikey", try settings.secret("apiKey")), ("Content-Type", "application/json")],
                body: try JSONSerialization.data(withJSONObject: body)), source: name)
        let r = try JSONReader.parse(reply.body, source: name)
        if reply.status == 401 || reply.status == 403 { throw SourceError(name, .auth, code: "HTTP \(reply.status)", r["message"].string) }
        if reply.status == 429 { throw SourceError(name, .rateLimit, code: "HTTP 429", r["message"].string) }
        return r
    }

    /// The virtual account and the endpoint that serves it.
    func virtualAccount() async throws -> (number: String, endpoint: String) {
        let key = "koscom:vtAcc:" + settings.baseURL
        if let c = try await credentials.credential(key) {
            let parts = c.value.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { return (parts[0], parts[1]) }
        }
        let request: [String: Any] = ["partner": partner, "commonHeader": commonHeader, "body": ["korName": settings.fields["holder"] ?? ""]]
        let member = try await post(settings.baseURL + "/v1/common/member/register/search", request)
        guard member["result"].string == "member" else {
            throw SourceError(name, .needsUser, code: "nonMember", Messages.t("src.koscom.nonMember"))
        }
        let consent = try await post(settings.baseURL + "/v1/common/member/consent/search", request)
        let wanted = settings.fields["vtAccNo"]
        guard let acc = (consent["vtAccList"].array ?? []).first(where: { wanted == nil || $0["vtAccNo"].string == wanted }) else {
            throw SourceError(name, .needsUser, code: "consent", Messages.t("src.koscom.noAccount"))
        }
        let endpoint = acc["endpoint"].string.isEmpty ? settings.baseURL + "/v1/\(settings.fields["broker"] ?? "diamond")/account/" : acc["endpoint"].string
        try await credentials.setCredential(key, value: acc["vtAccNo"].string + " " + endpoint, expires: nil)
        return (acc["vtAccNo"].string, endpoint)
    }

    func fetch(account: String, from: String, to: String, page: (ParsedResponse) async throws -> Void) async throws -> Int {
        let acc = try await virtualAccount()
        var pages = 0
        for side in ["DEP", "WID"] {
            // One page budget for both sides together.
            var pager = CursorPager(source: name, maxPages: Self.maxPages - pages)
            while true {
                let body: [String: Any] = [
                    "partner": partner, "commonHeader": commonHeader, "devInfo": ["ipAddr": "127000000001", "macAddr": ""],
                    "accInfo": ["vtAccNo": acc.number],
                    "transactionHistoryRequestBody": [
                        "queryParams": [
                            "fromDate": from, "toDate": to, "isinCode": "", "side": side,
                            "count": 50, "page": pager.cursor ?? ""
                        ]
                    ]
                ]
                let base = acc.endpoint.hasSuffix("/") ? acc.endpoint : acc.endpoint + "/"
                let exchange = HTTPExchange(
                    "POST", base + "transaction/search",
                    headers: [("apikey", try settings.secret("apiKey")), ("Content-Type", "application/json")],
                    body: try JSONSerialization.data(withJSONObject: body))
                let parsed = try await http.call(exchange, source: name) { try KoscomCodec().parseTransactions($0.body, account: account) }
                guard pager.accept(parsed) else { break }
                try await page(parsed)
                guard try pager.advance(to: parsed.nextCursor) else { break }
            }
            pages += pager.pages
        }
        return pages
    }
}
