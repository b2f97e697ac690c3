import Foundation
import HoebiCore

/// An account a source can see for the user, for filling in the `sync` settings.
public struct DiscoveredAccount: Sendable, Equatable {
    /// The identifier the sync settings need (account number, or KFTC fintech_use_num).
    public var id: String
    /// The account number as shown (may be masked).
    public var number: String
    public var name: String
    public var balance: Won?
}

/// Account-list bodies, one reader per API that lists accounts (in the API's folder: Woori
/// getIndivAllAccInfo, CODEF account-list, KFTC account/list).
public enum AccountLists {}
