import HoebiCore

/// The sandbox's account history: deterministic for a seed, several years of a club's account with
/// realistic depositor texts (memos, given names, month lists, a typo now and then, interest,
/// event money, withdrawals).
public struct SandboxHistory: Sendable {
    public struct Row: Sendable, Equatable {
        public var time: SeoulTime
        public var signed: Won
        public var balance: Won
        public var text: String
        public var kind: String
        /// YYYYMMDD, computed once: every API call selects rows by day.
        public var day: String
    }

    public let rows: [Row]
    public let members: [(id: String, name: String)]
    public static let dues: Won = 30000
    public static let first = Period(year: 2023, month: 1)!
    public static let last = Period(year: 2026, month: 10)!

    /// SplitMix64: small, fast and the same on every machine.

    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"]
    static let given = [
        "민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "주원", "지민", "예준", "수아", "건우", "지아",
        "현우", "다은", "우진", "채원", "선우", "유나", "연우", "소율", "정우", "윤서", "승현", "예린", "태윤", "가은"
    ]

    public init(seed: UInt64 = 1, memberCount: Int = 48) {
        var random = SeededRandom(seed: seed)
        var names: [(String, String)] = []
        var used = Set<String>()
        while names.count < memberCount {
            let name = Self.surnames[random.below(Self.surnames.count)] + Self.given[random.below(Self.given.count)]
            if used.insert(name).inserted { names.append(("m\(names.count + 1)", name)) }
        }
        members = names
        var entries: [(SeoulTime, Won, String, String)] = []
        for p in Period.range(Self.first, Self.last) {
            for (i, m) in names.enumerated() {
                let habit = (i * 7 + Int(seed % 5)) % 10
                if habit == 9 && p.month % 3 != 0 { continue }  // pays quarterly, three months at once
                let amount = habit == 9 ? Self.dues * 3 : Self.dues
                let day = 1 + (i * 3 + p.month) % 25, hour = 8 + random.below(14), minute = random.below(60), second = random.below(60)
                let given = String(m.1.dropFirst())
                var text: String
                switch random.below(20) {
                case 0..<8: text = m.1
                case 8..<12: text = m.1 + "\(p.month)월회비"
                case 12..<14: text = "\(p.year % 100).\(p.month)월" + m.1
                case 14..<16: text = m.1 + "(\(p.month)월)"
                case 16: text = given
                case 17: text = "토스 " + m.1
                case 18: text = String(m.1.dropLast()) + "ㅇ"  // a slip of the thumb
                default: text = m.1 + " 회비"
                }
                if habit == 9 { text = m.1 + " \(p.month - 2)~\(p.month)월" }
                entries.append((SeoulTime(year: p.year, month: p.month, day: day, hour: hour, minute: minute, second: second)!, amount, text, "일반입금"))
            }
            // Interest at the end of each quarter; a dinner and a hut booking now and then.
            if p.month % 3 == 0 {
                entries.append(
                    (
                        SeoulTime(year: p.year, month: p.month, day: SeoulTime.daysIn(year: p.year, month: p.month), hour: 3)!,
                        Won(200 + random.below(2000)), "결산이자", "예금이자"
                    ))
            }
            if random.below(3) == 0 {
                entries.append(
                    (
                        SeoulTime(year: p.year, month: p.month, day: 27, hour: 21, minute: random.below(60))!,
                        -Won(100_000 + random.below(40) * 10_000), ["회식비", "북한산대피소", "버스대절", "등산용품"][random.below(4)], "일반이체"
                    ))
            }
            if p.month == 12 {
                let d = SeoulTime(year: p.year, month: 12, day: 20, hour: 19)!
                entries.append((d, 20000, "송년회 뒷풀이", "일반입금"))
                entries.append((d, 20000, "송년회 뒷풀이", "일반입금"))  // two identical rows, both real
            }
        }
        entries.sort { $0.0 < $1.0 }
        var balance: Won = 0
        rows = entries.map { e in
            balance += e.1
            return Row(
                time: e.0, signed: e.1, balance: balance, text: e.2, kind: e.3,
                day: String(e.0.iso8601.prefix(10)).replacingOccurrences(of: "-", with: ""))
        }
    }

    /// Rows whose date lies in [from, to] (YYYYMMDD, inclusive).
    public func rows(from: String, to: String) -> [Row] {
        // Rows are in time order: find both ends by binary search.
        func firstIndex(notBefore day: String) -> Int {
            var lo = 0, hi = rows.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if rows[mid].day < day { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let start = firstIndex(notBefore: from)
        var end = start
        while end < rows.count && rows[end].day <= to { end += 1 }
        return Array(rows[start..<end])
    }
}
