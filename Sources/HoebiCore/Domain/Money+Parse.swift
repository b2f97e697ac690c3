extension Money {
    public enum Parsed: Equatable, Sendable {
        case won(Won)
        /// A number, but not whole won (`30000.5`).
        case notWhole
        /// A number beyond `Money.limit`.
        case tooLarge
        case notAnAmount
    }

    /// Whole won from an amount as real exporters write it: `30,000`, `-30,000`, `+1,237`,
    /// `(30,000)` (negative), `30000.0` and `1.0221404E7` (Apache POI's Java doubles, Toss),
    /// full-width digits, `25000원`, `₩25,000`. Read as decimal text, never through a binary
    /// double, so `1.0221404E7` is exactly 10,221,404. Commas only between groups of three.
    public static func parse(_ text: String) -> Parsed {
        var s = Normalise.compatible(text).filter { !$0.isWhitespace }
        if s.hasSuffix("원") { s.removeLast() }
        if s.hasPrefix("₩") { s.removeFirst() }
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")") {
            negative = true
            s = String(s.dropFirst().dropLast())
        }
        if s.hasPrefix("-") {
            negative.toggle()
            s.removeFirst()
        } else if s.hasPrefix("+") {
            s.removeFirst()
        }
        var mantissa = Substring(s), exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var ex = s[s.index(after: e)...]
            var expNegative = false
            if ex.hasPrefix("-") {
                expNegative = true
                ex = ex.dropFirst()
            } else if ex.hasPrefix("+") {
                ex = ex.dropFirst()
            }
            guard !ex.isEmpty, ex.count <= 3, ex.allSatisfy(\.isASCIIDigit), let v = Int(ex) else { return .notAnAmount }
            exponent = expNegative ? -v : v
            mantissa = s[..<e]
        }
        var integer = mantissa, fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integer = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        guard !integer.isEmpty || !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit), validGrouping(integer) else { return .notAnAmount }
        var digits = Array(integer.filter { $0 != "," } + fraction)
        let scale = exponent - fraction.count
        if scale >= 0 {
            guard scale < 20 else { return digits.allSatisfy { $0 == "0" } ? .won(0) : .tooLarge }
            digits += Array(repeating: "0", count: scale)
        } else {
            let cut = min(-scale, digits.count)
            guard digits.suffix(cut).allSatisfy({ $0 == "0" }) else { return .notWhole }
            digits.removeLast(cut)
        }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 14 else { return .tooLarge }
        let v = significant.reduce(Won(0)) { $0 * 10 + Won($1.wholeNumberValue ?? 0) }
        guard v <= limit else { return .tooLarge }
        return .won(negative ? -v : v)
    }

    /// Digits with commas only between groups of three (`1,234`; not `1,2` or `30,0,00`).
    static func validGrouping(_ s: Substring) -> Bool {
        guard s.allSatisfy({ $0.isASCIIDigit || $0 == "," }) else { return false }
        guard s.contains(",") else { return true }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// An amount as a person types it: everything `parse` reads, and Korean number words
    /// (`2만원`, `2만 5천원`, `1억`, `3천`). For what people type (init, split, collect), never for
    /// statement cells (a bank writes digits; `3만원` in a cell is a mistake to show).
    public static func parseTyped(_ text: String) -> Parsed {
        let plain = parse(text)
        if case .won = plain { return plain }
        var s = Normalise.compatible(text).filter { !$0.isWhitespace && $0 != "," }
        if s.hasSuffix("원") { s.removeLast() }
        guard !s.isEmpty, s.contains(where: { "억만천백".contains($0) }) else { return plain }
        var total: Won = 0, group: Won = 0, digits: Won? = nil
        func add(_ a: Won, _ b: Won) -> Won? {
            let (r, o) = a.addingReportingOverflow(b)
            return o ? nil : r
        }
        func mul(_ a: Won, _ b: Won) -> Won? {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? nil : r
        }
        for c in s {
            if let d = c.wholeNumberValue, c.isASCII {
                guard let v = mul(digits ?? 0, 10).flatMap({ add($0, Won(d)) }) else { return .tooLarge }
                digits = v
                continue
            }
            let unit: Won
            switch c {
            case "백": unit = 100
            case "천": unit = 1000
            case "만": unit = 10_000
            case "억": unit = 100_000_000
            default: return .notAnAmount
            }
            if unit >= 10_000 {
                // 만 and 억 close everything before them: 2천5백만 is 25,000,000.
                guard let g = add(group, digits ?? (group == 0 ? 1 : 0)), let v = mul(g, unit), let t = add(total, v) else { return .tooLarge }
                total = t
                group = 0
            } else {
                guard let v = mul(digits ?? 1, unit), let g = add(group, v) else { return .tooLarge }
                group = g
            }
            digits = nil
        }
        guard let g = add(group, digits ?? 0), let sum = add(total, g) else { return .tooLarge }
        return sum > limit ? .tooLarge : .won(sum)
    }
}
