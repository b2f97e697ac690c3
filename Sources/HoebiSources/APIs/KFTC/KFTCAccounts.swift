import Foundation
import HoebiCore

extension AccountLists {
    /// account/list (also a bare array, as some answers are).
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
