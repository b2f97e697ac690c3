/// When the service syncs a group: a cron line (`"schedule": "*/30 * * * *"`, Seoul time) or a
/// fixed interval (`"every": "30m"`). Cron is parsed here: no listed package does it.
public enum SyncSchedule: Sendable, Equatable {
    case cron(Cron)
    case every(seconds: Int64)

    /// `every`: a whole number with s, m, h or d (`90s`, `30m`, `6h`, `1d`); at least a minute.
    public init?(every text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = t.last, let n = Int64(t.dropLast()), n > 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86400
        default: return nil
        }
        guard n <= 366 * 86400 / scale, n * scale >= 60 else { return nil }
        self = .every(seconds: n * scale)
    }

    /// The first run strictly after `after`.
    public func next(after t: SeoulTime) -> SeoulTime {
        switch self {
        case .every(let s): return SeoulTime(epochSeconds: t.epochSeconds + s)
        case .cron(let c): return c.next(after: t)
        }
    }
}

/// Five cron fields (minute hour day-of-month month day-of-week) with `*`, `a-b`, `a,b`, `*/n`
/// and `a-b/n`; day-of-week 0 or 7 is Sunday. When both day fields are restricted, either may
/// match (as in cron).
public struct Cron: Sendable, Equatable {
    public let minutes, hours, days, months, weekdays: Set<Int>
    let anyDay, anyWeekday: Bool

    public init?(_ line: String) {
        let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard f.count == 5,
            let mi = Self.field(f[0], 0...59), let h = Self.field(f[1], 0...23), let d = Self.field(f[2], 1...31),
            let mo = Self.field(f[3], 1...12), let w = Self.field(f[4], 0...7)
        else { return nil }
        minutes = mi
        hours = h
        days = d
        months = mo
        weekdays = Set(w.map { $0 == 7 ? 0 : $0 })
        anyDay = f[2] == "*"
        anyWeekday = f[4] == "*"
    }

    static func field(_ s: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var out = Set<Int>()
        for part in s.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            var step = 1
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n > 0 else { return nil }
                step = n
            }
            let base = pieces[0]
            var lo = range.lowerBound, hi = range.upperBound
            if base != "*" {
                let ends = base.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count <= 2, let a = Int(ends[0]), range.contains(a) else { return nil }
                lo = a
                hi = pieces.count == 2 && ends.count == 1 ? range.upperBound : a
                if ends.count == 2 {
                    guard let b = Int(ends[1]), range.contains(b), b >= a else { return nil }
                    hi = b
                }
            }
            out.formUnion(stride(from: lo, through: hi, by: step))
        }
        return out.isEmpty ? nil : out
    }

    func matches(_ t: SeoulTime) -> Bool {
        minutes.contains(t.minute) && hours.contains(t.hour) && months.contains(t.month) && (anyDay && anyWeekday || matchesDay(t))
    }

    /// The next matching minute after `t`. A line that never matches (31 February) gives up
    /// after four years and answers a year later, so a scheduler never spins.
    public func next(after t: SeoulTime) -> SeoulTime {
        var m = (t.epochSeconds / 60 + 1) * 60
        let limit = m + 4 * 366 * 86400
        while m < limit {
            let c = SeoulTime(epochSeconds: m)
            if !months.contains(c.month) || !(anyDay && anyWeekday) && !matchesDay(c) {
                m = ((m + 9 * 3600) / 86400 + 1) * 86400 - 9 * 3600  // the next midnight in Seoul
                continue
            }
            if !hours.contains(c.hour) {
                m = (m / 3600 + 1) * 3600
                continue
            }
            if minutes.contains(c.minute) { return c }
            m += 60
        }
        return SeoulTime(epochSeconds: t.epochSeconds + 366 * 86400)
    }

    private func matchesDay(_ t: SeoulTime) -> Bool {
        let dayOK = days.contains(t.day), weekdayOK = weekdays.contains(t.weekday % 7)
        if anyDay { return weekdayOK }
        if anyWeekday { return dayOK }
        return dayOK || weekdayOK
    }
}
