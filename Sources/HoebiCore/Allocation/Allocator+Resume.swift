/// Matching only what is new. A full match walks the deposits oldest first, and all it knows when
/// it reaches a deposit is what each member has paid so far; so a batch of deposits that all come
/// after the last one matched, carry no decision of their own and cannot pair with an older row
/// (a refund, returned money) is decided from that knowledge exactly as a full match would decide
/// it. `MatchCarry` is that knowledge, saved with every match; `resume` refuses (`.refused`, with
/// why) whenever the batch is not such a batch, and the caller matches in full instead.
public struct MatchCarry: Codable, Sendable, Equatable {
    /// What one member has paid: every period from their first up to `settled` (an index in their
    /// own cycle, exclusive) in full, and the amounts of any period outside that run.
    public struct Paid: Codable, Sendable, Equatable {
        public var settled: Int
        public var open: [String: Won]
    }

    /// The allocator's rules the carry was made under: another version matches in full.
    public var version: Int
    /// The latest deposit matched (its time and id): a batch must come after it.
    public var lastTime: Int64?
    public var lastID: Int64?
    public var paid: [String: Paid]
    /// The counts and early deposits of everything matched so far, kept so a batch's summary is the
    /// whole group's without reading its history.
    public var tally: MatchTally

    public init(version: Int = Allocator.version, lastTime: Int64?, lastID: Int64?, paid: [String: Paid], tally: MatchTally) {
        self.version = version
        self.lastTime = lastTime
        self.lastID = lastID
        self.paid = paid
        self.tally = tally
    }
}

/// How a group's deposits came out, counted.
public struct MatchTally: Codable, Sendable, Equatable {
    public var deposits = 0, allocated = 0, review = 0, other = 0
    /// Members with deposits in review from before they joined: the earliest such period each.
    public var early: [String: Period] = [:]
    public init() {}

    /// The counts of one match's outcomes.
    public init(group: Group, deposits: [Deposit], outcomes: [Outcome]) {
        self.deposits = deposits.count
        var byID: [String: Member] = [:]
        for m in group.members { byID[m.id] = m }
        for (d, o) in zip(deposits, outcomes) {
            switch o {
            case .allocated: allocated += 1
            case .review(_, let suggestion):
                review += 1
                // Suggested for one member who had not joined yet when it came.
                if let id = suggestion, let m = byID[id], m.joined != nil {
                    let p = d.time.period.within(group.cycle(of: m))
                    if p < group.firstPeriod(of: m) { early[id] = min(early[id] ?? p, p) }
                }
            case .other: other += 1
            }
        }
    }

    /// Everything in `other` added to this (the earlier of two early periods kept).
    public mutating func add(_ other: MatchTally) {
        deposits += other.deposits
        allocated += other.allocated
        review += other.review
        self.other += other.other
        for (id, p) in other.early { early[id] = min(early[id] ?? p, p) }
    }
}

/// Why a batch needs a full match (`Allocator.resume`).
public enum ResumeRefusal: String, Sendable, Equatable {
    /// The carry was made by other allocator rules, or names a period in another cycle.
    case otherRules
    /// A deposit at or before the last one matched (a statement filling a gap).
    case notAfterLast
    /// A transfer out at or before the last deposit matched: older returned money may pair with it.
    case transferBeforeLast
    /// A transfer out to a member: it may refund an older deposit.
    case transferToMember
    /// Returned money (취소, 반환): it pairs with older transfers out.
    case returnedMoney
}

extension Allocator {
    /// The outcome of `resume`: the batch's result, or why a full match is needed.
    public enum Resumed {
        case matched(Result)
        case refused(ResumeRefusal)

        public var result: Result? {
            if case .matched(let r) = self { return r }
            return nil
        }
    }

    /// What a member has paid towards a period so far. Inside a carried settled run the period is
    /// paid in full; every use of the figure clamps at the obligation, so that is exact.
    func paidSoFar(_ id: String, _ p: Period) -> Won {
        if let v = paid[id]?[p] { return v }
        // A full match carries nothing: no lookup (this is asked for every period a plan walks).
        if !settled.isEmpty, let run = settled[id], run.contains(p.index), let m = members[id] { return group.obligation(of: m, in: p).amount }
        return 0
    }

