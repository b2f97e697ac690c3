import Foundation

/// The codec for a source name, as `hoebi parse --source` and the sync engine name them.
public enum Codecs {
    public static var names: [String] { BankAPI.all.map(\.name) }

    public static func named(_ name: String, organization: String = "") -> (any ResponseCodec)? {
        BankAPI.named(name)?.codec(organization)
    }
}
