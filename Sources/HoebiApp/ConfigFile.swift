import Foundation
import HoebiCore

/// Changes to `hoebi.json` made by commands (`init`, `member …`): validated in full before
/// anything is written, written atomically, the previous file kept as `hoebi.json.bak`.
/// The file is rewritten with sorted keys (Foundation keeps no key order).
public struct ConfigFile {
    public let url: URL
    public var object: [String: Any]

    public static func path(_ given: String?) -> URL {
        URL(fileURLWithPath: given ?? ProcessInfo.processInfo.environment["HOEBI_CONFIG"] ?? "hoebi.json")
    }

    public init(path: String?) throws {
        url = Self.path(path)
        guard let data = try? Data(contentsOf: url) else { throw AppError.noConfig(url.path) }
        do { _ = try ConfigLoader.parse(data) } catch let e as ConfigErrors { throw AppError.badConfig(url.path, e) }
        guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw AppError.usage(Messages.t("error.notObject", url.path)) }
        object = o
    }

    public init(url: URL, object: [String: Any]) {
        self.url = url
        self.object = object
    }

    /// The group object to change: `id`, or the only one.
    public func groupIndex(_ id: String?) throws -> Int {
        let groups = object["groups"] as? [[String: Any]] ?? []
        if let id {
            guard let i = groups.firstIndex(where: { $0["id"] as? String == id }) else { throw AppError.usage(Messages.t("error.noGroup", id, url.path)) }
            return i
        }
        guard groups.count == 1 else { throw AppError.usage(Messages.t("error.severalGroups", url.path)) }
        return 0
    }

    /// Loads the file, hands one group's object to `change`, validates the whole new file and
    /// writes it; what `change` returns is said, with where the previous file went. Every command
    /// that edits a group goes through here, so each one is checked and atomic alike.
    public static func editGroup(path: String?, group id: String?, _ change: (inout [String: Any], Group) throws -> String) throws -> String {
        var file = try ConfigFile(path: path)
        let config = try ConfigLoader.parse(try Data(contentsOf: file.url))
        let group = try config.group(id)
        let gi = try file.groupIndex(group.id)
        var groups = file.object["groups"] as? [[String: Any]] ?? []
        let message = try change(&groups[gi], group)
        file.object["groups"] = groups
        try file.save()
        return message + Messages.t("member.backup", file.url.lastPathComponent)
    }

    /// A change detector for a file's bytes (FNV-1a), not a secret: the configuration's
    /// fingerprint, and what the dashboard's undo checks the file against.
    public static func digest(_ d: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in d { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    public func data() throws -> Data {
        var d = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        d.append(0x0A)
        return d
    }

    /// Validates the whole new configuration, then replaces the file (old one → .bak).
    @discardableResult
    public func save(backup: Bool = true) throws -> Configuration {
        let new = try data()
        let parsed: Configuration
        do { parsed = try ConfigLoader.parse(new) } catch let e as ConfigErrors { throw AppError.badConfig(url.path + " (not written)", e) }
        let fm = FileManager.default
        if backup, fm.fileExists(atPath: url.path) {
            let bak = url.appendingPathExtension("bak")
            try? fm.removeItem(at: bak)
            try fm.copyItem(at: url, to: bak)
        }
        // Write beside it and rename: a crash leaves the old file or the new one, never half of one.
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try new.write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            try? fm.removeItem(at: tmp)
            throw AppError.usage(Messages.t("config.cannotReplace", url.path, errno))
        }
        return parsed
    }
}
