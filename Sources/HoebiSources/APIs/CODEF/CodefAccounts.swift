import Foundation
import HoebiCore

extension AccountLists {
    /// account-list.
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
}
