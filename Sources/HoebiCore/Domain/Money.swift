/// Money is always whole won. Never a floating-point value: bank amounts are exact integers.
public typealias Won = Int64

public enum Money {
    /// No real account moves or holds 10 trillion won; anything beyond is a damaged or hostile
    /// input, refused at the door so that every later sum stays far from Int64's limit.
    public static let limit: Won = 10_000_000_000_000

    public static func isPlausible(_ v: Won) -> Bool { v >= -limit && v <= limit }

    /// A sum that would overflow Int64 (only reachable by adding up a great many limit-sized
    /// amounts): an error, never a trap.
    public struct Overflow: Error, CustomStringConvertible {
        public var what: String
        public var description: String {
            "the sum of \(what) is too large to compute; the ledger holds implausible amounts (see `hoebi transactions` or the runs that added them)"
        }
    }

    /// Checked sum of `values`.
    public static func sum<S: Sequence>(_ values: S, _ what: String) throws -> Won where S.Element == Won {
        var total: Won = 0
        for v in values {
            let (r, o) = total.addingReportingOverflow(v)
            if o { throw Overflow(what: what) }
            total = r
        }
        return total
    }

    /// `a + b`, or nil on overflow.
    public static func add(_ a: Won, _ b: Won) -> Won? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// `a − b`, or nil on overflow.
    public static func subtract(_ a: Won, _ b: Won) -> Won? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }

    /// `a + b`, clamped to Int64's range: for running totals that are only compared with what is
    /// owed (each bounded by `limit`), where "more than anything owed" is all that matters.
    public static func saturatingAdd(_ a: Won, _ b: Won) -> Won {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? .max : .min) : r
    }
}

extension Won {
    /// "1,234,567" — the grouping Korean bank statements and notices use.
    public var grouped: String {
        let digits = String(self.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return self < 0 ? "-" + out : out
    }
}
