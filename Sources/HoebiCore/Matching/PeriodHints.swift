/// Month hints in a depositor text: "3월", "1,2월", "1/2월", "6~8월", "12월1월", "26.3월", "2026.3".
public struct PeriodHints: Sendable, Equatable {
    /// Periods with an explicit year.
    public var explicit: [Period]
    /// Bare months, in the order written; `~`/`-` ranges are already expanded.
    public var months: [Int]

    public var isEmpty: Bool { explicit.isEmpty && months.isEmpty }

    /// Reads hints out of a text. Pure and cheap enough to memoise per distinct text.
    public static func parse(_ text: String) -> PeriodHints {
        let s = Array(Normalise.key(text).unicodeScalars)
        var explicit: [Period] = []
        var months: [Int] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < s.count && (0x30...0x39).contains(s[k].value) }
        func number(at k: inout Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while isDigit(k) && n < 5 { v = v * 10 + Int(s[k].value - 0x30); k += 1; n += 1 }
            return n == 0 ? nil : (v, n)
        }
        func isChar(_ k: Int, _ set: String) -> Bool { k < s.count && set.unicodeScalars.contains(s[k]) }
        let wol: Unicode.Scalar = "월"
        while i < s.count {
            guard isDigit(i), i == 0 || !isDigit(i - 1) else { i += 1; continue }
            var k = i
            let first = number(at: &k)!
            // Year first: 2026.3 / 2026-03 / 2026년3월 / 26.3월
            if isChar(k, ".-/년"), isDigit(k + 1) {
                var k2 = k + 1
                let m = number(at: &k2)!
                let hasWol = k2 < s.count && s[k2] == wol
                let year: Int? = first.digits == 4 && (2000...2099).contains(first.value) ? first.value
                    : (first.digits == 2 && (20...39).contains(first.value) && (hasWol || s[k] == "년")) ? 2000 + first.value : nil
                if let year, m.digits <= 2, let p = Period(year: year, month: m.value) {
                    explicit.append(p)
                    i = hasWol ? k2 + 1 : k2
                    continue
                }
            }
            // A run of months: numbers joined by , / · & + . or 월, with ~ or - for ranges; the last ends in 월.
            var items: [(value: Int, digits: Int, range: Bool)] = [(first.value, first.digits, false)]
            var pos = k
            var wolAfterLast = false
            var runEnd = k
            while true {
                var j = pos
                while j < s.count && s[j] == " " { j += 1 }
                var hadWol = false
                if j < s.count && s[j] == wol { hadWol = true; j += 1; wolAfterLast = true; runEnd = j }
                while j < s.count && s[j] == " " { j += 1 }
                var range = false
                if isChar(j, ",/·&+.~-") { range = isChar(j, "~-"); j += 1; while j < s.count && s[j] == " " { j += 1 } }
                else if !hadWol { break }
                guard isDigit(j), let n = number(at: &j) else { break }
                items.append((n.value, n.digits, range))
                wolAfterLast = false
                pos = j
            }
            guard wolAfterLast else { i = k; continue }
            var run: [Int] = []
            for item in items {
                // "45월" is April and May; "12월" is December.
                var values = [item.value]
                if item.value > 12 && item.digits == 2 && item.value % 10 != 0 { values = [item.value / 10, item.value % 10] }
                for v in values where (1...12).contains(v) {
                    if item.range, let last = run.last {
                        var m = last
                        while m != v && run.count < 24 { m = m % 12 + 1; run.append(m) }
                    } else {
                        run.append(v)
                    }
                }
            }
            months += run
            i = runEnd
        }
        return PeriodHints(explicit: explicit, months: months)
    }

    /// The periods meant, for a deposit made at `time`: each bare month is placed in the year that
    /// puts it nearest the deposit, and each later month in the list after the one before it
    /// (so "12월1월" paid in January is last December and this January).
    public func periods(at time: SeoulTime) -> [Period] {
        var result = explicit
        let here = time.period.index
        var previous: Int?
        for m in months {
            var candidate: Int
            if let p = previous {
                candidate = (p / 12) * 12 + (m - 1)
                while candidate <= p { candidate += 12 }
            } else {
                let sameYear = time.year * 12 + (m - 1)
                candidate = [sameYear - 12, sameYear, sameYear + 12].min { abs($0 - here) < abs($1 - here) || (abs($0 - here) == abs($1 - here) && $0 < $1) }!
            }
            result.append(Period(index: candidate))
            previous = candidate
        }
        var seen = Set<Period>()
        return result.filter { seen.insert($0).inserted }
    }
}
