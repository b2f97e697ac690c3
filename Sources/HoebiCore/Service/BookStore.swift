/// What the club's whole book (events, kinds of money, receipts) asks of the store, beside the
/// dues ledger: the rows that are not dues with the treasurer's words on them, the treasurer's
/// categories, and receipt files. Each call is one transaction of the engine.
public protocol BookStore: Sendable {
    /// Money in that is not dues or still in review, and every withdrawal, in `[from, to)`, with
    /// the decision in force on each (its member and reason) and the treasurer's category.
    func bookRows(of group: Group, from: SeoulTime, to: SeoulTime) async throws -> [EventMoney]
    /// Every category decision in force, oldest first (what `Categories` learns from).
    func categoryDecisions(of group: Group) async throws -> [CategoryDecision]
    /// Files the rows under `category` ('' takes the line off), as one change; returns how many rows.
    func categorise(group: Group, _ ids: [Int64], as category: String, by: String) async throws -> Int
    /// Takes the last categorise change back; nil when there is none.
    func undoCategories(group: Group) async throws -> CategoryChange?
    /// What `undoCategories` would take back now.
    func lastCategoryChange(group: Group) async throws -> CategoryChange?

    /// Dues paid by deposits in `[from, to)` for periods before `first` and after `last`: a 결산's
    /// 전년도 미수금 회수 and 선납 lines.
    func duesOutside(of group: Group, from: SeoulTime, to: SeoulTime, first: Period, last: Period) async throws -> (earlier: Won, later: Won)

    /// When the account's first row happened (nil for an empty ledger).
    func earliestTime(account: String) async throws -> SeoulTime?

    func addReceipt(group: Group, transaction: Int64, file: ReceiptFile, by: String) async throws -> ReceiptInfo
    func receipts(of group: Group) async throws -> [ReceiptInfo]
    func receiptFile(group: Group, id: Int64) async throws -> (info: ReceiptInfo, bytes: [UInt8])?
    func removeReceipt(group: Group, id: Int64) async throws -> Bool
}

/// A category in force on one row, with the row's text (a rule for the same text elsewhere).
public struct CategoryDecision: Sendable, Equatable {
    public var transaction: Int64
    public var text: String
    public var category: String
    public init(transaction: Int64, text: String, category: String) {
        self.transaction = transaction
        self.text = text
        self.category = category
    }
}

/// One categorise command as stored: the rows and the line they were given.
public struct CategoryChange: Sendable, Equatable {
    public var rows: [Int64]
    public var category: String
    public var by: String
    public var at: String
    public init(rows: [Int64], category: String, by: String, at: String) {
        self.rows = rows
        self.category = category
        self.by = by
        self.at = at
    }
}

/// A receipt as given: its name, type and bytes.
public struct ReceiptFile: Sendable, Equatable {
    public var name: String
    public var mediaType: String
    public var bytes: [UInt8]
    public init(name: String, mediaType: String, bytes: [UInt8]) {
        self.name = name
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// A stored receipt without its bytes.
public struct ReceiptInfo: Sendable, Equatable {
    public var id: Int64
    public var transaction: Int64
    public var name: String
    public var mediaType: String
    public var size: Int
    public var sha256: String
    public var addedBy: String
    public var addedAt: String
    public init(id: Int64, transaction: Int64, name: String, mediaType: String, size: Int, sha256: String, addedBy: String, addedAt: String) {
        self.id = id
        self.transaction = transaction
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

/// What a handover bundle carries and checks: a copy of the ledger without the service's secrets,
/// and every table's row count with one checksum over their content.
public protocol HandoverStore: Sendable {
    /// A consistent copy at `path` (which must not exist), the secret tables emptied.
    func handoverCopy(to path: String) async throws
    func contentDigest() async throws -> ContentDigest
}

public struct ContentDigest: Sendable, Equatable {
    /// Table → rows, by table name.
    public var counts: [String: Int]
    /// SHA-256 over every table's rows in key order, each value with its type.
    public var sha256: String
    public init(counts: [String: Int], sha256: String) {
        self.counts = counts
        self.sha256 = sha256
    }
}
