/// Checks that balances chain: previous balance ± amount = this balance. A break means a row is
/// missing between the two, or one was altered; it is how a treasurer knows nothing was lost.
public enum Continuity {
    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var time: SeoulTime
        public var signedAmount: Won
        public var balance: Won?
        public var text: String
        public init(id: Int64, time: SeoulTime, signedAmount: Won, balance: Won?, text: String) {
            self.id = id
            self.time = time
            self.signedAmount = signedAmount
            self.balance = balance
            self.text = text
        }
    }

    public struct Break: Sendable, Equatable, CustomStringConvertible, Codable {
        public var before: Row
        public var after: Row
        /// How much money the chain is missing between the two rows (expected − found); nil when
        /// the amounts are too large to subtract (an implausible ledger).
        public var gap: Won? {
            guard let a = after.balance, let b = before.balance else { return nil }
            let (x, o1) = a.subtractingReportingOverflow(after.signedAmount)
            let (g, o2) = x.subtractingReportingOverflow(b)
            return o1 || o2 ? nil : g
        }
        public var description: String {
            "between t\(before.id) (\(before.time), balance \(before.balance?.grouped ?? "-")) and t\(after.id) (\(after.time), \(after.signedAmount > 0 ? "+" : "")\(after.signedAmount.grouped), balance \(after.balance?.grouped ?? "-")): \(gap?.grouped ?? "an implausible amount of") won unaccounted for"
        }
    }

    /// `rows` in time order. Rows sharing a time-stamp may come in any order (Toss writes a top-up,
    /// a card payment and its cashback within one second; newest-first files reverse them), so
    /// within one second the order that chains is chosen: the rows as given, else reversed, else
    /// the rows that fit the running balance one by one (a bounded search when two fit). A row
    /// the bank left without a balance carries its amount, so the next row is checked against
    /// the balance it must have left. A break is reported only where no order explains it.
    /// Linear in the rows: each second's rows are looked up by the balance before them.
    public static func breaks(in rows: [Row]) -> [Break] { chain(rows, after: nil).breaks }

    /// `breaks(in:)` of rows that continue a chain whose last row (with the balance it left) is
    /// `start`: the same breaks a check of everything finds after it, as long as the rows come
    /// later than `start`.
    static func chain(_ rows: [Row], after start: Row?) -> (breaks: [Break], last: Row?) {
        var result: [Break] = []
        var previous = start
        var i = 0
        while i < rows.count {
            var j = i
            while j < rows.count && rows[j].time == rows[i].time { j += 1 }
            let group = Array(rows[i..<j])
            for row in order(group, after: previous?.balance) {
                // Checked: an overflowing sum is a break, never a trap.
                guard let prev = previous, let pb = prev.balance else {
                    previous = row
                    continue
                }
                guard let b = row.balance else {
                    // No balance printed: the balance it leaves is carried (nil when it cannot be).
                    var carried = row
                    carried.balance = Money.add(pb, row.signedAmount)
                    previous = carried
                    continue
                }
                if Money.add(pb, row.signedAmount) != b { result.append(Break(before: prev, after: row)) }
                previous = row
            }
            i = j
        }
        return (result, previous)
    }

    /// What a check leaves for the next (the ledger keeps it): every break so far and the last row
    /// with the balance it left. Rows stored later are checked from it alone.
    public struct Carry: Codable, Sendable, Equatable {
        public var breaks: [Break]
        public var last: Row?
    }

    /// The check of every row, with what it leaves.
    public static func carry(_ rows: [Row]) -> Carry {
        let (b, last) = chain(rows, after: nil)
        return Carry(breaks: b, last: last)
    }

    /// The check of `carry`'s rows and `rows` after them; nil when a row is not later than the
    /// last one checked (a statement filling a gap: the order within a second could change).
    public static func resume(_ carry: Carry, with rows: [Row]) -> Carry? {
        if let t = carry.last?.time, rows.contains(where: { $0.time <= t }) { return nil }
        let (b, last) = chain(rows, after: carry.last)
        return Carry(breaks: carry.breaks + b, last: last ?? carry.last)
    }

    /// The order of one second's rows that chains from `start`: as given, reversed, or found.
    static func order(_ group: [Row], after known: Won?) -> [Row] {
        guard group.count > 1 else { return group }
        // The file's first second has nothing before it: the chain starts where a row's balance
        // before it is no other row's balance after (as given, reversed, or that head).
        guard let start = known ?? head(of: group) else { return group }
        if chains(group, from: start) { return group }
        let reversed = Array(group.reversed())
        if chains(reversed, from: start) { return reversed }
        return search(group, from: start)
    }

    /// The balance before the first row of a second nothing precedes: the one no row of the
    /// second leaves behind (`order` then tries it as given, reversed, or by search).
    static func head(of group: [Row]) -> Won? {
        func before(_ r: Row) -> Won? { r.balance.flatMap { r.signedAmount == .min ? nil : Money.add($0, -r.signedAmount) } }
        let afters = Set(group.compactMap(\.balance))
        return group.lazy.compactMap(before).first { !afters.contains($0) } ?? group.first.flatMap(before)
    }

    /// Whether every row fits the balance before it (rows without a balance carry their amount).
    static func chains(_ rows: [Row], from start: Won) -> Bool {
        var b = start
        for r in rows {
            guard let next = Money.add(b, r.signedAmount) else { return false }
            if let own = r.balance, own != next { return false }
            b = next
        }
        return true
    }

    /// Rows taken one at a time: one whose balance fits the running balance (found by that
    /// balance, so a second of thousands of rows costs no more than their number), a row without
    /// a balance when none fits, else the next in file order (a break). When two rows fit, the
    /// one after which the rest can go on is preferred, looking a few rows ahead at most.
    static func search(_ group: [Row], from start: Won) -> [Row] {
        // Balance before the row → rows in file order, and how far that list is used up.
        var byBefore: [Won: [Int]] = [:]
        for (k, r) in group.enumerated() {
            if let b = r.balance, r.signedAmount != .min, let before = Money.add(b, -r.signedAmount) { byBefore[before, default: []].append(k) }
        }
        var consumed: [Won: Int] = [:]
        var used = [Bool](repeating: false, count: group.count)
        /// The first unused row fitting `balance` other than `except` (amortised: used rows at the
        /// front of a list are stepped over once).
        func fitting(_ balance: Won?, except: Int? = nil) -> Int? {
            guard let balance, let list = byBefore[balance] else { return nil }
            var c = consumed[balance] ?? 0
            while c < list.count && used[list[c]] { c += 1 }
            consumed[balance] = c
            var k = c
            while k < list.count && (used[list[k]] || list[k] == except) { k += 1 }
            return k < list.count ? list[k] : nil
        }
        var unbalanced = group.indices.filter { group[$0].balance == nil }[...]
        var nextInOrder = 0
        var out: [Row] = []
        out.reserveCapacity(group.count)
        var b: Won? = start
        while out.count < group.count {
            let k: Int
            if let first = fitting(b) {
                // Two fit: prefer one after which another row fits (one step of lookahead).
                if let second = fitting(b, except: first), fitting(group[first].balance, except: first) == nil,
                    fitting(group[second].balance, except: second) != nil
                {
                    k = second
                } else {
                    k = first
                }
            } else {
                while let u = unbalanced.first, used[u] { unbalanced.removeFirst() }
                if let u = unbalanced.first {
                    k = u
                } else {
                    while used[nextInOrder] { nextInOrder += 1 }
                    k = nextInOrder
                }
            }
            used[k] = true
            let r = group[k]
            out.append(r)
            b = r.balance ?? b.flatMap { Money.add($0, r.signedAmount) }
        }
        return out
    }
}

/// Kept by the ledger with the check's carry: the time as seconds since the epoch.
extension Continuity.Row: Codable {
    enum CodingKeys: String, CodingKey { case id, time, amount, balance, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(Int64.self, forKey: .id), time: SeoulTime(epochSeconds: try c.decode(Int64.self, forKey: .time)),
            signedAmount: try c.decode(Won.self, forKey: .amount), balance: try c.decodeIfPresent(Won.self, forKey: .balance),
            text: try c.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(time.epochSeconds, forKey: .time)
        try c.encode(signedAmount, forKey: .amount)
        try c.encodeIfPresent(balance, forKey: .balance)
        try c.encode(text, forKey: .text)
    }
}
