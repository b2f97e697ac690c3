import Foundation
import HoebiCore

/// The configuration in force (issue 25): hoebi.json's settings and groups, with every group kept
/// in the ledger (`StoredGroup`) standing in for the file's group of the same id, or added after
/// the file's. Both are read by one validator — the file's own — over one merged document, so a
/// stored group is held to exactly the rules a written one is, and a group has the same
/// fingerprint wherever it lives (moving it into the ledger owes no re-match).
public struct ConfigInForce: Sendable {
    public let url: URL
    public let fileData: Data
    public let stored: [StoredGroup]
    public let config: Configuration
    public let fingerprints: [String: String]
    /// What the person should know (a group in both places that differs).
    public let notes: [String]

    /// Where a group's configuration lives, so an edit goes back to the same place.
    public enum Origin: Sendable, Equatable {
        case file
        case stored(revision: Int64)
    }

    /// `fileConfig`: `fileData` already parsed (a command reads the file before it opens the
    /// ledger); in force as it is when no group is stored, so the file is not validated twice.
    public init(url: URL, fileData: Data, stored: [StoredGroup], fileConfig: Configuration? = nil) throws {
        self.url = url
        self.fileData = fileData
        self.stored = stored
        let (data, storedAt) = try Self.merged(fileData, stored, url: url)
        if stored.isEmpty, let fileConfig {
            config = fileConfig
        } else {
            do {
                config = try ConfigLoader.parse(data)
            } catch let e as ConfigErrors {
                throw AppError.badConfig(url.path, Self.located(e, storedAt))
            }
        }
        // A stored body is already the group's canonical text (`text`): its fingerprint is its
        // digest, the same a written group's canonical text gets. Serialising a thousand groups
        // again, keys sorted, cost most of every command (measured: 76 % of a 1.4 s import).
        var fingerprints = stored.isEmpty ? ConfigLoader.fingerprints(data, config) : ConfigLoader.fingerprints(fileData, config)
        for s in stored { fingerprints[s.id] = ConfigLoader.fingerprint(canonical: Data(s.body.utf8)) }
        self.fingerprints = fingerprints
        notes = Self.shadowed(fileData, stored).map { Messages.t("config.shadowed", $0, url.lastPathComponent) }
    }

    public func origin(of id: String) -> Origin {
        stored.first { $0.id == id }.map { .stored(revision: $0.revision) } ?? .file
    }

    /// The group's object as its place holds it.
    public func object(of id: String) throws -> [String: Any] {
        if let s = stored.first(where: { $0.id == id }) { return try Self.object(s.body, id: id) }
        let groups = (try? JSONSerialization.jsonObject(with: fileData) as? [String: Any])?["groups"] as? [[String: Any]] ?? []
        guard let g = groups.first(where: { $0["id"] as? String == id }) else { throw AppError.usage(Messages.t("error.noGroup", id, url.path)) }
        return g
    }

    /// The configuration as it would be with group `id` described by `object` (nothing written):
    /// every rule of the file checked over the whole, as a save would.
    public func replacing(_ id: String, with object: [String: Any]) throws -> Configuration {
        guard let body = Self.text(object) else { throw AppError.usage(Messages.t("config.storedUnreadable", id)) }
        var others = stored.filter { $0.id != id }
        others.append(StoredGroup(id: id, body: body, revision: 1))
        return try ConfigInForce(url: url, fileData: fileData, stored: others).config
    }

    /// A group's object as the ledger keeps it: compact JSON, keys sorted, so an unchanged group
    /// compares equal and the text is the same whichever engine or command wrote it — and the
    /// very bytes a fingerprint is taken of (`ConfigLoader.fingerprints`).
    public static func text(_ object: [String: Any]) -> String? {
        guard JSONSerialization.isValidJSONObject(object), let d = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return nil
        }
        return String(decoding: d, as: UTF8.self)
    }

    static func object(_ body: String, id: String) throws -> [String: Any] {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            throw AppError.usage(Messages.t("config.storedUnreadable", id))
        }
        return o
    }

    /// The file's document with the stored groups in it, and which positions hold a stored group.
    /// With nothing stored it is the file's own bytes, read exactly as before groups were data.
    /// The stored bodies go in as the text they are (they are parsed once, by the validator).
    static func merged(_ fileData: Data, _ stored: [StoredGroup], url: URL) throws -> (Data, [Int: String]) {
        guard !stored.isEmpty else { return (fileData, [:]) }
        guard var file = (try? JSONSerialization.jsonObject(with: fileData)) as? [String: Any] else {
            throw AppError.usage(Messages.t("error.notObject", url.path))
        }
        let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [String] = []
        var storedAt: [Int: String] = [:]
        var placed = Set<String>()
        for g in file["groups"] as? [[String: Any]] ?? [] {
            if let id = g["id"] as? String, let s = byID[id] {
                storedAt[groups.count] = id
                groups.append(s.body)
                placed.insert(id)
            } else {
                groups.append(String(decoding: try JSONSerialization.data(withJSONObject: g), as: UTF8.self))
            }
        }
        for s in stored where !placed.contains(s.id) {
            storedAt[groups.count] = s.id
            groups.append(s.body)
        }
        file["groups"] = nil
        var top = String(decoding: try JSONSerialization.data(withJSONObject: file), as: UTF8.self)
        guard top.hasSuffix("}") else { throw AppError.usage(Messages.t("error.notObject", url.path)) }
        top.removeLast()
        let text = top + (file.isEmpty ? "" : ",") + "\"groups\":[" + groups.joined(separator: ",") + "]}"
        return (Data(text.utf8), storedAt)
    }

    /// A stored group's problems named by the group, not by a position in a document nobody wrote.
    static func located(_ e: ConfigErrors, _ storedAt: [Int: String]) -> ConfigErrors {
        ConfigErrors(
            errors: e.errors.map { err in
                for (i, id) in storedAt where err.path == "groups[\(i)]" || err.path.hasPrefix("groups[\(i)].") {
                    return ConfigError(path: Messages.t("config.storedPath", id) + err.path.dropFirst("groups[\(i)]".count), reason: err.reason)
                }
                return err
            })
    }

    /// Groups written in the file that the ledger's copy replaces with something different.
    static func shadowed(_ fileData: Data, _ stored: [StoredGroup]) -> [String] {
        guard !stored.isEmpty, let file = (try? JSONSerialization.jsonObject(with: fileData)) as? [String: Any] else { return [] }
        return (file["groups"] as? [[String: Any]] ?? []).compactMap { g in
            guard let id = g["id"] as? String, let s = stored.first(where: { $0.id == id }) else { return nil }
            return text(g) == s.body ? nil : id
        }
    }
}
