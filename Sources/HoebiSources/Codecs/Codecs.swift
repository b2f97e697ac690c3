import Foundation

/// The codec for a source name, as `hoebi parse --source` and the sync engine name them.
public enum Codecs {
    public static let names = ["woori", "codef", "kftc", "koscom"]

    public static func named(_ name: String, organization: String = "") -> (any ResponseCodec)? {
        switch name {
        case "woori": return WooriCodec()
        case "codef": return CodefCodec(organization: organization)
        case "kftc": return KFTCCodec()
        case "koscom": return KoscomCodec()
        default: return nil
        }
    }
}
