import Foundation
import HoebiCore
import HoebiSources

/// Reading the configuration and bringing a store up to date with it: what the command line and
/// the service both do, on any `LedgerStore`. (Opening a particular engine is the wiring's job:
/// `HoebiWiring.Workspace`.)
public enum ConfigLoader {
    /// A configuration's text, checked against the bank APIs there are (`BankAPI.all`): the one
    /// way the product reads one.
    public static func parse(_ data: Data) throws -> Configuration {
        try Configuration.parse(data, sources: BankAPI.all.map(\.name))
    }

    /// Records each group's configuration and re-matches the groups whose configuration (or
    /// ledger) changed since their last match.
    public static func bringUpToDate(_ store: any LedgerStore, _ config: Configuration, _ fingerprints: [String: String]) async throws {
        let ledger = Ledger(store: store)
        // One read says which groups need anything; the others (usually all) are not touched.
        let states = try await store.matchStates()
        for g in config.groups where states[g.id] != MatchStateSummary(fingerprint: fingerprints[g.id] ?? "", owesMatch: false) {
            try await store.register(g, fingerprint: fingerprints[g.id] ?? "")
            try await ledger.matchIfOwed(g)
        }
    }

    /// Each group's configuration as canonical JSON (keys sorted), with the matcher's version: a
    /// change to either means the stored allocations may be stale.
    static func fingerprints(_ data: Data, _ config: Configuration) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let groups = object["groups"] as? [[String: Any]]
        else { return [:] }
        var out: [String: String] = [:]
        for g in groups {
            guard let id = g["id"] as? String,
                let json = try? JSONSerialization.data(withJSONObject: g, options: [.sortedKeys])
            else { continue }
            out[id] = fingerprint(canonical: json)
        }
        return out
    }

    /// The fingerprint of a group's canonical text (`ConfigInForce.text`).
    static func fingerprint(canonical json: Data) -> String { "m\(Allocator.version)-" + ConfigFile.digest(json) }

}

public enum AppError: Error, CustomStringConvertible {
    case noConfig(String)
    case badConfig(String, ConfigErrors)
    case noMigrations([String])
    case usage(String)
    case busy(String)

    /// Someone else changed the same thing first: try again on the new state.
    public var isBusy: Bool {
        if case .busy = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .noConfig(let p):
            return Messages.t("error.noConfig", p)
        case .badConfig(let p, let e): return "\(p): \(e)"
        case .noMigrations(let tried):
            return Messages.t("error.noMigrations", tried.joined(separator: ", "))
        case .usage(let s), .busy(let s): return s
        }
    }
}
