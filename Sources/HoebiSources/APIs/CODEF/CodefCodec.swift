import Foundation
import HoebiCore

/// CODEF bank `transaction-list`: URL-encoded JSON envelopes `{result, data}`; every value a string.
public struct CodefCodec: ResponseCodec {
    public let source = "codef"
    /// CODEF organisation code (0004 KB, 0003 IBK, 0020 우리, …): decides which description holds the depositor.
    public var organization: String
    public init(organization: String = "") { self.organization = organization }

    /// Bodies arrive URL-encoded (`+` for space); a body that already is JSON is left alone so a
    /// literal `+` or `%` inside it survives.
    public static func decodeBody(_ body: Data) -> Data {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") || text.hasPrefix("[") { return Data(text.utf8) }
        let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
        return Data(decoded.utf8)
    }

    /// The description that holds the depositor, per organisation (KB: Desc3, IBK: Desc1, else the first filled of 1 and 3).
    func depositor(_ row: JSONReader) -> String {
        let d1 = row["resAccountDesc1"].string, d3 = row["resAccountDesc3"].string
        switch organization {
        case "0004": return d3
        case "0003": return d1
        default: return d1.isEmpty ? d3 : d1
        }
    }

    static func error(code: String, message: String, extra: String) -> SourceError {
        let text = [message, extra].filter { !$0.isEmpty }.joined(separator: " — ")
        switch code {
        case "CF-99997", "CF-00401", "CF-00004", "CF-00005": return SourceError("codef", .auth, code: code, Messages.t("src.codef.token", text))
        case "CF-03002":
            return SourceError("codef", .needsUser, code: code, Messages.t("src.codef.twoWay", text))
        case "CF-12872": return SourceError("codef", .needsUser, code: code, Messages.t("src.codef.retries", text))
        case "CF-09999", "CF-09980": return SourceError("codef", .transient, code: code, Messages.t("src.codef.server", text))
        default:
            return SourceError("codef", code.hasPrefix("CF-12") || code.hasPrefix("CF-13") ? .needsUser : .rejected, code: code, text.isEmpty ? "error" : text)
        }
    }

    /// Request bodies are URL-encoded JSON, as every official client sends them (Python `quote`).
    public static func encodeBody(_ params: [String: Any]) throws -> Data {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: params, options: [.sortedKeys]), as: UTF8.self)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~")
        return Data((json.addingPercentEncoding(withAllowedCharacters: allowed) ?? json).utf8)
    }

    /// Any CODEF answer: decoded, a token error (401 body) or a `CF-` result other than success
    /// thrown, the `{result, data}` envelope returned.
    static func envelope(_ body: Data) throws -> JSONReader {
        let r = try JSONReader.parse(decodeBody(body), source: "codef")
        if r["error"].exists || r["code"].string == "CF-99997" {
            throw error(code: r["code"].string.isEmpty ? "CF-99997" : r["code"].string, message: r["message"].string, extra: r["error_description"].string)
        }
        let code = r["result"]["code"].string
        guard code == "CF-00000" else {
            throw error(code: code.isEmpty ? "result" : code, message: r["result"]["message"].string, extra: r["result"]["extraMessage"].string)
        }
        return r
    }

    public func parseTransactions(_ body: Data, account: String) throws -> ParsedResponse {
        let data = try Self.envelope(body)["data"]
        var out = ParsedResponse()
        out.balance = try? data["resAccountBalance"].won("resAccountBalance")
        let from = data["commStartDate"].string, to = data["commEndDate"].string
        if !from.isEmpty && !to.isEmpty { out.covered = (from, to) }
        let currency = data["resAccountCurrency"].string
        for (i, row) in (data["resTrHistoryList"].array ?? []).enumerated() {
            if !currency.isEmpty && currency != "KRW" {
                out.skipped.append("resTrHistoryList[\(i)]: currency \(currency) is not won")
                continue
            }
            guard row["resAccountIn"].exists || row["resAccountOut"].exists else {
                out.skipped.append("resTrHistoryList[\(i)]: no in/out amounts (a loan or fund ledger row, not a deposit-account movement)")
                continue
            }
            let inAmt = try row["resAccountIn"].won("resAccountIn") ?? 0, outAmt = try row["resAccountOut"].won("resAccountOut") ?? 0
            out.add(
                Transaction(
                    account: account, time: try seoulTime(date: row["resAccountTrDate"].string, time: row["resAccountTrTime"].string, source: source),
                    direction: outAmt > 0 ? .withdrawal : .deposit, amount: outAmt > 0 ? outAmt : inAmt,
                    balance: try row["resAfterTranBalance"].won("resAfterTranBalance"), kind: Normalise.compatible(row["resAccountDesc2"].string),
                    text: Normalise.compatible(depositor(row)),
                    memo: Normalise.compatible(
                        [row["resAccountDesc1"].string, row["resAccountDesc3"].string, row["resAccountDesc4"].string]
                            .filter { !$0.isEmpty && $0 != depositor(row) }.joined(separator: " ")),
                    source: source, raw: row.rawJSON, origin: "resTrHistoryList[\(i)]"))
        }
        return out
    }
}
