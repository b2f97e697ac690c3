import HoebiCore
import HoebiImport

/// A group's bank and account number against what Hoebi knows: a bank name it has neither a
/// statement layout nor a name for, and an account number whose digit count that bank does not
/// issue, are warned about (never refused: banks add formats, and a typo is the user's to fix).
public enum BankCheck {
    /// Digit counts of the account numbers each bank issues to people and clubs (a 모임통장 is an
    /// ordinary deposit account), as their own statements print them: 카카오뱅크 3333-01-1234567,
    /// 토스뱅크 1000-1234-5678, KB 123456-01-234567 (older 12), 신한 110-123-456789 (older 11),
    /// NH 301-0000-0000-00 (단위농협 351-…, 14), 하나 123-456789-01234, 우리 1002-123-456789,
    /// IBK 123-456789-01-012, 케이뱅크 100-123-456789, SC제일 123-45-678901.
    static let digits: [String: Set<Int>] = [
        "kakaobank": [13], "toss": [12], "tossbank": [12], "kb": [12, 14], "shinhan": [11, 12], "nh": [11, 13, 14],
        "hana": [11, 14], "woori": [11, 13], "ibk": [10, 12, 14], "kbank": [12], "sc": [11], "jeonbuk": [12, 13]
    ]

    /// Bank codes Hoebi has a statement layout or a name for.
    public static var known: [String] {
        var names = Set(digits.keys)
        for l in StatementLayout.all where l.name != "auto" && l.name != "csv" { names.insert(l.name) }
        return names.sorted()
    }

    /// Warnings for one group's account, in the reader's language; empty when all looks right.
    public static func warnings(bank: String, number: String) -> [String] {
        let code = bank.lowercased()
        guard known.contains(code) else {
            let near = known.min { EditDistance.between($0, code) < EditDistance.between($1, code) }
            return [Messages.t("bank.unknown", bank, known.joined(separator: ", "), near ?? "")]
        }
        let count = number.filter(\.isASCIIDigit).count
        guard let expected = digits[code], !expected.contains(count) else { return [] }
        let shown = expected.sorted().map(String.init).joined(separator: "/")
        return [Messages.t("bank.digits", Account(bank: code, number: number).bankName, shown, count)]
    }

    public static func warnings(_ group: Group) -> [String] { warnings(bank: group.account.bank, number: group.account.number) }
}
