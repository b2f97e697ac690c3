/// A statement format, described by the labels of its header row. One mechanism serves every bank:
/// the header row is found by its labels (anywhere in the first rows), and columns are mapped by
/// label, never by position.
public struct StatementLayout: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case dateTime, date, time
        case amount        // signed: withdrawals negative
        case direction     // 입금 / 출금
        case deposit, withdrawal
        case balance, kind, text, memo, bankID
    }

    public var name: String
    public var source: String
    /// Labels for each role (compared after `labelKey`); the first label found wins.
    public var labels: [Role: [String]]
    /// Roles whose label must be in the header row for the layout to apply.
    public var required: [Role]

    /// Labels are compared without spaces, case or a unit suffix: "거래 후 잔액" = "거래후잔액", "입금액(원)" = "입금액".
    static func labelKey(_ s: String) -> String {
        var k = s.lowercased().filter { !$0.isWhitespace }
        for suffix in ["(원)", "(krw)"] where k.hasSuffix(suffix) { k = String(k.dropLast(suffix.count)) }
        return k
    }

    /// Column index per role, if `row` is this layout's header.
    func columns(inHeader row: [String]) -> [Role: Int]? {
        let keys = row.map(Self.labelKey)
        var map: [Role: Int] = [:]
        for (role, names) in labels {
            for name in names {
                if let i = keys.firstIndex(of: Self.labelKey(name)) { map[role] = i; break }
            }
        }
        guard required.allSatisfy({ map[$0] != nil }) else { return nil }
        guard map[.dateTime] != nil || map[.date] != nil else { return nil }
        guard map[.amount] != nil || map[.deposit] != nil || map[.withdrawal] != nil else { return nil }
        return map
    }
}

extension StatementLayout {
    /// KakaoBank 거래내역 (also the 모임통장 export): 거래일시 | 구분 | 거래금액 | 거래 후 잔액 | 거래구분 | 내용 | 메모.
    public static let kakaobank = StatementLayout(
        name: "kakaobank", source: "kakaobank-xlsx",
        labels: [.dateTime: ["거래일시"], .direction: ["구분"], .amount: ["거래금액"], .balance: ["거래 후 잔액"],
                 .kind: ["거래구분"], .text: ["내용"], .memo: ["메모"]],
        required: [.dateTime, .amount, .balance, .kind, .text])

    /// Hoebi's documented generic CSV (see README): English labels, one row per transaction.
    public static let generic = StatementLayout(
        name: "csv", source: "csv",
        labels: [.dateTime: ["datetime"], .date: ["date"], .time: ["time"], .amount: ["amount"],
                 .deposit: ["deposit", "in"], .withdrawal: ["withdrawal", "out"], .balance: ["balance"],
                 .kind: ["kind", "type"], .text: ["text", "depositor", "description"], .memo: ["memo"], .bankID: ["id"]],
        required: [.text])

    /// Every layout Hoebi knows, most specific first (auto-detection tries them in this order).
    public static let all: [StatementLayout] = [.kakaobank, .generic]

    public static func named(_ name: String) -> StatementLayout? { all.first { $0.name == name } }
}
