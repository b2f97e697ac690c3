extension SeoulTime {
    /// Parses the date-time spellings statements and APIs use: `2026.01.05 10:00:00`,
    /// `2026-01-05 10:00`, `2026/1/5`, `20260105`, `20260105100000`, `2026-01-05T10:00:00+09:00`,
    /// and `2026.01.05` with the time from a second column (`time`: `10:00:00`, `100000`).
    /// An explicit UTC offset other than +09:00 is converted to Seoul time.
    public init?(parsing text: String, time: String? = nil) {
        if time == nil, let fast = SeoulTime(fixedWidth: text) {
            self = fast
            return
        }
        var groups: [(value: Int, digits: Int)] = []
        var offsetSeconds: Int?
        var cur = 0, n = 0
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func flush() {
            if n > 0 {
                groups.append((cur, n))
                cur = 0
                n = 0
            }
        }
        while i < scalars.count {
            let v = scalars[i].value
            if (0x30...0x39).contains(v) {
                cur = cur * 10 + Int(v - 0x30)
                n += 1
                if n > 14 { return nil }
            } else {
                flush()
                let c = scalars[i]
                // A zone suffix only after a time (at least 4 groups: y m d h).
                if groups.count >= 4 && (c == "+" || (c == "-" && groups.count >= 5)) {
                    let rest = String(String.UnicodeScalarView(scalars[(i + 1)...])).filter(\.isASCIIDigit)
                    guard rest.count == 4 || rest.count == 2, let hh = Int(rest.prefix(2)), let mm = rest.count == 4 ? Int(rest.suffix(2)) : 0 else {
                        return nil
                    }
                    offsetSeconds = (c == "+" ? 1 : -1) * (hh * 3600 + mm * 60)
                    break
                }
                if c == "Z" && groups.count >= 4 {
                    offsetSeconds = 0
                    break
                }
            }
            i += 1
        }
        flush()
        if let time {
            let t = time.split(whereSeparator: { !$0.isASCIIDigit }).map(String.init)
            if t.count == 1, t[0].count == 6 || t[0].count == 4 {
                let s = t[0]
                groups += stride(from: 0, to: s.count, by: 2).map { k in
                    (Int(s.dropFirst(k).prefix(2)) ?? 0, 2)
                }
            } else {
                for part in t {
                    guard let v = Int(part) else { return nil }
                    groups.append((v, part.count))
                }
            }
        }
        var f: [Int] = []
        if let first = groups.first, first.digits == 8 || first.digits == 12 || first.digits == 14 {
            let s =
                String(first.value).count < first.digits
                ? String(repeating: "0", count: first.digits - String(first.value).count) + String(first.value) : String(first.value)
            f = stride(from: 0, to: s.count, by: 2).map { Int(s.dropFirst($0).prefix(2))! }
            f = [f[0] * 100 + f[1]] + Array(f[2...])
            f += groups.dropFirst().flatMap { g -> [Int] in
                g.digits == 6 || g.digits == 4
                    ? stride(from: 0, to: g.digits, by: 2).map { k in (g.value / Int(pow10(g.digits - k - 2))) % 100 }
                    : [g.value]
            }
        } else {
            guard groups.count >= 3, groups[0].digits == 4 else { return nil }
            f = groups.map(\.value)
        }
        guard f.count >= 3, f.count <= 7 else { return nil }
        let sec = f.count > 5 ? f[5] : 0
        guard
            let local = SeoulTime(
                year: f[0], month: f[1], day: f[2], hour: f.count > 3 ? f[3] : 0,
                minute: f.count > 4 ? f[4] : 0, second: sec)
        else { return nil }
        if let off = offsetSeconds, off != 9 * 3600 {
            guard let shifted = SeoulTime(checkedEpochSeconds: local.epochSeconds + Int64(9 * 3600 - off)) else { return nil }
            self = shifted
        } else {
            self = local
        }
    }

    public init?(iso8601 text: String) { self.init(parsing: text) }

    /// The common spellings in one pass over the bytes: `YYYY-MM-DD HH:MM:SS` with `-`, `.` or `/`
    /// between date parts, a space or `T` before the time, optionally `+09:00` after it, and the
    /// same without seconds or without a time.
    init?(fixedWidth text: String) {
        let u = text.utf8
        let n = u.count
        guard n == 10 || n == 16 || n == 19 || n == 25 else { return nil }
        if n == 25 && !text.hasSuffix("+09:00") { return nil }
        var ok = true
        let (y, mo, d, h, mi, s): (Int, Int, Int, Int, Int, Int) =
            u.withContiguousStorageIfAvailable { b -> (Int, Int, Int, Int, Int, Int) in
                func num(_ i: Int, _ len: Int) -> Int {
                    var v = 0
                    for k in i..<(i + len) {
                        let c = b[k]
                        if c < 48 || c > 57 {
                            ok = false
                            return 0
                        }
                        v = v * 10 + Int(c - 48)
                    }
                    return v
                }
                let sep = b[4]
                if !(sep == 45 || sep == 46 || sep == 47) || b[7] != sep { ok = false }
                if n >= 16 && ((b[10] != 32 && b[10] != 84) || b[13] != 58) { ok = false }
                if n >= 19 && b[16] != 58 { ok = false }
                return (num(0, 4), num(5, 2), num(8, 2), n >= 16 ? num(11, 2) : 0, n >= 16 ? num(14, 2) : 0, n >= 19 ? num(17, 2) : 0)
            } ?? (0, 0, 0, 0, 0, 0)
        guard ok, y > 0 else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    /// An Excel date serial (days since 1899-12-30, fraction = time of day), rounded to the second:
    /// 45718.3854166 is 09:15:00, not 09:14:59.999. Only 1990…2099 is taken for a date: a number
    /// outside it in a date column (`202605`, a cut `2026051`) is not a date, whatever Excel says.
    public static let plausibleSerials = 32874.0..<73051.0

    public init?(excelSerial value: Double) {
        guard Self.plausibleSerials.contains(value) else { return nil }
        let seconds = Int64((value * 86400).rounded())
        // 1899-12-30T00:00 Seoul wall time as epoch, plus the serial's seconds.
        let base = SeoulTime(year: 1900, month: 1, day: 1)!.epochSeconds - 2 * 86400
        self.init(checkedEpochSeconds: base + seconds)
    }
}

extension Character {
    /// 0-9 only: `isNumber` also admits full-width and other scripts' digits, which `Int()` refuses.
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

private func pow10(_ n: Int) -> Int { (0..<max(0, n)).reduce(1) { acc, _ in acc * 10 } }
