import Foundation
import HoebiCore

/// A bank API that can list an account's transactions. Each adapter speaks its API's dialect; the
/// sync engine only sees pages of normalised transactions.
public protocol TransactionSource: Sendable {
    var name: String { get }
    /// The longest date range one `fetch` may ask for.
    var maxDays: Int { get }
    /// Every row dated `from`…`to` (YYYYMMDD, inclusive), handed over page by page as it arrives.
    func fetch(account: String, from: String, to: String, page: (ParsedResponse) async throws -> Void) async throws -> Int
    /// The account's balance now, as the bank reports it (nil when the API has no balance call).
    func balance() async throws -> Won?
    /// The accounts the credentials can see, for filling in the sync settings.
    func accounts() async throws -> [DiscoveredAccount]
}

extension TransactionSource {
    public func balance() async throws -> Won? { nil }
    public func accounts() async throws -> [DiscoveredAccount] { [] }
}

/// Where a source lives and how it authenticates: from the group's `sync` configuration.
public struct SourceSettings: Sendable {
    public var source: String
    public var baseURL: String
    public var fields: [String: String]
    public var secrets: [String: Secret]

    public init(source: String, baseURL: String, fields: [String: String] = [:], secrets: [String: Secret] = [:]) {
        self.source = source
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.fields = fields
        self.secrets = secrets
    }

    func field(_ name: String) throws -> String {
        guard let v = fields[name], !v.isEmpty else {
            throw SourceError(source, .rejected, code: "config", Messages.t("src.needField", name))
        }
        return v
    }

    func secret(_ name: String) throws -> String {
        guard let s = secrets[name] else { throw SourceError(source, .rejected, code: "config", Messages.t("src.needSecret", name)) }
        return try s.value(name)
    }
}

/// Builds the adapter a group's settings name.
public enum Sources {
    public static func make(_ settings: SourceSettings, transport: HTTPTransport, credentials: any CredentialStore) throws -> any TransactionSource {
        guard let api = BankAPI.named(settings.source) else {
            throw SourceError(
                "config", .rejected, code: "source",
                Messages.t("src.unknownSource", settings.source, BankAPI.all.map(\.name).joined(separator: ", ")))
        }
        return api.source(settings, transport, credentials)
    }
}
