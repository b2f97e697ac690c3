import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird

extension BankSandbox {
    /// Woori 금융데이터조회: POST with appkey/token headers, dataHeader/dataBody envelopes, amounts as
    /// zero-padded decimal strings or numbers, SYSCD error codes. At most 31 days per query (the
    /// sandbox's rule; the real limit is not published).
    func addWoori(_ router: Router<BasicRequestContext>) {
        @Sendable func failure(_ code: String, _ message: String, status: HTTPResponse.Status = .ok) -> Response {
            json(["dataHeader": ["RSP_CD": code, "RSP_MSG": message, "GLBL_ID": "SANDBOX"], "dataBody": [String: Any]()], status: status)
        }
        @Sendable func authorised(_ request: Request) async -> Response? {
            guard header(request, "appkey") == Credentials.wooriAppKey else { return failure("SYSCD03003", "클라이언트 인증 실패", status: .unauthorized) }
            if applied(request) == .expired { return failure("SYSCD03001", "토큰 검증 오류", status: .unauthorized) }
            if applied(request) == .rateLimit { return failure("SYSCD03101", "초당 처리건수 초과", status: .tooManyRequests) }
            guard let token = header(request, "token"), await state.check(token: token, source: "woori") == .ok else {
                return failure("SYSCD03001", "토큰 검증 오류", status: .unauthorized)
            }
            return nil
        }
        // Token issue (the published spec names OAuth 2.0 but no endpoint; the sandbox offers one).
        router.post("oai/wb/v1/oauth/token") { request, _ -> Response in
            guard header(request, "appkey") == Credentials.wooriAppKey else { return failure("SYSCD03003", "클라이언트 인증 실패", status: .unauthorized) }
            return json(["access_token": await state.issueToken(source: "woori"), "token_type": "Bearer", "expires_in": 86_400])
        }
        router.post("oai/wb/v1/finance/getAccTransList") { request, _ -> Response in
            if let refused = await authorised(request) { return refused }
            let body = (try await bodyJSON(request))["dataBody"] as? [String: Any] ?? [:]
            guard let acno = body["INQ_ACNO"] as? String, let from = body["INQ_STA_DT"] as? String, let to = body["INQ_END_DT"] as? String,
                from.count == 8, to.count == 8
            else {
                return failure("SYSCD02101", "스키마 검증 실패: INQ_ACNO, INQ_STA_DT, INQ_END_DT")
            }
            guard acno == Credentials.wooriAccount else { return failure("SYSCD01006", "입력값 오류: 계좌번호") }
            guard let a = SeoulTime(parsing: from), let b = SeoulTime(parsing: to), b >= a, b.epochSeconds - a.epochSeconds <= 31 * 86400 else {
                return failure("SYSCD01006", "입력값 오류: 조회기간은 31일 이내")
            }
            let rows = history.rows(from: from, to: to)
            let grid: [[String: Any]] = rows.enumerated().map { i, r in
                // Alternate the two spellings the references show: numbers, and zero-padded strings.
                let money: (Won) -> Any = { i % 2 == 0 ? NSNumber(value: $0) as Any : String(format: "%015lld.000", $0) as Any }
                return [
                    "TRN_DT": i % 3 == 0 ? String(r.time.iso8601.prefix(10)) : r.yyyymmdd, "TRN_TM": r.hhmmss, "CUCD": "KRW",
                    "PBOK_PRNG_OTLN_CD": r.signed > 0 ? "0068" : "0318", "DPS_RAP_KDCD": r.signed > 0 ? "101" : "201", "MD_KDCD": "F371C001",
                    "RCV_AM": money(max(0, r.signed)), "PAY_AM": money(max(0, -r.signed)), "DPS_BAL": money(r.balance),
                    "TRN_TXT": r.text.padding(toLength: max(r.text.count, 10), withPad: " ", startingAt: 0), "RQSPE_NM": "",
                    "PID_SQ": 0, "TRN_STCD": "1"
                ]
            }
            return json(["dataHeader": ["GLBL_ID": "SANDBOX"], "dataBody": ["GRID_CNT": String(grid.count), "GRID": grid]])
        }
        router.post("oai/wb/v1/finance/getIndivAllAccInfo") { request, _ -> Response in
            if let refused = await authorised(request) { return refused }
            let balance = history.rows.last?.balance ?? 0
            return json([
                "dataHeader": [String: Any](),
                "dataBody": [
                    "GRID_CNT": "2",
                    "GRID": [
                        [
                            "ACNO": Credentials.wooriAccount, "ACCT_KND": "P", "PRD_NM": "우리 모임통장", "CUCD": "KRW",
                            "PBOK_BAL": String(format: "%lld.000", balance),
                            "NEW_DT": "2023-01-02", "XPR_DT": "", "ADNT_RGS_YN": "N"
                        ],
                        [
                            "ACNO": "1002987654321", "ACCT_KND": "J", "PRD_NM": "우리 적금", "CUCD": "KRW", "PBOK_BAL": "1200000.000",
                            "NEW_DT": "2024-03-01", "XPR_DT": "2027-03-01", "ADNT_RGS_YN": "N"
                        ]
                    ]
                ]
            ])
        }
        router.post("oai/wb/v1/finance/getAccBasicInfo") { request, _ -> Response in
            if let refused = await authorised(request) { return refused }
            let balance = history.rows.last?.balance ?? 0
            return json([
                "dataHeader": [String: Any](),
                "dataBody": [
                    "ACNO": Credentials.wooriAccount, "ACT_STS": "01", "CUCD": "KRW",
                    "CT_BAL": String(format: "%lld.000", balance)
                ]
            ])
        }
    }
}
