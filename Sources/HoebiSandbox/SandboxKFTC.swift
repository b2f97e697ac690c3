import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird

extension BankSandbox {
    /// KFTC Open Banking: authorization-code consent (auto-approved here), token and refresh,
    /// `transaction_list/fin_num` in pages of 25 with `befor_inquiry_trace_info`, `bank_tran_id`
    /// checks, and errors as HTTP 200 with `rsp_code`.
    func addKFTC(_ router: Router<BasicRequestContext>) {
        @Sendable func envelope(_ code: String, _ message: String, _ extra: [String: Any] = [:]) -> Response {
            var body: [String: Any] = [
                "api_tran_id": UUID().uuidString.lowercased(), "api_tran_dtm": "20260101000000000",
                "rsp_code": code, "rsp_message": message
            ]
            body.merge(extra) { $1 }
            return json(body)
        }
        @Sendable func authorised(_ r: Request) async -> Response? {
            if applied(r) == .expired { return envelope("O0003", "Access Token 만료") }
            if applied(r) == .rateLimit { return envelope("O0009", "API 사용량 초과") }
            guard let auth = header(r, "authorization"), auth.hasPrefix("Bearer ") else { return envelope("O0001", "인증 파라미터 오류([992])") }
            switch await state.check(token: String(auth.dropFirst(7)), source: "kftc") {
            case .ok: return nil
            case .expired: return envelope("O0003", "Access Token 만료")
            case .unknown: return envelope("O0002", "Access Token 거부")
            }
        }
        @Sendable func bankTranIDProblem(_ id: String?) async -> Response? {
            guard let id, id.count == 20, id.hasPrefix(Credentials.kftcClientUseCode + "U") else {
                return envelope("A0004", "요청전문 포맷 에러 (bank_tran_id)")
            }
            guard await state.useBankTranID(id) else { return envelope("A0326", "거래고유번호(참가기관) 중복") }
            return nil
        }
        router.get("oauth/2.0/authorize") { r, _ -> Response in
            let q = r.uri.queryParameters
            guard q.get("client_id") == Credentials.kftcClientID, let redirect = q.get("redirect_uri"), let state = q.get("state") else {
                return envelope("O0001", "인증 파라미터 오류([3000103])")
            }
            // The user consents at once in the sandbox.
            let code = await self.state.issueCode()
            let scope = (q.get("scope") ?? "login inquiry").replacingOccurrences(of: " ", with: "%20")
            return Response(status: .found, headers: [.location: "\(redirect)?code=\(code)&scope=\(scope)&state=\(state)"])
        }
        router.post("oauth/2.0/token") { r, _ -> Response in
            let form = String(buffer: try await r.body.collect(upTo: 1 << 16))
            var f: [String: String] = [:]
            for pair in form.split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                if kv.count == 2 { f[kv[0]] = kv[1] }
            }
            guard f["client_id"] == Credentials.kftcClientID, f["client_secret"] == Credentials.kftcClientSecret else {
                return envelope("O0001", "인증 파라미터 오류([xxxx201])")
            }
            switch f["grant_type"] {
            case "authorization_code":
                guard let code = f["code"], await state.useCode(code) else { return envelope("O0001", "인증 파라미터 오류([xxxx113])") }
            case "refresh_token":
                guard let t = f["refresh_token"], await state.useRefresh(t) else { return envelope("O0001", "인증 파라미터 오류([3002110])") }
            default:
                return envelope("O0001", "인증 파라미터 오류(119)")
            }
            return json([
                "access_token": await state.issueToken(source: "kftc"), "refresh_token": await state.issueRefresh(),
                "token_type": "Bearer", "expires_in": Int(await state.tokenLifetime), "scope": "inquiry login", "user_seq_no": "1100000001"
            ])
        }
        router.get("v2.0/account/transaction_list/fin_num") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            let q = r.uri.queryParameters
            if let problem = await bankTranIDProblem(q.get("bank_tran_id")) { return problem }
            guard q.get("fintech_use_num") == Credentials.kftcFintechUseNum else { return envelope("A0304", "핀테크이용번호 불일치") }
            guard let from = q.get("from_date"), let to = q.get("to_date"), from.count == 8, to.count == 8 else {
                return envelope("A0004", "요청전문 포맷 에러 (from_date/to_date)")
            }
            var rows = history.rows(from: from, to: to)
            if q.get("sort_order") != "A" { rows.reverse() }
            if q.get("inquiry_type") == "I" {
                rows = rows.filter { $0.signed > 0 }
            } else if q.get("inquiry_type") == "O" {
                rows = rows.filter { $0.signed < 0 }
            }
            let offset = q.get("befor_inquiry_trace_info").flatMap { Int($0.dropFirst(2)) } ?? 0
            let endless = applied(r) == .endless
            // `repeat`: the previous page again, under a new cursor that leads on to this one.
            let again = applied(r) == .repeatPage && offset >= 25
            let page = Array(rows.dropFirst(endless ? 0 : again ? offset - 25 : offset).prefix(25))
            let more = endless || again || offset + 25 < rows.count
            let list: [[String: Any]] = page.map { row in
                [
                    "tran_date": row.yyyymmdd, "tran_time": row.hhmmss, "inout_type": row.signed > 0 ? "입금" : "출금", "tran_type": row.kind,
                    "print_content": row.text, "tran_amt": String(abs(row.signed)), "after_balance_amt": String(row.balance), "branch_name": "분당점"
                ]
            }
            if rows.isEmpty { return envelope("A0018", "거래내역 없음", ["res_list": [Any](), "next_page_yn": "N", "befor_inquiry_trace_info": ""]) }
            return envelope(
                "A0000", "",
                [
                    "bank_tran_id": q.get("bank_tran_id") ?? "", "bank_tran_date": "20190101", "bank_code_tran": "097",
                    "bank_rsp_code": "000", "bank_rsp_message": "", "bank_name": "오픈은행",
                    "fintech_use_num": Credentials.kftcFintechUseNum,
                    "balance_amt": NSNumber(value: history.rows.last?.balance ?? 0), "page_record_cnt": String(page.count),
                    "next_page_yn": more ? "Y" : "N", "befor_inquiry_trace_info": more ? (again ? "1R\(offset)" : "1T\(endless ? 0 : offset + 25)") : "",
                    "res_list": list
                ])
        }
        router.get("v2.0/account/list") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            guard r.uri.queryParameters.get("user_seq_no") == "1100000001" else { return envelope("A0337", "사용자 없음") }
            return envelope(
                "A0000", "",
                [
                    "user_name": "홍길동", "res_cnt": "1",
                    "res_list": [
                        [
                            "fintech_use_num": Credentials.kftcFintechUseNum, "account_alias": "모임통장", "bank_code_std": "020", "bank_name": "우리은행",
                            "account_num_masked": "1002-123-456***", "account_holder_name": "홍길동", "account_holder_type": "P",
                            "inquiry_agree_yn": "Y", "transfer_agree_yn": "N", "account_state": "01", "savings_bank_name": ""
                        ]
                    ]
                ])
        }
        router.get("v2.0/account/balance/fin_num") { r, _ -> Response in
            if let refused = await authorised(r) { return refused }
            if let problem = await bankTranIDProblem(r.uri.queryParameters.get("bank_tran_id")) { return problem }
            let balance = String(history.rows.last?.balance ?? 0)
            return envelope(
                "A0000", "",
                [
                    "bank_rsp_code": "000", "balance_amt": balance, "available_amt": balance, "account_type": "1",
                    "product_name": "모임통장", "account_issue_date": "00000000", "maturity_date": "00000000",
                    "last_tran_date": "00000000"
                ])
        }
    }
}