    /// Decides `deposits` (the rows new since `carry` was saved) as a full match over everything
    /// would, or refuses when a full match is needed: a deposit not after the last one matched,
    /// a transfer out not after it, and any pairing that could reach an older row: returned money
    /// with an older transfer out of its amount within the pairing window, a transfer out to a
    /// member with an older deposit of theirs it could return, an older transfer out to a member
    /// at or after the batch's first deposit. `withdrawals`: the transfers out new since the
    /// carry; `recentWithdrawals` and `recentDeposits`: older rows within the pairing window
    /// before the batch's first deposit and first transfer out.
    public mutating func resume(
        from carry: MatchCarry, deposits: [Deposit], withdrawals: [Deposit], recentWithdrawals: [Deposit], recentDeposits: [Deposit] = []
    ) -> Resumed {
        guard carry.version == Self.version else { return .refused(.otherRules) }
        let sorted = zip(deposits, deposits.dropFirst()).allSatisfy { ($0.time, $0.id) < ($1.time, $1.id) }
        guard sorted else { return .refused(.notAfterLast) }
        if let first = deposits.first, let t = carry.lastTime, let id = carry.lastID {
            guard (first.time.epochSeconds, first.id) > (t, id) else { return .refused(.notAfterLast) }
        }
        // A transfer out no older deposit can have reversed: after the last one matched.
        if let t = carry.lastTime, withdrawals.contains(where: { $0.time.epochSeconds <= t }) { return .refused(.transferBeforeLast) }
        func within(_ earlier: Deposit, _ later: Deposit) -> Bool {
            earlier.time <= later.time && later.time.epochSeconds - earlier.time.epochSeconds <= Self.pairingWindow
        }
        var named: [String: String?] = [:]
        func member(_ text: String) -> String? { namedMember(text, &named) }
        // An older refund that may return a new deposit, or a new one that may return an older deposit.
        if let first = deposits.first, recentWithdrawals.contains(where: { $0.time >= first.time && member($0.text) != nil }) {
            return .refused(.transferToMember)
        }
        // Older rows indexed once (by member, by amount): linear in the rows, not their product.
        var olderByMember: [String: [Deposit]] = [:]
        if withdrawals.contains(where: { member($0.text) != nil }) {
            for d in recentDeposits { if let m = member(d.text) { olderByMember[m, default: []].append(d) } }
        }
        for w in withdrawals {
            guard let m = member(w.text) else { continue }
            if olderByMember[m]?.contains(where: { within($0, w) && $0.amount >= w.amount }) == true { return .refused(.transferToMember) }
        }
        if group.builtinRules {
            let paidOut = Dictionary(grouping: recentWithdrawals, by: \.amount)
            for d in deposits where Self.bankVerdict(d.text, d.kind) == .reversal {
                if paidOut[d.amount]?.contains(where: { within($0, d) }) == true { return .refused(.returnedMoney) }
            }
        }
        for (id, p) in carry.paid {
            guard let m = members[id] else { continue }
            let c = group.cycle(of: m)
            let first = group.firstPeriod(of: m).index
            var open: [Period: Won] = [:]
            for (key, amount) in p.open {
                guard let period = Period(key), period.cycle == c else { return .refused(.otherRules) }
                open[period] = amount
            }
            paid[id] = open
            if p.settled > first {
                settled[id] = first..<p.settled
                cursor[id] = p.settled
            }
        }
        // No decision can name a row this new, and what pairs with it is new too (checked above).
        return .matched(run(deposits: deposits, decisions: [:], withdrawals: withdrawals))
    }

    /// What the next batch needs to know after this allocator's run, with everything matched
    /// counted in `tally`.
    public func carry(lastTime: Int64?, lastID: Int64?, tally: MatchTally) -> MatchCarry {
        var out: [String: MatchCarry.Paid] = [:]
        for m in group.members {
            let id = m.id
            let c = group.cycle(of: m)
            let first = group.firstPeriod(of: m).index
            var idx = max(first, settled[id]?.upperBound ?? first)
            let known = paid[id] ?? [:]
            let last = known.keys.map(\.index).max() ?? idx - 1
            while idx <= last {
                let p = Period(cycle: c, index: idx)
                guard paidSoFar(id, p) >= group.obligation(of: m, in: p).amount else { break }
                idx += 1
            }
            let open = known.filter { !(first..<idx).contains($0.key.index) }
            guard idx > first || !open.isEmpty else { continue }
            out[id] = MatchCarry.Paid(settled: idx, open: Dictionary(uniqueKeysWithValues: open.map { ($0.key.description, $0.value) }))
        }
        return MatchCarry(lastTime: lastTime, lastID: lastID, paid: out, tally: tally)
    }
}
