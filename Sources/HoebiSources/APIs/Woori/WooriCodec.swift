import Foundation
import HoebiCore

/// Woori Bank 금융데이터조회 `getAccTransList`: `dataHeader`/`dataBody.GRID[]`; amounts as numbers or
/// zero-padded decimal strings, dates YYYYMMDD or YYYY-MM-DD, texts padded with spaces.
public struct WooriCodec: ResponseCodec {
    public let source = "woori"
    public init() {}

    /// SYSCD system codes (spec §5.1) → what the user should understand.
    static func error(_ code: String, _ message: String) -> SourceError {
        switch code {
        case "SYSCD03001", "SYSCD03003": return SourceError("woori", .auth, code: code, Messages.t("src.woori.key", message))
        case "SYSCD03101", "SYSCD03102": return SourceError("woori", .rateLimit, code: code, Messages.t("src.woori.rate", message))
        case "SYSCD02101", "SYSCD01005", "SYSCD01006", "SYSCD01008", "SYSCD01000", "SYSCD02001", "SYSCD01004":
            return SourceError("woori", .rejected, code: code, Messages.t("src.woori.refused", message))
        case "SYSCD01003", "SYSCD03901", "SYSCD09999", "SYSCD01999":
            return SourceError("woori", .transient, code: code, Messages.t("src.woori.bank", message))
        default: return SourceError("woori", .rejected, code: code, message.isEmpty ? "error" : message)
        }
    }

    /// A Woori error body, if this is one (the code may sit in dataHeader or at the top).
    static func errorIn(_ r: JSONReader) -> SourceError? {
        for place in [r["dataHeader"], r] {
            for key in ["RSP_CD", "rsp_cd", "resCode", "code", "SYSCD"] where place[key].string.hasPrefix("SYSCD") {
                let msg = place["RSP_MSG"].string + place["rsp_msg"].string + place["message"].string
                return error(place[key].string, msg)
            }
        }
        return nil
    }

    public func parseTransactions(_ body: Data, account: String) throws -> ParsedResponse {
        let r = try JSONReader.parse(body, source: source)
        if let e = Self.errorIn(r) { throw e }
        guard let grid = r["dataBody"]["GRID"].array else {
            throw SourceError(source, .malformed, code: "dataBody", Messages.t("src.woori.noGrid"))
        }
        var out = ParsedResponse()
        for (i, row) in grid.enumerated() {
            let currency = row["CUCD"].string
            if !currency.isEmpty && currency != "KRW" {
                out.skipped.append("GRID[\(i)]: currency \(currency) is not won")
                continue
            }
            let deposit = try row["RCV_AM"].won("RCV_AM") ?? 0, withdrawal = try row["PAY_AM"].won("PAY_AM") ?? 0
            let text = row["TRN_TXT"].string.trimmingCharacters(in: .whitespaces)
            out.add(
                Transaction(
                    account: account, time: try seoulTime(date: row["TRN_DT"].string, time: row["TRN_TM"].string, source: source),
                    direction: withdrawal > 0 ? .withdrawal : .deposit, amount: withdrawal > 0 ? withdrawal : deposit,
                    balance: try row["DPS_BAL"].won("DPS_BAL"), kind: row["PBOK_PRNG_OTLN_CD"].string,
                    text: Normalise.compatible(text), memo: Normalise.compatible(row["RQSPE_NM"].string.trimmingCharacters(in: .whitespaces)),
                    source: source, raw: row.rawJSON, origin: "GRID[\(i)]"))
        }
        return out
    }
}
