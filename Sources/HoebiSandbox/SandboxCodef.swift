import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird

extension BankSandbox {
    /// CODEF: client-credentials token (one week), URL-encoded JSON bodies both ways, RSA-encrypted
    /// passwords, connectedId accounts, `CF-` result codes, 401 `CF-99997` for a bad token.
    func addCodef(_ router: Router<BasicRequestContext>) {
        @Sendable func encoded(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
            let data = SortedJSON.text(object).map { Data($0.utf8) } ?? Data()
            // Encoded here, not with the client's CodefCodec.encodeBody: a shared encoder would hide its own bugs.
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~")
            let text = String(decoding: data, as: UTF8.self).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        @Sendable func result(_ code: String, _ message: String, data: Any = [String: Any]()) -> Response {
            encoded(["result": ["code": code, "message": message, "extraMessage": "", "transactionId": "sandbox"], "data": data])
        }
        @Sendable func request(_ r: Request) async throws -> [String: Any] {
            let body = String(buffer: try await r.body.collect(upTo: 1 << 20))
            let decoded = body.hasPrefix("{") ? body : (body.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? body)
            return (try? JSONSerialization.jsonObject(with: Data(decoded.utf8))) as? [String: Any] ?? [:]
        }
        @Sendable func authorised(_ r: Request) async -> Response? {
            let invalid = json(
                [
                    "error": "invalid_token", "error_description": "Cannot convert access token to JSON", "code": "CF-99997",
                    "message": "OAUTH2.0 토큰 에러입니다. 메시지를 확인하세요."
                ], status: .unauthorized)
            if applied(r) == .expired { return invalid }
            if applied(r) == .rateLimit { return result("CF-09999", "요청 한도를 초과했습니다. 잠시 후 다시 시도하세요.") }
            guard let auth = header(r, "authorization"), auth.hasPrefix("Bearer "),
                await state.check(token: String(auth.dropFirst(7)), source: "codef") == .ok
            else { return invalid }
            return nil
        }
        router.post("oauth/token") { r, _ -> Response in
            let expected = "Basic " + Data("\(Credentials.codefClientID):\(Credentials.codefClientSecret)".utf8).base64EncodedString()
            guard header(r, "authorization") == expected else {
                return json(["error": "unauthorized", "error_description": "Bad credentials"], status: .unauthorized)
            }
            return json([
                "access_token": await state.issueToken(source: "codef", lifetime: min(604_799, await state.tokenLifetime)),
                "token_type": "bearer", "scope": "read", "expires_in": 604_799
            ])
        }
        router.post("v1/account/create") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            let list = (try await request(r))["accountList"] as? [[String: Any]] ?? []
            guard let first = list.first, let pw = first["password"] as? String, codefKey.decrypt(pw) != nil else {
                return result("CF-94002", "사용자 계정정보 설정에 실패했습니다.")
            }
            let cid = await state.next("sandboxCid")
            await state.addConnectedId(cid)
            return result(
                "CF-00000", "성공",
                data: [
                    "connectedId": cid, "successList": list.map { ["organization": $0["organization"] ?? "", "code": "CF-00000"] },
                    "errorList": [Any]()
                ])
        }
        router.post("v1/account/list") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            let cid = (try await request(r))["connectedId"] as? String ?? ""
            guard await state.hasConnectedId(cid) else { return result("CF-00007", "요청 파라미터가 올바르지 않습니다.") }
            return result(
                "CF-00000", "성공",
                data: [
                    "connectedId": cid,
                    "accountList": [
                        [
                            "organizationCode": Credentials.codefOrganization,
                            "businessType": "BK", "clientType": "P", "loginType": "1"
                        ]
                    ]
                ])
        }
        router.post("v1/kr/bank/p/account/account-list") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            guard let cid = (try await request(r))["connectedId"] as? String, await state.hasConnectedId(cid) else {
                return result("CF-00007", "요청 파라미터가 올바르지 않습니다. (connectedId)")
            }
            return result(
                "CF-00000", "성공",
                data: [
                    "resDepositTrust": [
                        [
                            "resAccount": Credentials.wooriAccount, "resAccountDisplay": "1002-123-456789",
                            "resAccountName": "모임통장", "resAccountBalance": String(history.rows.last?.balance ?? 0),
                            "resAccountCurrency": "KRW"
                        ]
                    ],
                    "resForeignCurrency": [Any](), "resFund": [Any](), "resLoan": [Any](), "resInsurance": [Any]()
                ])
        }
        router.post("v1/kr/bank/p/account/transaction-list") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            let p = try await request(r)
            guard let cid = p["connectedId"] as? String, await state.hasConnectedId(cid) else {
                return result("CF-00007", "요청 파라미터가 올바르지 않습니다. (connectedId)")
            }
            guard (p["account"] as? String) == Credentials.wooriAccount, (p["organization"] as? String) == Credentials.codefOrganization else {
                return result("CF-12801", "계좌번호 또는 기관코드를 확인하세요.")
            }
            guard codefKey.decrypt(p["accountPassword"] as? String ?? "") == Credentials.codefAccountPassword else {
                return result("CF-12803", "계좌 비밀번호가 일치하지 않습니다.")
            }
            guard let from = p["startDate"] as? String, let to = p["endDate"] as? String, from.count == 8, to.count == 8, from <= to else {
                return result("CF-00007", "요청 파라미터가 올바르지 않습니다. (startDate/endDate)")
            }
            // The sandbox serves at most 92 days and says which range it covered, as CODEF does.
            let start = SeoulTime(parsing: from)!
            let limit = SeoulTime(epochSeconds: start.epochSeconds + 91 * 86400)
            let end = min(to, String(limit.iso8601.prefix(10)).replacingOccurrences(of: "-", with: ""))
            var rows = history.rows(from: from, to: end)
            if (p["orderBy"] as? String) != "1" { rows.reverse() }
            let list: [[String: Any]] = rows.map { row in
                [
                    "resAccountTrDate": row.yyyymmdd, "resAccountTrTime": row.hhmmss, "resAccountIn": String(max(0, row.signed)),
                    "resAccountOut": String(max(0, -row.signed)), "resAfterTranBalance": String(row.balance), "resAccountDesc1": "",
                    "resAccountDesc2": row.kind, "resAccountDesc3": row.text, "resAccountDesc4": "우리은행", "tranDesc": ""
                ]
            }
            return result(
                "CF-00000", "성공",
                data: [
                    "resAccount": Credentials.wooriAccount, "resAccountBalance": String(history.rows.last?.balance ?? 0), "resAccountName": "모임통장",
                    "commStartDate": from, "commEndDate": end, "resTrHistoryList": list
                ])
        }
    }
}

extension SandboxState {
    func addConnectedId(_ id: String) { connectedIds.insert(id) }
    func hasConnectedId(_ id: String) -> Bool { connectedIds.contains(id) }
}
