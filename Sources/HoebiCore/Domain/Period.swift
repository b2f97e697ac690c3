/// One dues period. Hoebi's cycle is monthly, so a period is a calendar month ("2026-03").
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses "YYYY-MM" exactly (the form used in config, flags and reports).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// Months since year 0: makes period arithmetic plain integer arithmetic.
    public var index: Int { year * 12 + (month - 1) }
    public init(index: Int) {
        year = index / 12
        month = index % 12 + 1
    }

    public func advanced(by months: Int) -> Period { Period(index: index + months) }
    public var next: Period { advanced(by: 1) }
    public var description: String { year.description + "-" + (month < 10 ? "0" : "") + month.description }

    /// Periods from `from` to `to`, both included.
    public static func range(_ from: Period, _ to: Period) -> [Period] {
        guard from <= to else { return [] }
        return (from.index...to.index).map(Period.init(index:))
    }

    public static func < (a: Period, b: Period) -> Bool { a.index < b.index }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a period; write it as YYYY-MM, e.g. 2026-03"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
