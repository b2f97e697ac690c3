import Foundation
import HoebiCore

/// KFTC Open Banking `transaction_list/fin_num`: errors arrive as HTTP 200 with `rsp_code`;
/// pages of up to 25 rows with `next_page_yn` and `befor_inquiry_trace_info`.
public struct KFTCCodec: ResponseCodec {
    public let source = "kftc"
    public init() {}

    static func error(_ code: String, _ message: String, bankCode: String = "", bankMessage: String = "") -> SourceError {
        switch code {
        case "O0002", "O0003":
            return SourceError("kftc", .auth, code: code, code == "O0003" ? Messages.t("src.kftc.expired") : Messages.t("src.kftc.rejected", message))
        case "O0001": return SourceError("kftc", .auth, code: code, Messages.t("src.kftc.params", message))
        case "O0008", "O0009": return SourceError("kftc", .rateLimit, code: code, Messages.t("src.kftc.usage", message))
        case "A0007", "A0016", "A0017", "A0003": return SourceError("kftc", .transient, code: code, Messages.t("src.kftc.bankTimeout", message))
        case "A0002":
            return SourceError("kftc", .rejected, code: "A0002/\(bankCode)", Messages.t("src.kftc.bankRefused", bankMessage.isEmpty ? message : bankMessage))
        case "A0305", "A0316", "A0332", "A0334":
            return SourceError("kftc", .needsUser, code: code, Messages.t("src.kftc.consentExpired"))
        default: return SourceError("kftc", .rejected, code: code, message.isEmpty ? "error" : message)
        }
    }

    public func parseTransactions(_ body: Data, account: String) throws -> ParsedResponse {
        let r = try JSONReader.parse(body, source: source)
        var items: [JSONReader]
        var out = ParsedResponse()
        if let list = r.array {
            items = list  // a bare res_list
        } else if r["tran_date"].exists {
            items = [r]  // a single res_list item
        } else {
            let code = r["rsp_code"].string
            // A0018: no transactions in the range is an empty page, not a failure.
            guard code == "A0000" || code == "A0018" else {
                throw Self.error(
                    code.isEmpty ? "rsp_code" : code, r["rsp_message"].string, bankCode: r["bank_rsp_code"].string,
                    bankMessage: r["bank_rsp_message"].string)
            }
            items = r["res_list"].array ?? []
            out.balance = try? r["balance_amt"].won("balance_amt")
            let cursor = r["befor_inquiry_trace_info"].string
            out.nextCursor = r["next_page_yn"].string == "Y" && !cursor.isEmpty ? cursor : nil
        }
        for (i, row) in items.enumerated() {
            let way = row["inout_type"].string
            let amount = try row["tran_amt"].won("tran_amt") ?? 0
            out.add(
                Transaction(
                    account: account, time: try seoulTime(date: row["tran_date"].string, time: row["tran_time"].string, source: source),
                    direction: way == "출금" || way == "지급" ? .withdrawal : .deposit, amount: way == "기타" ? 0 : amount,
                    balance: try row["after_balance_amt"].won("after_balance_amt"), kind: row["tran_type"].string,
                    text: Normalise.compatible(row["print_content"].string), memo: row["branch_name"].string,
                    source: source, raw: row.rawJSON, origin: "res_list[\(i)]"))
        }
        return out
    }
}
