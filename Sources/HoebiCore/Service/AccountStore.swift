/// A treasurer who signs in to `hoebi serve`, or an auditor (감사) who may only look.
public struct Treasurer: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case treasurer
        /// Sees every page and answer, decides nothing.
        case viewer
    }

    public var id: Int64
    public var name: String
    public var role: Role
    /// The groups they may see (and, as a treasurer, change).
    public var scope: GroupScope
    public init(id: Int64, name: String, role: Role = .treasurer, scope: GroupScope = .all) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
    }
}

/// A signed-in browser: who, and the token every form it posts must carry (CSRF).
public struct SignedIn: Sendable, Equatable {
    public var treasurer: Treasurer
    public var csrf: String
    public init(treasurer: Treasurer, csrf: String) {
        self.treasurer = treasurer
        self.csrf = csrf
    }
}

/// An API token as listed (the token itself is shown once, when made).
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var treasurer: String
    public var label: String
    public var createdAt: String
    public var revoked: Bool
    public init(id: Int64, treasurer: String, label: String, createdAt: String, revoked: Bool) {
        self.id = id
        self.treasurer = treasurer
        self.label = label
        self.createdAt = createdAt
        self.revoked = revoked
    }
}

extension AccountStore {
    public func addTreasurer(name: String, passwordHash: String) async throws {
        try await addTreasurer(name: name, passwordHash: passwordHash, role: .treasurer)
    }
}

/// What the service keeps besides the ledger: treasurers, sessions, API tokens, share links.
/// Narrow on purpose, so that another database engine can keep them too. Secrets arrive hashed.
public protocol AccountStore: Sendable {
    func addTreasurer(name: String, passwordHash: String, role: Treasurer.Role) async throws
    /// False when there is no such treasurer.
    func setPassword(name: String, passwordHash: String) async throws -> Bool
    func removeTreasurer(name: String) async throws -> Bool
    /// False when there is no such user; their sessions end (the next page asks again).
    func setRole(name: String, role: Treasurer.Role) async throws -> Bool
    /// Which groups they may see from now on (the next request already obeys it); false when there is no such user.
    func setScope(name: String, scope: GroupScope) async throws -> Bool
    func treasurers() async throws -> [Treasurer]
    func passwordHash(of name: String) async throws -> (Treasurer, String)?

    func createSession(treasurer: Int64, tokenHash: String, csrf: String, expires: SeoulTime) async throws
    func session(tokenHash: String, now: SeoulTime) async throws -> SignedIn?
    func endSession(tokenHash: String) async throws

    func createToken(treasurer name: String, label: String, tokenHash: String) async throws -> Int64?
    func revokeToken(id: Int64) async throws -> Bool
    func tokens() async throws -> [APIToken]
    func tokenOwner(tokenHash: String) async throws -> Treasurer?

    func shareToken(group: String) async throws -> String?
    func setShareToken(group: String, token: String) async throws
    func group(forShareToken token: String) async throws -> String?

    // Failed sign-ins, counted by every instance alike (keys arrive hashed).
    /// The most failures of any of `keys` since `since` (epoch seconds).
    func signInFailures(_ keys: [String], since: Int64) async throws -> Int
    /// Records a failure for each key; failures before `forget` are deleted.
    func recordSignInFailure(_ keys: [String], at: Int64, forget: Int64) async throws
    func clearSignInFailures(_ keys: [String]) async throws
}
