import Foundation
import HoebiCore

extension AccountLists {
    /// getIndivAllAccInfo.
    public static func woori(_ body: Data) throws -> [DiscoveredAccount] {
        let r = try JSONReader.parse(body, source: "woori")
        if let e = WooriCodec.errorIn(r) { throw e }
        return try (r["dataBody"]["GRID"].array ?? []).map {
            DiscoveredAccount(id: $0["ACNO"].string, number: $0["ACNO"].string, name: $0["PRD_NM"].string, balance: try $0["PBOK_BAL"].won("PBOK_BAL"))
        }
    }
}
