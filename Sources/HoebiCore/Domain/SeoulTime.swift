/// A wall-clock date-time in Asia/Seoul. Korea has kept UTC+9 without daylight saving since 1988,
/// so the calendar fields are the whole truth and no time-zone database is needed to compare them.
public struct SeoulTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year, month, day, hour, minute, second: Int

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...SeoulTime.daysIn(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var period: Period { Period(year: year, month: month)! }

    /// Seconds since 1970-01-01T00:00:00Z (days-from-civil arithmetic, proleptic Gregorian).
    public var epochSeconds: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + Int64(hour * 3600 + minute * 60 + second) - 9 * 3600
    }

    /// For the clock and for arithmetic on times already valid: outside 1900…2999 it clamps to
    /// the nearest end instead of trapping. Anything derived from input uses `init?(checkedEpochSeconds:)`.
    public init(epochSeconds: Int64) {
        if let t = SeoulTime(checkedEpochSeconds: epochSeconds) {
            self = t
            return
        }
        self = epochSeconds < 0 ? SeoulTime(year: 1900, month: 1, day: 1)! : SeoulTime(year: 2999, month: 12, day: 31, hour: 23, minute: 59, second: 59)!
    }

    /// nil outside the years 1900…2999 (and for epochs so large the arithmetic would overflow).
    public init?(checkedEpochSeconds epochSeconds: Int64) {
        guard abs(epochSeconds) < 1 << 40 else { return nil }
        let local = epochSeconds + 9 * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = Int(local - days * 86400)
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = Int(yoe + era * 400) + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d, hour: secs / 3600, minute: secs % 3600 / 60, second: secs % 60)
    }

    /// Day of week, 0 = Sunday.
    public var weekday: Int {
        let days = (epochSeconds + 9 * 3600) / 86400
        return Int(((days % 7) + 7 + 4) % 7)
    }

    /// "2026-01-05T10:00:00+09:00": sorts as text, and is what the JSON report carries.
    public var iso8601: String {
        // Byte-built: this runs for every stored row, and interpolation costs ten times as much.
        let y = year
        let bytes: [UInt8] = [
            UInt8(48 + y / 1000), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10), 45,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10), 84,
            UInt8(48 + hour / 10), UInt8(48 + hour % 10), 58, UInt8(48 + minute / 10), UInt8(48 + minute % 10), 58,
            UInt8(48 + second / 10), UInt8(48 + second % 10), 43, 48, 57, 58, 48, 48
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso8601 }

    public static func < (a: SeoulTime, b: SeoulTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }
}
