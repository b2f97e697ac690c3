import Foundation
import HoebiCore

/// An account a source can see for the user, for filling in the `sync` settings.
public struct DiscoveredAccount: Sendable, Equatable {
    /// The identifier the sync settings need (account number, or KFTC fintech_use_num).
    public var id: String
    /// The account number as shown (may be masked).
    public var number: String
    public var name: String
    public var balance: Won?
}

/// Account-list bodies: Woori getIndivAllAccInfo, CODEF account-list, KFTC account/list.
public enum AccountLists {
    public static func woori(_ body: Data) throws -> [DiscoveredAccount] {
        let r = try JSONReader.parse(body, source: "woori")
        if let e = WooriCodec.errorIn(r) { throw e }
        return try (r["dataBody"]["GRID"].array ?? []).map {
            DiscoveredAccount(id: $0["ACNO"].string, number: $0["ACNO"].string, name: $0["PRD_NM"].string, balance: try $0["PBOK_BAL"].won("PBOK_BAL"))
        }
    }

    public static func codef(_ body: Data) throws -> [DiscoveredAccount] {
        let r = try CodefCodec.envelope(body)
        var out: [DiscoveredAccount] = []
        // Demand deposits are the ones a group account is; the other holdings are listed for completeness.
        for key in ["resDepositTrust", "resForeignCurrency", "resFund", "resLoan", "resInsurance"] {
            for a in r["data"][key].array ?? [] {
                out.append(
                    DiscoveredAccount(
                        id: a["resAccount"].string, number: a["resAccountDisplay"].string.isEmpty ? a["resAccount"].string : a["resAccountDisplay"].string,
                        name: a["resAccountName"].string + (key == "resDepositTrust" ? "" : " (\(key.dropFirst(3)))"),
                        balance: a["resAccountCurrency"].string.isEmpty || a["resAccountCurrency"].string == "KRW"
                            ? try? a["resAccountBalance"].won("resAccountBalance") : nil))
            }
        }
        return out
    }

    public static func kftc(_ body: Data) throws -> [DiscoveredAccount] {
        let r = try JSONReader.parse(body, source: "kftc")
        let list: [JSONReader]
        if let bare = r.array {
            list = bare
        } else {
            guard r["rsp_code"].string == "A0000" else { throw KFTCCodec.error(r["rsp_code"].string, r["rsp_message"].string) }
            list = r["res_list"].array ?? []
        }
        return list.map {
            DiscoveredAccount(
                id: $0["fintech_use_num"].string, number: $0["account_num_masked"].string,
                name: [$0["bank_name"].string, $0["account_alias"].string].filter { !$0.isEmpty }.joined(separator: " "), balance: nil)
        }
    }
}
