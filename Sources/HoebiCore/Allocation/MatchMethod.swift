/// How a deposit was found to be a member's money: the treasurer's decision, the name matcher's
/// way of reading the text, the name together with a member's own amount, or one transfer shared
/// by several named members; with `monthHint` when the text's months chose the periods. The
/// store keeps it as text (`stored`: "name", "name+month-hint", "shared with kim", …).
public struct MatchMethod: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
        case manual
        case matcher(NameMatcher.Method)
        /// Same-name members told apart by one's own amount.
        case nameAndAmount
        /// Several members named in one deposit; the first named is the outcome's member.
        case shared(with: [String])
        /// A treasurer's collective payment (일괄 납부) or split of one deposit.
        case collective, split
    }

    public var basis: Basis
    public var monthHint: Bool

    public init(_ basis: Basis, monthHint: Bool = false) {
        self.basis = basis
        self.monthHint = monthHint
    }

    public static let manual = MatchMethod(.manual)
    public static let name = MatchMethod(.matcher(.name))
    public static let givenName = MatchMethod(.matcher(.givenName))
    public static let learned = MatchMethod(.matcher(.learned))
    public static let truncated = MatchMethod(.matcher(.truncated))
    public static let nameAndAmount = MatchMethod(.nameAndAmount)

    /// The same basis, with the periods chosen by the text's months.
    public var withMonthHint: MatchMethod { MatchMethod(basis, monthHint: true) }

    static let hintSuffix = "+month-hint", sharedPrefix = "shared with "

    /// The column text (unchanged from when methods were strings).
    public var stored: String {
        let base: String
        switch basis {
        case .manual: base = "manual"
        case .matcher(let m): base = m.rawValue
        case .nameAndAmount: base = "name+amount"
        case .shared(let others): base = Self.sharedPrefix + others.joined(separator: ", ")
        case .collective: base = "collective"
        case .split: base = "split"
        }
        return monthHint ? base + Self.hintSuffix : base
    }

    /// How it was found, in the reader's language: for a treasurer in Korean "이름", "배운 규칙",
    /// "일괄 납부" …; in English the stored code, as the English output always showed it.
    public func shown(_ names: [String: String] = [:], in lang: Language? = nil) -> String {
        let l = lang ?? Messages.language
        guard l == .ko else { return stored }
        let base: String
        switch basis {
        case .manual: base = Messages.t("method.manual", in: l)
        case .matcher(let m): base = Messages.t("method." + m.rawValue, in: l)
        case .nameAndAmount: base = Messages.t("method.nameAndAmount", in: l)
        case .shared(let others): base = Messages.t("method.shared", in: l, arguments: [others.map { names[$0] ?? $0 }.joined(separator: ", ")])
        case .collective: base = Messages.t("method.collective", in: l)
        case .split: base = Messages.t("method.split", in: l)
        }
        return monthHint ? base + Messages.t("method.monthHint", in: l) : base
    }

    /// Reads the column text back; text no version wrote reads as a manual decision.
    public init(stored: String) {
        let hinted = stored.hasSuffix(Self.hintSuffix)
        let base = hinted ? String(stored.dropLast(Self.hintSuffix.count)) : stored
        let basis: Basis
        if base == "name+amount" {
            basis = .nameAndAmount
        } else if base == "collective" {
            basis = .collective
        } else if base == "split" {
            basis = .split
        } else if base.hasPrefix(Self.sharedPrefix) {
            basis = .shared(with: base.dropFirst(Self.sharedPrefix.count).components(separatedBy: ", ").filter { !$0.isEmpty })
        } else if let m = NameMatcher.Method(rawValue: base) {
            basis = .matcher(m)
        } else {
            basis = .manual
        }
        self.init(basis, monthHint: hinted)
    }
}
