import Foundation
import HoebiCore

/// One change to a group's configuration, wherever it lives: the command line's `member …`,
/// `household …` and `group …`, the dashboard's member forms and the API's configuration all
/// come here. The change is made on the group's object, the whole configuration checked with it,
/// and only then written — to hoebi.json (atomically, the old file kept as .bak) when the group
/// is written there, to the ledger (compare-and-set on its revision) when it is kept there.
public enum GroupEdit {
    /// What was written, so an "undo" can tell whether anything changed since.
    public enum Written: Sendable, Equatable {
        /// hoebi.json's bytes after the change (`ConfigFile.digest`).
        case file(digest: String)
        case stored(revision: Int64)

        /// The form a page carries: "f…" or "r…".
        public var token: String {
            switch self {
            case .file(let d): return "f" + d
            case .stored(let r): return "r\(r)"
            }
        }
    }

    /// The version of a group an editor names when writing: hoebi.json's digest, or the ledger's
    /// revision (`Written.token`). A page or an API client reads it with the group and names it back.
    public static func version(of id: String, in inForce: ConfigInForce) -> String {
        switch inForce.origin(of: id) {
        case .file: return Written.file(digest: ConfigFile.digest(inForce.fileData)).token
        case .stored(let r): return Written.stored(revision: r).token
        }
    }

    /// A change made on a version of the group that is no longer the one in force.
    public struct Stale: Error, Sendable, Equatable {
        public var named: String
        public var current: String
    }

    public struct Outcome: Sendable {
        public var message: String
        public var written: Written
    }

    /// The change applied to a copy, checked, not written: the message and the group as it would be.
    public static func preview(
        _ inForce: ConfigInForce, group id: String?, _ change: (inout [String: Any], Group) throws -> String
    ) throws -> (message: String, group: Group) {
        let group = try inForce.config.group(id)
        var object = try inForce.object(of: group.id)
        let message = try change(&object, group)
        return (message, try inForce.replacing(group.id, with: object).group(group.id))
    }

    /// `editor`: whose change it is. A treasurer of some groups only may not move a group to
    /// another account: the ledger keeps rows by account, so that would show them another club's
    /// money. Only someone who sees every group (the operator, the command line) changes accounts.
    /// `version`: the version the editor read (`version(of:in:)`); throws `Stale` when the group
    /// changed since, before anything is changed.
    public static func apply(
        _ inForce: ConfigInForce, store: any GroupConfigStore, group id: String?, by: String, editor: GroupScope = .all, version: String? = nil,
        _ change: (inout [String: Any], Group) throws -> String
    ) async throws -> Outcome {
        let group = try inForce.config.group(id)
        if let version, version != Self.version(of: group.id, in: inForce) {
            throw Stale(named: version, current: Self.version(of: group.id, in: inForce))
        }
        func checkAccount(_ changed: Configuration) throws {
            if editor != .all, try changed.group(group.id).account.key != group.account.key {
                throw AppError.usage(Messages.t("config.accountByOperator"))
            }
        }
        switch inForce.origin(of: group.id) {
        case .file:
            // hoebi.json's own writer makes the change (keeping the file's other groups and keys);
            // a trial on a copy first when the editor may not move the group's account.
            if editor != .all {
                var object = try inForce.object(of: group.id)
                _ = try change(&object, group)
                try checkAccount(try inForce.replacing(group.id, with: object))
            }
            let message = try ConfigFile.editGroup(path: inForce.url.path, group: group.id, change)
            return Outcome(message: message, written: .file(digest: ConfigFile.digest(try Data(contentsOf: inForce.url))))
        case .stored(let revision):
            // One change, one check of the whole configuration with it, then the write.
            var object = try inForce.object(of: group.id)
            let message = try change(&object, group)
            try checkAccount(try inForce.replacing(group.id, with: object))
            guard let body = ConfigInForce.text(object) else { throw AppError.usage(Messages.t("config.storedUnreadable", group.id)) }
            guard let new = try await store.saveStoredGroup(id: group.id, body: body, expected: revision, by: by) else {
                throw AppError.busy(Messages.t("config.storedConflict", group.name))
            }
            return Outcome(message: message + Messages.t("config.storedSaved", new), written: .stored(revision: new))
        }
    }

    /// Puts back what the change in `written` replaced, only while it is still the latest write:
    /// an edit made since (by hand, by another treasurer) is never thrown away. False when stale.
    public static func undo(_ inForce: ConfigInForce, store: any GroupConfigStore, group: Group, written: String, by: String) async throws -> Bool {
        switch inForce.origin(of: group.id) {
        case .file:
            let url = inForce.url, bak = url.appendingPathExtension("bak")
            guard let now = try? Data(contentsOf: url), "f" + ConfigFile.digest(now) == written, let previous = try? Data(contentsOf: bak),
                let object = try? JSONSerialization.jsonObject(with: previous) as? [String: Any]
            else { return false }
            try ConfigFile(url: url, object: object).save()
            return true
        case .stored(let revision):
            guard "r\(revision)" == written, let previous = inForce.stored.first(where: { $0.id == group.id })?.previous else { return false }
            _ = try inForce.replacing(group.id, with: try ConfigInForce.object(previous, id: group.id))
            return try await store.saveStoredGroup(id: group.id, body: previous, expected: revision, by: by) != nil
        }
    }
}
