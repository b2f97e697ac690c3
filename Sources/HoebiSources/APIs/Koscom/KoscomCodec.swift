import Foundation
import HoebiCore

/// Koscom securities-account `transaction/search`: DEP/WID are money moved in and out; trades
/// (BID/ASK) and other rows are not account deposits and are skipped. Rows carry a date only.
public struct KoscomCodec: ResponseCodec {
    public let source = "koscom"
    public init() {}

    public func parseTransactions(_ body: Data, account: String) throws -> ParsedResponse {
        let r = try JSONReader.parse(body, source: source)
        if let msg = r["message"].string.nilIfEmpty, !r["transList"].exists {
            throw SourceError(source, msg.contains("rate limit") ? .rateLimit : .auth, code: "gateway", msg)
        }
        let resp = r["resp"]["respCode"].string
        guard resp.isEmpty || resp == "200" else {
            throw SourceError(source, resp.hasPrefix("5") ? .transient : .rejected, code: resp, r["resp"]["respMsg"].string)
        }
        var out = ParsedResponse()
        let next = r["transactionHistoryResponseBody"]["queryResult"]["page"].string
        out.nextCursor = next.isEmpty || next == "null" ? nil : next
        for (i, row) in (r["transList"]["transaction"].array ?? []).enumerated() {
            let type = row["transType"].string
            guard type == "DEP" || type == "WID" else {
                out.skipped.append("transaction[\(i)]: \(type) is a trade, not money in or out")
                continue
            }
            let change = try row["changeAmt"].won("changeAmt") ?? 0
            out.add(
                Transaction(
                    account: account, time: try seoulTime(date: row["transDate"].string, time: "", source: source),
                    direction: type == "WID" ? .withdrawal : .deposit, amount: abs(change), balance: nil, kind: type,
                    text: row["isinCode"].string == "CASH" ? "" : row["isinCode"].string, source: source, raw: row.rawJSON,
                    origin: "transaction[\(i)]"))
        }
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
