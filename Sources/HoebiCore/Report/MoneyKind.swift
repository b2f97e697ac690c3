/// What money in or out was for, in the words a club's 결산 uses (수입: 회비, 가입비, 참가비, 찬조금,
/// 이자; 지출: 대관료, 식비, 경조사비, 선물, 수수료, 환불). Read from built-in words in the text,
/// the memo, the bank's kind or a decision's label; money no word tells stays `nil` (분류 안 됨),
/// never guessed.
public enum MoneyKind: String, CaseIterable, Sendable, Comparable {
    case dues, joining, entry, donation, interest, refund, venue, food, transport, ceremony, gift, fee

    /// The 결산 line's name; money out for a gathering is 행사비, money in for it 참가비.
    public func korean(spending: Bool) -> String { spending && self == .entry ? "행사비" : korean }

    public var korean: String {
        switch self {
        case .dues: "회비"
        case .joining: "가입비"
        case .entry: "참가비"
        case .donation: "찬조금"
        case .interest: "이자"
        case .refund: "환불"
        case .venue: "대관료"
        case .food: "식비"
        case .transport: "교통비"
        case .ceremony: "경조사비"
        case .gift: "선물"
        case .fee: "수수료"
        }
    }

    /// Words that name each kind; the first kind whose word is in the text wins, in this order
    /// (a 경조사 화환 is 경조사비, not 선물).
    static let words: [(MoneyKind, [String])] = [
        (.interest, ["이자", "결산이자"]),
        (.refund, ["환불", "반환", "돌려준"]),
        (.fee, ["수수료"]),
        (.joining, ["가입비", "입회비"]),
        (.entry, ["참가비", "참석비", "회식비", "뒷풀이", "뒤풀이", "모임비"]),
        (.donation, ["찬조", "후원", "기부"]),
        (.ceremony, ["경조", "조의", "부의", "축의", "근조", "화환", "조화"]),
        (.venue, ["대관", "장소", "대여", "룸"]),
        (.food, ["식비", "식당", "회식", "치킨", "피자", "커피", "카페", "스타벅스", "음식", "배달", "도시락"]),
        (.transport, ["버스", "대절", "택시", "주유", "기차", "톨게이트", "주차"]),
        (.gift, ["선물", "상품권", "기념품", "꽃다발"])
    ]

    /// The kind the words say, or nil. Money out reads the goods first: 회식비 paid out is 식비,
    /// while 회식비 paid in is a member's share of it (참가비).
    public static func of(spending: Bool = false, _ texts: String...) -> MoneyKind? {
        let letters = texts.map(Normalise.letters)
        let order =
            spending ? words.filter { [.venue, .food, .transport].contains($0.0) } + words.filter { ![.venue, .food, .transport].contains($0.0) } : words
        for (kind, ws) in order where ws.contains(where: { w in letters.contains { $0.contains(w) } }) { return kind }
        return nil
    }

    public static func < (a: MoneyKind, b: MoneyKind) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// A club's year-end statement (결산) over a report's months: 이월금 (the opening balance), income
/// and spending by kind, 차기 이월금 (the closing balance) beside the bank's own.
public struct Closing: Sendable, Equatable {
    public struct Side: Sendable, Equatable {
        public var total: Won
        /// Kind → sum; money no word tells is under nil (분류 안 됨).
        public var kinds: [MoneyKind?: Won]
    }

    public var from: Period
    public var to: Period
    public var opening: Won?
    public var income: Side
    public var spending: Side
    public var bankBalance: Won?
    /// Deposits still in review: money in that is neither dues nor anything else yet.
    public var checking: Won
    public var closing: Won? { opening.flatMap { Money.add($0, income.total) }.flatMap { Money.subtract($0, spending.total) } }

    /// Income: dues are the money in that is neither other income nor still in review; other
    /// income by the kind its label or text names. Spending by the kind its text or memo names.
    public init(report r: Report) {
        let m = r.money
        let first = r.periods.first, last = r.periods.last
        from = first ?? Period(index: 0)
        to = last ?? from
        opening = m.opening
        bankBalance = m.bankBalance
        let start = first?.startMonth ?? 0, end = last?.endMonth ?? -1
        let inWindow = r.review.filter { (start...max(start, end)).contains($0.time.period.startMonth) && !m.isCancelled($0.id) }
        checking = inWindow.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }
        var income: [MoneyKind?: Won] = [:]
        for d in m.otherIncome {
            let k = MoneyKind.of(Messages.show(d.reason ?? "", in: .ko), d.text, d.memo, d.kind)
            income[k] = Money.saturatingAdd(income[k] ?? 0, d.amount)
        }
        let other = income.values.reduce(Won(0)) { Money.saturatingAdd($0, $1) }
        let dues = max(0, m.income - other - checking)
        if dues > 0 { income[.dues] = dues }
        self.income = Side(total: m.income, kinds: income)
        var spending: [MoneyKind?: Won] = [:]
        for w in m.withdrawals where !m.isCancelled(w.id) {
            guard let k = MoneyKind.of(spending: true, w.text, w.memo, w.kind) else { continue }
            spending[k] = Money.saturatingAdd(spending[k] ?? 0, w.amount)
        }
        // What no word tells is the rest of the total, so the kinds always add up to it (also past
        // the rows the store lists).
        let named = spending.values.reduce(Won(0)) { Money.saturatingAdd($0, $1) }
        if m.spending > named { spending[nil] = m.spending - named }
        self.spending = Side(total: m.spending, kinds: spending)
    }
}
