/// The records a ledger store hands back: plain values, the same whichever engine keeps them.

/// Everything a re-match reads, from one read transaction, with the generation it reflects.
public struct MatchInput: Sendable {
    public var deposits: [Deposit]
    public var decisions: [Int64: Decision]
    public var aliases: [String: String]
    public var generation: Int64
    /// Outgoing rows, for pairing returned money with what it reverses.
    public var withdrawals: [Deposit] = []
    public init(deposits: [Deposit], decisions: [Int64: Decision], aliases: [String: String], generation: Int64, withdrawals: [Deposit] = []) {
        self.deposits = deposits
        self.decisions = decisions
        self.aliases = aliases
        self.generation = generation
        self.withdrawals = withdrawals
    }
}

/// A rule on a whole depositor text, as `hoebi aliases` lists it.
public struct TextRule: Sendable {
    public var text: String
    public var rule: LearnedRule
    public var source: String
    public var createdAt: String
    public var createdBy: String
    public init(text: String, rule: LearnedRule, source: String, createdAt: String, createdBy: String) {
        self.text = text
        self.rule = rule
        self.source = source
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// One entry of `hoebi runs`: an import or sync (`r12`), or a decision (`d5`).
public struct RunEntry: Sendable {
    public var id: String
    public var kind: RunKind
    public var at: String
    public var by: String
    public var what: String
    public var status: RunStatus
    /// Rows the run added (an import or sync of rows all known adds none).
    public var newRows = 0
    /// An import or sync whose rows are still in the ledger can be reverted.
    public var revertable: Bool {
        // Only a finished one that added rows has any to take back: a failed or interrupted
        // import wrote nothing, an overlapping one only met rows already there.
        guard kind == .import || kind == .sync else { return false }
        return status == .ok && newRows > 0
    }
    public init(id: String, kind: RunKind, at: String, by: String, what: String, status: RunStatus) {
        self.id = id
        self.kind = kind
        self.at = at
        self.by = by
        self.what = what
        self.status = status
    }
}

/// What `revert` did.
public struct Reverted: Sendable, Equatable {
    public var run: Int64
    public var removed: Int
    /// Rows another run also brought: kept, now counted as that run's.
    public var kept: Int
    /// Decisions on removed rows (taken out with them; the run's record keeps the count).
    public var decisionsDropped: Int
    public init(run: Int64, removed: Int, kept: Int, decisionsDropped: Int) {
        self.run = run
        self.removed = removed
        self.kept = kept
        self.decisionsDropped = decisionsDropped
    }
}

/// What `undo` took back.
public struct Undone: Sendable, Equatable {
    /// The other decisions of the same change, taken back with it (newest first).
    public var together: [Undone] = []
    public var decision: Int64
    public var transaction: Int64
    public var action: DecisionAction
    public var member: String?
    public var ruleText: String?
    public var ruleRestored: LearnedRule?
    public init(decision: Int64, transaction: Int64, action: DecisionAction, member: String? = nil, ruleText: String? = nil, ruleRestored: LearnedRule? = nil) {
        self.decision = decision
        self.transaction = transaction
        self.action = action
        self.member = member
        self.ruleText = ruleText
        self.ruleRestored = ruleRestored
    }
}

/// One ledger row as `hoebi transactions` and `hoebi history` show it.
public struct LedgerLine: Sendable {
    public var id: Int64
    public var time: SeoulTime
    public var direction: String
    public var amount: Won
    public var text: String
    /// allocated, review, other, or "" for a withdrawal.
    public var status: String
    public var reason: String?
    /// What the deposit paid: (member, period or nil for credit, amount).
    public var paid: [(member: String, period: Period?, amount: Won)]
    public init(
        id: Int64, time: SeoulTime, direction: String, amount: Won, text: String, status: String, reason: String? = nil,
        paid: [(member: String, period: Period?, amount: Won)]
    ) {
        self.id = id
        self.time = time
        self.direction = direction
        self.amount = amount
        self.text = text
        self.status = status
        self.reason = reason
        self.paid = paid
    }
}

public struct LedgerFilter: Sendable {
    public var from: SeoulTime?
    public var to: SeoulTime?
    public var text: String?
    public var amount: Won?
    public var member: String?
    public var limit: Int
    public init(from: SeoulTime? = nil, to: SeoulTime? = nil, text: String? = nil, amount: Won? = nil, member: String? = nil, limit: Int = 200) {
        self.from = from
        self.to = to
        self.text = text
        self.amount = amount
        self.member = member
        self.limit = limit
    }
}

/// A stored transaction, as `hoebi show`/`explain` and the decision commands see it.
public struct StoredTransaction: Sendable {
    public var id: Int64
    public var time: SeoulTime
    public var direction: String
    public var amount: Won
    public var balance: Won?
    public var kind: String
    public var text: String
    public var memo: String = ""
    public var status: String?
    public var member: String?
    public var reason: String?
    public var method: String?
    public var suggestion: String?
    public init(
        id: Int64, time: SeoulTime, direction: String, amount: Won, balance: Won? = nil, kind: String, text: String, memo: String = "", status: String? = nil,
        member: String? = nil, reason: String? = nil, method: String? = nil, suggestion: String? = nil
    ) {
        self.id = id
        self.time = time
        self.direction = direction
        self.amount = amount
        self.balance = balance
        self.kind = kind
        self.text = text
        self.memo = memo
        self.status = status
        self.member = member
        self.reason = reason
        self.method = method
        self.suggestion = suggestion
    }
}

/// Counts of one import: what was new, what the ledger already had, what was not a transaction.
public struct ImportCounts: Sendable, Equatable {
    public var runID: Int64
    public var new: Int
    public var known: Int
    public var ignored: Int
    public init(runID: Int64, new: Int, known: Int, ignored: Int) {
        self.runID = runID
        self.new = new
        self.known = known
        self.ignored = ignored
    }
}

/// What storing one page of a sync did; `repeated` when the bank sent an earlier page again.
public struct PageResult: Sendable {
    public var new: Int
    public var known: Int
    public var repeated: Bool
    public init(new: Int, known: Int, repeated: Bool) {
        self.new = new
        self.known = known
        self.repeated = repeated
    }
}

/// What `undo` would do now, read before anything is written: the decision taken back, the
/// decision it puts back in force for the deposit (nil: none), and the text rule it restores.
public struct UndoPlan: Sendable, Equatable {
    /// The other decisions of the same change, taken back with it (newest first).
    public var together: [UndoPlan] = []
    public var decision: Int64
    public var transaction: Int64
    public var action: DecisionAction
    public var member: String?
    public var restores: Decision?
    /// The normalised text whose rule changes back, and the rule it gets (nil: removed).
    public var ruleText: String?
    public var ruleRestored: LearnedRule?
    public init(
        decision: Int64, transaction: Int64, action: DecisionAction, member: String? = nil, restores: Decision? = nil,
        ruleText: String? = nil, ruleRestored: LearnedRule? = nil
    ) {
        self.decision = decision
        self.transaction = transaction
        self.action = action
        self.member = member
        self.restores = restores
        self.ruleText = ruleText
        self.ruleRestored = ruleRestored
    }
}

/// What `revert` would do now: the rows it would remove (brought by this run alone), how many it
/// keeps (another run brought them too) and how many decisions go with the removed rows.
public struct RevertPlan: Sendable, Equatable {
    public var run: Int64
    public var removing: [Int64] = []
    public var kept = 0
    public var decisionsDropped = 0
    public init(run: Int64, removing: [Int64] = [], kept: Int = 0, decisionsDropped: Int = 0) {
        self.run = run
        self.removing = removing
        self.kept = kept
        self.decisionsDropped = decisionsDropped
    }
}

/// One decision to record. Several recorded together are one change: undone as one.
public struct DecisionWrite: Sendable, Equatable {
    public var transaction: Int64
    public var action: DecisionAction
    public var member: String?
    public var periods: [Period]
    public var reason: String
    /// What to remember for the deposit's whole text: nil leaves the rule alone (what the action
    /// implies), .some(nil) removes it, .some(x) sets it.
    public var rule: LearnedRule??
    public var dropRule: LearnedRule?
    public var parts: Decision?

    public init(
        transaction: Int64, action: DecisionAction, member: String? = nil, periods: [Period] = [], reason: String = "",
        rule: LearnedRule?? = .none, dropRule: LearnedRule? = nil, parts: Decision? = nil
    ) {
        self.transaction = transaction
        self.action = action
        self.member = member
        self.periods = periods
        self.reason = reason
        self.rule = rule
        self.dropRule = dropRule
        self.parts = parts
    }
}

/// What matching only the rows new since the last match reads (`LedgerStore.matchDelta`), all
/// from one moment of the ledger.
public struct MatchDelta: Sendable {
    /// What the last match left for the next (see `Allocator.resume`).
    public var carry: MatchCarry
    /// The generation the carried match was computed from, and the highest transaction id it covered.
    public var base: Int64
    public var baseUpto: Int64
    /// The ledger's generation now: what a match of this input records.
    public var generation: Int64
    /// Rows of the account above `baseUpto`, in time order.
    public var deposits: [Deposit]
    public var withdrawals: [Deposit]
    /// Older transfers out from the pairing window before the first new deposit, and older
    /// deposits from the window before the first new transfer out (`resume` checks them).
    public var recentWithdrawals: [Deposit]
    public var recentDeposits: [Deposit]
    public var aliases: [String: String]
    public init(
        carry: MatchCarry, base: Int64, baseUpto: Int64, generation: Int64, deposits: [Deposit], withdrawals: [Deposit],
        recentWithdrawals: [Deposit], recentDeposits: [Deposit], aliases: [String: String]
    ) {
        self.recentDeposits = recentDeposits
        self.carry = carry
        self.base = base
        self.baseUpto = baseUpto
        self.generation = generation
        self.deposits = deposits
        self.withdrawals = withdrawals
        self.recentWithdrawals = recentWithdrawals
        self.aliases = aliases
    }

    /// The highest transaction id a match of this input covers.
    public var upto: Int64 { max(baseUpto, (deposits.map(\.id) + withdrawals.map(\.id)).max() ?? 0) }
}

/// How a match result is saved (`LedgerStore.saveMatch`).
public struct MatchSave: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Everything the group has: the result replaces the stored one.
        case full
        /// Rows new since the match saved at generation `base` covering ids up to `baseUpto`: the
        /// result is added to it, and only while that match is still the one stored.
        case added(base: Int64, baseUpto: Int64)
    }
    public var kind: Kind
    /// The generation of the input.
    public var generation: Int64
    /// What the next match may start from, and the highest transaction id the result covers (nil: the next match is a full one).
    public var carry: MatchCarry?
    public var upto: Int64?
    public init(kind: Kind, generation: Int64, carry: MatchCarry?, upto: Int64?) {
        self.kind = kind
        self.generation = generation
        self.carry = carry
        self.upto = upto
    }
}

/// What checking the balance chain reads (`LedgerStore.chainDelta`), from one moment of the ledger.
public struct ChainDelta: Sendable {
    /// What the last check left; nil when there is none to go on from (then `rows` are every row).
    public var carry: Continuity.Carry?
    /// The account's rows above the carry's (all of them without one), in time order.
    public var rows: [Continuity.Row]
    /// The highest transaction id a check of this covers, and the generation read with it.
    public var upto: Int64
    public var generation: Int64
    public init(carry: Continuity.Carry?, rows: [Continuity.Row], upto: Int64, generation: Int64) {
        self.carry = carry
        self.rows = rows
        self.upto = upto
        self.generation = generation
    }
}
