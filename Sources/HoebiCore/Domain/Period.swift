/// How often dues fall due. A period is always a whole number of calendar months starting on a
/// boundary of its cycle, so every cycle shares one month arithmetic.
public enum Cycle: String, Sendable, CaseIterable, Codable {
    case monthly, quarterly
    case halfYearly = "half-yearly"
    case yearly

    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .halfYearly: 6
        case .yearly: 12
        }
    }
    public var perYear: Int { 12 / months }

    /// The config spellings: English, or the Korean a treasurer would write (월/분기/반기/연).
    public init?(config text: String) {
        switch text.lowercased() {
        case "monthly", "month", "월", "월납", "매월": self = .monthly
        case "quarterly", "quarter", "분기", "분기납": self = .quarterly
        case "half-yearly", "halfyearly", "semiannual", "반기", "반기납": self = .halfYearly
        case "yearly", "annual", "annually", "연", "연납", "연회비", "매년": self = .yearly
        default: return nil
        }
    }

    /// How many periods a report shows by default: about a year, at least a few columns.
    public var reportSpan: Int {
        switch self {
        case .monthly: 12
        case .quarterly: 8
        case .halfYearly: 4
        case .yearly: 3
        }
    }

    /// Korean name used in reports: 월 / 분기 / 반기 / 연.
    public var korean: String {
        switch self {
        case .monthly: "월"
        case .quarterly: "분기"
        case .halfYearly: "반기"
        case .yearly: "연"
        }
    }
}

/// One dues period: a month ("2026-03"), a quarter ("2026-Q1"), a half-year ("2026-H1") or a
/// year ("2026").
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let cycle: Cycle
    public let year: Int
    /// 1-based position within the year: the month, quarter or half; 1 for a year.
    public let number: Int

    public init?(cycle: Cycle = .monthly, year: Int, number: Int) {
        guard (1900...2999).contains(year), (1...cycle.perYear).contains(number) else { return nil }
        self.cycle = cycle
        self.year = year
        self.number = number
    }

    public init?(year: Int, month: Int) { self.init(cycle: .monthly, year: year, number: month) }

    /// Parses exactly "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY" (the forms used in config, flags
    /// and reports).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let y = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(cycle: .yearly, year: y, number: 1)
            return
        }
        guard parts.count == 2, parts[1].count == 2, let first = parts[1].first else { return nil }
        let tail = parts[1], rest = tail.dropFirst()
        guard rest.allSatisfy(\.isASCIIDigit), let n = Int(rest) else { return nil }
        switch first {
        case "Q", "q": self.init(cycle: .quarterly, year: y, number: n)
        case "H", "h": self.init(cycle: .halfYearly, year: y, number: n)
        default:
            guard tail.allSatisfy(\.isASCIIDigit), let m = Int(tail) else { return nil }
            self.init(cycle: .monthly, year: y, number: m)
        }
    }

    /// The first month of the period (the month itself for a monthly one).
    public var month: Int { (number - 1) * cycle.months + 1 }

    /// Months since year 0 of the first and last month: compares periods of any cycle.
    public var startMonth: Int { year * 12 + (number - 1) * cycle.months }
    public var endMonth: Int { startMonth + cycle.months - 1 }

    /// Position among periods of its own cycle: period arithmetic is plain integer arithmetic.
    public var index: Int { year * cycle.perYear + (number - 1) }
    public init(cycle: Cycle = .monthly, index: Int) {
        self.cycle = cycle
        year = index / cycle.perYear
        number = index % cycle.perYear + 1
    }

    /// The period of `cycle` holding the month `monthIndex` (months since year 0).
    public init(cycle: Cycle, containingMonth monthIndex: Int) {
        self.init(cycle: cycle, index: monthIndex / cycle.months)
    }

    public func advanced(by n: Int) -> Period { Period(cycle: cycle, index: index + n) }
    public var next: Period { advanced(by: 1) }

    /// The period of `cycle` that holds this period's first month.
    public func within(_ c: Cycle) -> Period { c == cycle ? self : Period(cycle: c, containingMonth: startMonth) }

    /// The periods of `c` overlapping this one: the 12 months of a year, the quarter holding a month.
    public func periods(in c: Cycle) -> [Period] {
        if c == cycle { return [self] }
        return Period.range(Period(cycle: c, containingMonth: startMonth), Period(cycle: c, containingMonth: endMonth))
    }

    public func overlaps(_ o: Period) -> Bool { startMonth <= o.endMonth && o.startMonth <= endMonth }
    public func contains(month m: Int) -> Bool { (startMonth...endMonth).contains(m) }

    public var description: String {
        switch cycle {
        case .monthly: return "\(year)-" + (number < 10 ? "0" : "") + "\(number)"
        case .quarterly: return "\(year)-Q\(number)"
        case .halfYearly: return "\(year)-H\(number)"
        case .yearly: return "\(year)"
        }
    }

    /// Korean, as a treasurer writes it: 2026년 3월, 2026년 1분기, 2026년 상반기, 2026년.
    public var label: String {
        switch cycle {
        case .monthly: return "\(year)년 \(number)월"
        case .quarterly: return "\(year)년 \(number)분기"
        case .halfYearly: return "\(year)년 " + (number == 1 ? "상반기" : "하반기")
        case .yearly: return "\(year)년"
        }
    }

    /// A short column heading: 26.03, 26.Q1, 26.H1, 2026.
    public var shortLabel: String {
        let yy = (year % 100 < 10 ? "0" : "") + "\(year % 100)"
        switch cycle {
        case .monthly: return yy + "." + (number < 10 ? "0" : "") + "\(number)"
        case .quarterly: return yy + ".Q\(number)"
        case .halfYearly: return yy + ".H\(number)"
        case .yearly: return "\(year)"
        }
    }

    /// Periods from `from` to `to`, both included, in `from`'s cycle.
    public static func range(_ from: Period, _ to: Period) -> [Period] {
        let last = to.within(from.cycle)
        guard from.index <= last.index else { return [] }
        return (from.index...last.index).map { Period(cycle: from.cycle, index: $0) }
    }

    /// Earlier start first; of two starting together, the shorter first.
    public static func < (a: Period, b: Period) -> Bool {
        (a.startMonth, a.cycle.months) < (b.startMonth, b.cycle.months)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not a period; write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Period {
    /// A piece of a typed list that is not a period.
    public struct NotAPeriod: Error, Equatable {
        public var text: String
    }

    /// Periods as one field or option holds them (`2026-03,2026-04`, `2026-Q1+2026-Q2`,
    /// `2026-03 2026-04`), for the command line and the dashboard alike; the first piece that is
    /// not a period otherwise. Nothing given is no periods.
    public static func list(_ text: String?) -> Result<[Period], NotAPeriod> {
        var out: [Period] = []
        for piece in (text ?? "").split(whereSeparator: { $0 == "," || $0 == "+" || $0.isWhitespace }) {
            guard let p = Period(String(piece)) else { return .failure(NotAPeriod(text: String(piece))) }
            out.append(p)
        }
        return .success(out)
    }
}
