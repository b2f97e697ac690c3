/// A group's configuration kept in the ledger (issue 25): its object as hoebi.json's `groups`
/// array would hold it, and the revision an editor must name to replace it.
public struct StoredGroup: Sendable, Equatable {
    public var id: String
    /// The group's JSON object, as text (read by the same validator as the file).
    public var body: String
    public var revision: Int64
    /// The body the last write replaced: what an "undo" puts back.
    public var previous: String?
    public var updatedAt: String
    public var updatedBy: String
    public init(id: String, body: String, revision: Int64, previous: String? = nil, updatedAt: String = "", updatedBy: String = "") {
        self.id = id
        self.body = body
        self.revision = revision
        self.previous = previous
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// Groups kept as data. Writes are compare-and-set on the revision, so two treasurers (or two
/// instances) editing one group never silently overwrite each other.
public protocol GroupConfigStore: Sendable {
    /// Every stored group, by id.
    func storedGroups() async throws -> [StoredGroup]
    /// Changes whenever any stored group is written or removed: what a running service compares
    /// to notice another instance's edit without reading every body.
    func storedGroupsStamp() async throws -> String
    /// Writes `body` when the stored revision is still `expected` (nil: the group must not be
    /// stored yet). Returns the new revision, or nil when someone else wrote first.
    func saveStoredGroup(id: String, body: String, expected: Int64?, by: String) async throws -> Int64?
    /// Removes the group's stored configuration (its ledger rows stay); false when the revision moved.
    func removeStoredGroup(id: String, expected: Int64) async throws -> Bool
}

/// Which groups someone who signs in may see and, as a treasurer, change.
public enum GroupScope: Sendable, Equatable {
    /// Every group (a single club's treasurer; everyone made before groups were kept as data).
    case all
    /// Only these groups (a hosted service's treasurer of one club).
    case listed(Set<String>)

    public func allows(_ group: String) -> Bool {
        switch self {
        case .all: return true
        case .listed(let ids): return ids.contains(group)
        }
    }

    /// The scope as stored: `scope` and the listed groups, comma-separated.
    public init(stored scope: String?, groups: String?) {
        if scope == "listed" {
            self = .listed(Set((groups ?? "").split(separator: ",").map(String.init)))
        } else {
            self = .all
        }
    }
}
