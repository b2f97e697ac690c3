import Foundation
import HTTPTypes
import HoebiCore
import Hummingbird

extension BankSandbox {
    /// Koscom: service-link searches with an API key, and a securities account's
    /// `transaction/search` with `side` DEP/WID and page cursors.
    func addKoscom(_ router: Router<BasicRequestContext>) {
        @Sendable func gateway(_ r: Request) -> Response? {
            if applied(r) == .rateLimit { return json(["message": "API rate limit exceeded"], status: .tooManyRequests) }
            if applied(r) == .expired { return json(["message": "Invalid authentication credentials"], status: .unauthorized) }
            guard let key = header(r, "apikey") else { return json(["message": "No API key found in request"], status: .unauthorized) }
            guard key == Credentials.koscomAPIKey else { return json(["message": "Invalid authentication credentials"], status: .unauthorized) }
            return nil
        }
        router.post("v1/common/member/register/search") { r, _ -> Response in
            if let refused = gateway(r) { return refused }
            return json(["result": "member", "commonTermsExpireDate": "20291231"])
        }
        router.post("v1/common/member/consent/search") { r, _ -> Response in
            if let refused = gateway(r) { return refused }
            return json([
                "vtAccList": [
                    [
                        "comId": "00992", "vtAccNo": Credentials.koscomVirtualAccount, "vtAccAlias": "모임 증권",
                        "endpoint": "http://127.0.0.1:\(await state.port)/v1/diamond/account/"
                    ]
                ], "serviceTermsExpireDate": "20291231"
            ])
        }
        router.post("v1/diamond/account/transaction/search") { r, _ -> Response in
            if let refused = gateway(r) { return refused }
            let body = try await bodyJSON(r)
            guard ((body["accInfo"] as? [String: Any])?["vtAccNo"] as? String) == Credentials.koscomVirtualAccount else {
                return json(["resp": ["respCode": "404", "respMsg": "가상계좌를 찾을 수 없습니다"]], status: .notFound)
            }
            let q = ((body["transactionHistoryRequestBody"] as? [String: Any])?["queryParams"] as? [String: Any]) ?? [:]
            let from = q["fromDate"] as? String ?? "", to = q["toDate"] as? String ?? ""
            let side = q["side"] as? String ?? ""
            var rows = history.rows(from: from, to: to)
            if side == "DEP" { rows = rows.filter { $0.signed > 0 } } else if side == "WID" { rows = rows.filter { $0.signed < 0 } }
            let count = max(1, min(50, (q["count"] as? Int) ?? 30))
            let offset = Int((q["page"] as? String) ?? "") ?? 0
            let endless = applied(r) == .endless
            // `repeat`: the previous page again, under a new cursor ("0" + offset) that leads on.
            let again = applied(r) == .repeatPage && offset >= count
            let page = Array(rows.dropFirst(endless ? 0 : again ? offset - count : offset).prefix(count))
            let next =
                endless
                ? String(offset)
                : again
                    ? "0" + ((q["page"] as? String) ?? "")
                    : (offset + count < rows.count ? String(offset + count) : "null")
            let list: [[String: Any]] = page.map { row in
                [
                    "transDate": row.yyyymmdd, "transType": row.signed > 0 ? "DEP" : "WID", "isinCode": "CASH",
                    "changeAmt": NSNumber(value: row.signed), "changeQty": 0, "qty": 0
                ]
            }
            return json([
                "accInfo": ["realAccNo": "", "vtAccNo": Credentials.koscomVirtualAccount],
                "transactionHistoryResponseBody": ["queryParams": q, "queryResult": ["count": page.count, "page": next, "totalCnt": rows.count]],
                "transList": ["transaction": list], "resp": ["respCode": "200", "respMsg": "OK"]
            ])
        }
    }
}
