/// Money is always whole won. Never a floating-point value: bank amounts are exact integers.
public typealias Won = Int64

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
