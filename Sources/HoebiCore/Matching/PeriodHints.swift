/// Period hints in a depositor text. Months: "3월", "1,2월", "1/2월", "6~8월", "12월1월", "26.3월",
/// "2026.3". Longer periods: "1분기", "1/4분기", "2026년 3분기", "상반기", "26년 하반기",
/// "26년 연회비", "2026년회비", "2026년도 회비".
public struct PeriodHints: Sendable, Equatable {
    /// Periods with an explicit year (of any cycle).
    public var explicit: [Period]
    /// Bare months, in the order written; `~`/`-` ranges are already expanded.
    public var months: [Int]
    /// Bare quarters and halves ("1분기", "하반기"), placed in the year nearest the deposit.
    public var bare: [Bare] = []

    public struct Bare: Sendable, Equatable {
        public var cycle: Cycle
        public var number: Int
    }

    public var isEmpty: Bool { explicit.isEmpty && months.isEmpty && bare.isEmpty }

    public init(explicit: [Period], months: [Int], bare: [Bare] = []) {
        self.explicit = explicit
        self.months = months
        self.bare = bare
    }

    /// Reads hints out of a text. Pure and cheap enough to memoise per distinct text.
    public static func parse(_ text: String) -> PeriodHints {
        var s = Array(Normalise.key(text).unicodeScalars)
        var explicit: [Period] = []
        var bare: [Bare] = []
        // Quarters, halves and years first; what they use is blanked so "2026년1분기" is not read
        // as January 2026 by the month scan below.
        if s.contains(where: { $0 == "분" || $0 == "반" || $0 == "회" }) {
            for hint in longHints(&s) {
                switch hint {
                case .explicit(let p): explicit.append(p)
                case .bare(let b): bare.append(b)
                }
            }
        }
        var months: [Int] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < s.count && (0x30...0x39).contains(s[k].value) }
        func number(at k: inout Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while isDigit(k) && n < 5 {
                v = v * 10 + Int(s[k].value - 0x30)
                k += 1
                n += 1
            }
            return n == 0 ? nil : (v, n)
        }
        func isChar(_ k: Int, _ set: String) -> Bool { k < s.count && set.unicodeScalars.contains(s[k]) }
        let wol: Unicode.Scalar = "월"
        while i < s.count {
            guard isDigit(i), i == 0 || !isDigit(i - 1) else {
                i += 1
                continue
            }
            var k = i
            let first = number(at: &k)!
            // Year first: 2026.3 / 2026-03 / 2026년3월 / 26.3월
            if isChar(k, ".-/년"), isDigit(k + 1) {
                var k2 = k + 1
                let m = number(at: &k2)!
                let hasWol = k2 < s.count && s[k2] == wol
                let year: Int? =
                    first.digits == 4 && (2000...2099).contains(first.value)
                    ? first.value
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
                if j < s.count && s[j] == wol {
                    hadWol = true
                    j += 1
                    wolAfterLast = true
                    runEnd = j
                }
                while j < s.count && s[j] == " " { j += 1 }
                var range = false
                if isChar(j, ",/·&+.~-") {
                    range = isChar(j, "~-")
                    j += 1
                    while j < s.count && s[j] == " " { j += 1 }
                } else if !hadWol {
                    break
                }
                guard isDigit(j), let n = number(at: &j) else { break }
                items.append((n.value, n.digits, range))
                wolAfterLast = false
                pos = j
            }
            guard wolAfterLast else {
                i = k
                continue
            }
            var run: [Int] = []
            for item in items {
                // "45월" is April and May; "12월" is December.
                var values = [item.value]
                if item.value > 12 && item.digits == 2 && item.value % 10 != 0 { values = [item.value / 10, item.value % 10] }
                for v in values where (1...12).contains(v) {
                    if item.range, let last = run.last {
                        var m = last
                        while m != v && run.count < 24 {
                            m = m % 12 + 1
                            run.append(m)
                        }
                    } else {
                        run.append(v)
                    }
                }
            }
            months += run
            i = runEnd
        }
        return PeriodHints(explicit: explicit, months: months, bare: bare)
    }

    enum LongHint {
        case explicit(Period)
        case bare(Bare)
    }

    /// Finds 분기 / 상반기 / 하반기 / (연)회비 with the number and year written before them, and
    /// blanks what it used.
    static func longHints(_ s: inout [Unicode.Scalar]) -> [LongHint] {
        func at(_ k: Int, _ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return k >= 0 && k + w.count <= s.count && s[k..<(k + w.count)].elementsEqual(w)
        }
        func digit(_ k: Int) -> Int? { k >= 0 && k < s.count && (0x30...0x39).contains(s[k].value) ? Int(s[k].value - 0x30) : nil }
        /// A year ending just before `end` ("2026", "2026년", "26년", "2026년도", "2026."): the year and where it starts.
        func year(before end: Int) -> (Int, Int)? {
            var k = end
            var hadNyeon = false
            if at(k - 2, "년도") {
                k -= 2
                hadNyeon = true
            } else if at(k - 1, "년") {
                k -= 1
                hadNyeon = true
            } else if k > 0, s[k - 1] == "." || s[k - 1] == "-" {
                k -= 1
            }
            var v = 0, n = 0, mul = 1
            while let d = digit(k - 1), n < 4 {
                v += d * mul
                mul *= 10
                n += 1
                k -= 1
            }
            if digit(k - 1) != nil { return nil }
            if n == 4, (2000...2099).contains(v) { return (v, k) }
            if n == 2, hadNyeon, (20...39).contains(v) { return (2000 + v, k) }
            return nil
        }
        var out: [LongHint] = []
        func emit(_ c: Cycle, _ number: Int, from start: Int, to end: Int) {
            // A year written right before wins; else the nearest year is chosen later.
            if let (y, ys) = year(before: start), let p = Period(cycle: c, year: y, number: number) {
                out.append(.explicit(p))
                blank(ys, end)
            } else {
                out.append(.bare(Bare(cycle: c, number: number)))
                blank(start, end)
            }
        }
        func blank(_ a: Int, _ b: Int) { for k in a..<b { s[k] = "|" } }
        var i = 0
        while i < s.count {
            if at(i, "분기"), let n = digit(i - 1), digit(i - 2) == nil || (at(i - 2, "/") && digit(i - 3) != nil) {
                // "1/4분기" is the first quarter; "1분기" too.
                if at(i - 2, "/"), n == 4, let q = digit(i - 3), digit(i - 4) == nil, (1...4).contains(q) {
                    emit(.quarterly, q, from: i - 3, to: i + 2)
                } else if (1...4).contains(n), !at(i - 2, "/") {
                    emit(.quarterly, n, from: i - 1, to: i + 2)
                }
                i += 2
                continue
            }
            if at(i, "상반기") || at(i, "하반기") {
                emit(.halfYearly, at(i, "상반기") ? 1 : 2, from: i, to: i + 3)
                i += 3
                continue
            }
            if at(i, "회비") {
                let start = at(i - 1, "연") ? i - 1 : i
                if let (y, ys) = year(before: start), let p = Period(cycle: .yearly, year: y, number: 1) {
                    out.append(.explicit(p))
                    blank(ys, i + 2)
                }
                i += 2
                continue
            }
            i += 1
        }
        return out
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
        for b in bare {
            let candidates = [time.year - 1, time.year, time.year + 1].compactMap { Period(cycle: b.cycle, year: $0, number: b.number) }
            let distance = { (p: Period) in p.contains(month: here) ? 0 : min(abs(p.startMonth - here), abs(p.endMonth - here)) }
            // Equally near on both sides ("3분기" paid in February): the deposit's own year.
            let rank = { (p: Period) in (distance(p), p.year == time.year ? 0 : 1) }
            if let best = candidates.min(by: { rank($0) < rank($1) }) { result.append(best) }
        }
        var seen = Set<Period>()
        return result.filter { seen.insert($0).inserted }
    }
}
