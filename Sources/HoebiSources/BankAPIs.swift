import HoebiCore

/// The bank APIs Hoebi syncs from: one entry each, holding everything that names the API, so a
/// new API is one folder (APIs/NAME: its codec, adapter and account list) plus one entry here. `hoebi parse`, the sync
/// engine and the account list all look the API up here; a test checks that every entry has
/// vendor fixtures, a sandbox and a place in the configuration's list of sources.
public struct BankAPI: Sendable {
    /// As `"source"` in a group's sync settings and `hoebi parse --source` name it.
    public let name: String
    /// How a treasurer knows it.
    public let displayName: String
    /// The response codec (pure: bodies → normalised transactions), given the bank code CODEF needs.
    public let codec: @Sendable (_ organization: String) -> any ResponseCodec
    /// The HTTP adapter.
    public let source: @Sendable (SourceSettings, HTTPTransport, any CredentialStore) -> any TransactionSource

    public static let woori = BankAPI(
        name: "woori", displayName: "우리은행 오픈API (getAccTransList)", codec: { _ in WooriCodec() },
        source: { WooriSource(settings: $0, http: $1, credentials: $2) })
    public static let codef = BankAPI(
        name: "codef", displayName: "CODEF (resTrHistoryList)", codec: { CodefCodec(organization: $0) },
        source: { CodefSource(settings: $0, http: $1, credentials: $2) })
    public static let kftc = BankAPI(
        name: "kftc", displayName: "금융결제원 오픈뱅킹 (transaction_list)", codec: { _ in KFTCCodec() },
        source: { KFTCSource(settings: $0, http: $1, credentials: $2) })
    public static let koscom = BankAPI(
        name: "koscom", displayName: "코스콤 오픈플랫폼", codec: { _ in KoscomCodec() },
        source: { KoscomSource(settings: $0, http: $1, credentials: $2) })

    public static let all: [BankAPI] = [.woori, .codef, .kftc, .koscom]

    public static func named(_ name: String) -> BankAPI? { all.first { $0.name == name } }
}
