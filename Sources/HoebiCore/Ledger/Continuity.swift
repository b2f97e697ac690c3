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

    public struct Break: Sendable, Equatable, CustomStringConvertible {
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

    /// `rows` in time order. Rows with the same time-stamp may come in any order (banks and
    /// exports differ), so within one second the order that chains is chosen.
    public static func breaks(in rows: [Row]) -> [Break] {
        var result: [Break] = []
        var previous: Row?
        var i = 0
        while i < rows.count {
            var j = i
            while j < rows.count && rows[j].time == rows[i].time { j += 1 }
            var pending = Array(rows[i..<j])
            while !pending.isEmpty {
                var pick = 0
                if let prevBalance = previous?.balance,
                    let k = pending.firstIndex(where: { $0.balance != nil && $0.balance == Money.add(prevBalance, $0.signedAmount) })
                {
                    pick = k
                }
                let row = pending.remove(at: pick)
                // Checked: an overflowing sum is a break, never a trap.
                if let prev = previous, let pb = prev.balance, let b = row.balance, Money.add(pb, row.signedAmount) != b {
                    result.append(Break(before: prev, after: row))
                }
                previous = row
            }
            i = j
        }
        return result
    }
}
