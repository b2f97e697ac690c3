/// What money in or out was for, in the words a club's 결산 uses (수입: 회비, 가입비, 참가비, 찬조금,
/// 이자; 지출: 대관료, 식비, 경조사비, 선물, 수수료, 환불). Read from built-in words in the text,
/// the memo, the bank's kind or a decision's label; money no word tells stays `nil` (분류 안 됨),
/// never guessed.
public enum MoneyKind: String, CaseIterable, Sendable, Comparable {
    /// 회비 for the range's own periods, for earlier ones (미수금 회수) and later ones (선납).
    case dues, duesEarlier, duesLater, joining, entry, donation, interest, refund, venue, food, transport, ceremony, gift, fee

    /// The 결산 line's name; money out for a gathering is 행사비, money in for it 참가비.
    public func korean(spending: Bool) -> String { spending && self == .entry ? "행사비" : korean }

    public var korean: String {
        switch self {
        case .dues: "회비"
        case .duesEarlier: "지난 기간 미수금 회수"
        case .duesLater: "선납 회비 (다음 기간 몫)"
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
