/// A statement format, described by the labels of its header row. One mechanism serves every bank:
/// the header row is found by its labels (anywhere in the first rows), and columns are mapped by
/// label, never by position.
public struct StatementLayout: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case dateTime, date, time
        case amount  // signed: withdrawals negative
        case direction  // 입금 / 출금
        case deposit, withdrawal
        case balance, kind, text, memo, bankID
        /// The other party's name; stands in for `text` on rows where that is empty.
        case counterparty
    }

    public var name: String
    public var source: String
    /// Labels for each role (compared after `labelKey`); the first label found wins.
    public var labels: [Role: [String]]
    /// Roles whose label must be in the header row for the layout to apply.
    public var required: [Role]
    /// Words in the rows above the header that name this bank (a tie-breaker between layouts
    /// whose labels look alike).
    public var titleWords: [String] = []
    /// How to export the file from the bank, in Korean and English (`hoebi formats`): kept with
    /// the layout, so a new layout is one entry here plus its fixture and test.
    /// What the layout reads, one line of `hoebi import --help`, in Korean and English.
    public var summary: (ko: String, en: String) = ("", "")
    public var export: (ko: String, en: String) = ("", "")

    /// Labels are compared without spaces, case or a unit suffix: "거래 후 잔액" = "거래후잔액", "입금액(원)" = "입금액".
    static func labelKey(_ s: String) -> String {
        var k = s.lowercased().filter { !$0.isWhitespace }
        for suffix in ["(원)", "(krw)"] where k.hasSuffix(suffix) { k = String(k.dropLast(suffix.count)) }
        return k
    }

    /// How well `row` fits as this layout's header: the number of its labels present, or nil
    /// when a required one is missing.
    func score(header row: [String]) -> (columns: [Role: Int], labels: Int)? {
        guard let cols = columns(inHeader: row) else { return nil }
        return (cols, cols.count)
    }

    /// Whether a cell is one of this layout's column labels.
    func isLabel(_ cell: String) -> Bool {
        let key = Self.labelKey(cell)
        return labels.values.contains { $0.contains { Self.labelKey($0) == key } }
    }

    /// For the "no header" error: how many of this layout's labels `row` has, and which labels of
    /// the roles it needs are missing.
    func partialFit(_ row: [String]) -> (matched: Int, missing: [String]) {
        let keys = Set(row.map(Self.labelKey))
        var found = Set<Role>()
        for (role, names) in labels where names.contains(where: { keys.contains(Self.labelKey($0)) }) { found.insert(role) }
        var missing = required.filter { !found.contains($0) }.compactMap { labels[$0]?.first }
        if !found.contains(.dateTime) && !found.contains(.date) { missing.append(labels[.dateTime]?.first ?? labels[.date]?.first ?? "a date") }
        if !found.contains(.amount) && !found.contains(.deposit) && !found.contains(.withdrawal) {
            missing.append(labels[.amount]?.first ?? labels[.deposit]?.first ?? "an amount")
        }
        var seen = Set<String>()
        return (found.count, missing.filter { seen.insert($0).inserted })
    }

    /// Column index per role, if `row` is this layout's header.
    func columns(inHeader row: [String]) -> [Role: Int]? {
        let keys = row.map(Self.labelKey)
        var map: [Role: Int] = [:]
        for (role, names) in labels {
            for name in names {
                if let i = keys.firstIndex(of: Self.labelKey(name)) {
                    map[role] = i
                    break
                }
            }
        }
        guard required.allSatisfy({ map[$0] != nil }) else { return nil }
        guard map[.dateTime] != nil || map[.date] != nil else { return nil }
        guard map[.amount] != nil || map[.deposit] != nil || map[.withdrawal] != nil else { return nil }
        return map
    }
}

extension StatementLayout {
    /// KakaoBank 거래내역 (also the 모임통장 export, whose extra columns are kept in the raw row).
    public static let kakaobank = StatementLayout(
        name: "kakaobank", source: "kakaobank-xlsx",
        labels: [
            .dateTime: ["거래일시"], .direction: ["구분"], .amount: ["거래금액"], .balance: ["거래 후 잔액"],
            .kind: ["거래구분"], .text: ["내용"], .memo: ["메모"]
        ],
        required: [.dateTime, .amount, .text],
        titleWords: ["카카오뱅크"],
        summary: (
            ko: "카카오뱅크 거래내역 .xlsx (모임통장 포함), 비밀번호가 있든 없든",
            en: "KakaoBank 거래내역 .xlsx (also 모임통장), password-protected or not"
        ),
        export: (
            ko: "앱: 계좌 → 거래내역 → 오른쪽 위 ⋯ → 거래내역 내보내기 (xlsx, 비밀번호와 함께 메일로)",
            en: "app: 계좌 → 거래내역 → 우측 상단 ⋯ → 거래내역 내보내기 (xlsx, emailed with a password)"
        ))

    /// Toss Bank 거래내역 (xlsx, or csv whose rows start with an empty column).
    public static let toss = StatementLayout(
        name: "toss", source: "toss",
        labels: [
            .dateTime: ["거래 일시"], .text: ["적요"], .direction: ["거래 유형"], .kind: ["거래 유형"], .amount: ["거래 금액"],
            .balance: ["거래 후 잔액"], .memo: ["메모"]
        ],
        required: [.dateTime, .text, .direction, .amount],
        titleWords: ["토스"],
        summary: (
            ko: "토스뱅크 거래내역 .xlsx (비밀번호) 또는 .csv",
            en: "Toss Bank 거래내역 .xlsx (password-protected) or .csv"
        ),
        export: (
            ko: "앱: 토스뱅크 통장 → 거래내역 → 내보내기 (xlsx, 비밀번호)",
            en: "app: 토스뱅크 통장 → 거래내역 → 내보내기 (xlsx, password-protected)"
        ))

    /// KB국민 personal and business (기업) layouts: split 입금액/출금액; the depositor is in
    /// 내 통장 표시 (business), 보낸분/받는분 or 기재내용.
    public static let kb = StatementLayout(
        name: "kb", source: "kb",
        labels: [
            .dateTime: ["거래일시"], .kind: ["적요"], .text: ["내 통장 표시", "보낸분/받는분", "기재내용"],
            .counterparty: ["보낸분/받는분"], .memo: ["송금메모"], .withdrawal: ["출금액", "찾으신금액"],
            .deposit: ["입금액", "맡기신금액"], .balance: ["잔액"]
        ],
        required: [.dateTime, .kind, .text, .balance],
        titleWords: ["KB", "국민"],
        summary: (
            ko: "KB국민 개인 (\"엑셀 저장\", 이름만 .xls인 HTML 파일)과 기업",
            en: "KB국민 personal (\"엑셀 저장\", an HTML file named .xls) and 기업"
        ),
        export: (
            ko: "KB스타뱅킹이나 인터넷뱅킹: 조회 → 거래내역조회 → 엑셀 저장",
            en: "KB스타뱅킹 or internet banking: 조회 → 거래내역조회 → 엑셀 저장"
        ))

    /// 신한: 거래일자 + 거래시간 (often Excel date serials), 적요, 출금(원)/입금(원), 내용; also the
    /// "거래내역조회" export with 보낸분/받는분 and a trailing 합계 row.
    public static let shinhan = StatementLayout(
        name: "shinhan", source: "shinhan",
        labels: [
            .dateTime: ["거래일시"], .date: ["거래일자"], .time: ["거래시간"], .kind: ["적요"],
            .withdrawal: ["출금", "출금액"], .deposit: ["입금", "입금액"], .text: ["내용", "보낸분/받는분"], .balance: ["잔액"]
        ],
        required: [.text, .withdrawal, .deposit],
        titleWords: ["신한"],
        summary: (
            ko: "신한 거래내역 (거래내역조회 .xls 포함)",
            en: "신한 거래내역 (incl. the 거래내역조회 .xls)"
        ),
        export: (
            ko: "신한 SOL이나 인터넷뱅킹: 조회 → 거래내역조회 → 엑셀 다운로드",
            en: "신한 SOL or internet banking: 조회 → 거래내역조회 → 엑셀 다운로드"
        ))

    /// NH농협 인터넷뱅킹: the depositor is 거래기록사항; one variant lists deposits only.
    public static let nh = StatementLayout(
        name: "nh", source: "nh",
        labels: [
            .dateTime: ["거래일시"], .date: ["거래일자"], .time: ["거래시간"], .withdrawal: ["출금금액"],
            .deposit: ["입금금액"], .balance: ["거래 후 잔액"], .kind: ["거래내용"], .text: ["거래기록사항"],
            .memo: ["이체메모"]
        ],
        required: [.text, .deposit],
        titleWords: ["농협", "NH"],
        summary: (
            ko: "NH농협 거래내역 (두 가지 모양)",
            en: "NH농협 거래내역 (both layouts)"
        ),
        export: (
            ko: "NH 인터넷뱅킹: 조회 → 거래내역조회 → 엑셀 저장",
            en: "NH 인터넷뱅킹: 조회 → 거래내역조회 → 엑셀 저장"
        ))

    /// 하나: the depositor is 의뢰인/수취인.
    public static let hana = StatementLayout(
        name: "hana", source: "hana",
        labels: [
            .dateTime: ["거래일시"], .kind: ["적요", "구분"], .text: ["의뢰인/수취인"], .deposit: ["입금"],
            .withdrawal: ["출금"], .balance: ["거래후잔액"], .memo: ["비고"]
        ],
        required: [.dateTime, .text],
        titleWords: ["하나"],
        summary: (
            ko: "하나 거래내역",
            en: "하나 거래내역"
        ),
        export: (
            ko: "하나원큐나 인터넷뱅킹: 조회 → 거래내역조회 → 엑셀 저장",
            en: "하나원큐 or internet banking: 조회 → 거래내역조회 → 엑셀 저장"
        ))

    /// 우리 최근거래내역조회: 기재내용 is the depositor, 지급 the withdrawals; newest first. The older
    /// 거래내역조회 says 찾으신금액/맡기신금액 and gives the time to the minute.
    public static let woori = StatementLayout(
        name: "woori", source: "woori",
        labels: [
            .dateTime: ["거래일시"], .kind: ["적요"], .text: ["기재내용"], .withdrawal: ["지급", "찾으신금액"],
            .deposit: ["입금", "맡기신금액"], .balance: ["거래후 잔액"], .memo: ["메모"]
        ],
        required: [.dateTime, .text, .withdrawal],
        titleWords: ["최근거래내역조회", "우리"],
        summary: (
            ko: "우리 최근거래내역조회와 예전 거래내역조회 (.xlsx, .xls, CSV)",
            en: "우리 최근거래내역조회 and the older 거래내역조회 (.xlsx, .xls or CSV)"
        ),
        export: (
            ko: "우리WON뱅킹이나 인터넷뱅킹: 조회 → 최근거래내역조회 → 엑셀 (.xlsx나 CSV로 저장)",
            en: "우리WON뱅킹 or internet banking: 조회 → 최근거래내역조회 → 엑셀 (save as .xlsx or CSV)"
        ))

    /// IBK기업 (기업뱅킹): the depositor's name is in 상대계좌예금주명 when the bank knows it, else
    /// the transaction text is; an unlabeled row-number column comes first.
    public static let ibk = StatementLayout(
        name: "ibk", source: "ibk",
        labels: [
            .dateTime: ["거래일시"], .withdrawal: ["출금"], .deposit: ["입금"], .balance: ["거래후 잔액"],
            .text: ["상대계좌예금주명"], .counterparty: ["거래내용"], .memo: ["메모"], .kind: ["거래구분"]
        ],
        required: [.dateTime, .text, .withdrawal, .deposit],
        titleWords: ["IBK", "기업"],
        summary: (
            ko: "IBK기업 기업뱅킹 거래내역조회",
            en: "IBK기업 기업뱅킹 거래내역조회"
        ),
        export: (
            ko: "IBK 기업뱅킹: 조회 → 거래내역조회 → 엑셀 저장",
            en: "IBK 기업뱅킹: 조회 → 거래내역조회 → 엑셀 저장"
        ))

    /// 전북 예금거래내역조회: 거래일자 and 거래시간 apart; the depositor is 적요.
    public static let jeonbuk = StatementLayout(
        name: "jeonbuk", source: "jeonbuk",
        labels: [
            .date: ["거래일자"], .time: ["거래시간"], .withdrawal: ["출금금액"], .deposit: ["입금금액"],
            .balance: ["거래후잔액"], .text: ["적요"]
        ],
        required: [.date, .text, .withdrawal, .deposit, .balance],
        titleWords: ["예금거래내역조회", "전북"],
        summary: (
            ko: "전북은행 예금거래내역조회",
            en: "전북은행 예금거래내역조회"
        ),
        export: (
            ko: "전북은행 인터넷뱅킹: 조회 → 예금거래내역조회 → 엑셀 저장",
            en: "전북은행 인터넷뱅킹: 조회 → 예금거래내역조회 → 엑셀 저장"
        ))

    /// Any other bank (새마을금고, 케이뱅크, 우체국, SC제일, 부산, 경남, iM뱅크, 광주, 수협, 신협, …): the
    /// labels Korean banks use for each role, most specific first. It applies when no named layout
    /// does; named layouts exist only where this would pick the wrong depositor column.
    public static let auto = StatementLayout(
        name: "auto", source: "auto",
        labels: [
            .dateTime: ["거래일시", "거래 일시", "거래일자시간", "거래일 시"], .date: ["거래일자", "거래일", "일자"], .time: ["거래시간", "시간"],
            .amount: ["거래금액", "거래 금액"],
            .deposit: ["입금액", "입금금액", "맡기신금액", "입금", "입금(원)", "받은금액"],
            .withdrawal: ["출금액", "출금금액", "찾으신금액", "출금", "지급", "지급액", "보낸금액"],
            .balance: ["거래후잔액", "거래 후 잔액", "거래후 잔액", "잔액", "잔고"],
            .text: ["기재내용", "의뢰인/수취인", "보낸분/받는분", "입금자명", "입금자", "거래기록사항", "상대계좌예금주명", "내용", "거래내용", "적요"],
            .kind: ["거래구분", "거래 유형", "구분", "적요"], .memo: ["메모", "송금메모", "이체메모", "비고"]
        ],
        required: [.text],
        summary: (
            ko: "머리글이 흔한 이름인 다른 은행 (새마을금고, 케이뱅크, …)",
            en: "any other bank whose labels are the usual ones (새마을금고, 케이뱅크, …)"
        ),
        export: (
            ko: "다른 은행의 거래내역조회 → 엑셀/CSV 저장 (머리글이 흔한 이름일 때)",
            en: "any bank's 거래내역조회 → 엑셀/CSV 저장, when its labels are the usual ones"
        ))

    /// Hoebi's documented generic CSV (see README): English labels, one row per transaction.
    public static let generic = StatementLayout(
        name: "csv", source: "csv",
        labels: [
            .dateTime: ["datetime"], .date: ["date"], .time: ["time"], .amount: ["amount"],
            .deposit: ["deposit", "in"], .withdrawal: ["withdrawal", "out"], .balance: ["balance"],
            .kind: ["kind", "type"], .text: ["text", "depositor", "description"], .memo: ["memo"], .bankID: ["id"],
            .counterparty: ["counterparty"]
        ],
        required: [.text],
        summary: (
            ko: "Hoebi의 일반 CSV (README 참고)",
            en: "Hoebi's generic CSV (see the README)"
        ),
        export: (
            ko: "어떤 도구든: 열은 README에 있습니다",
            en: "any tool: the columns are described in the README"
        ))

    /// Every layout Hoebi knows. Detection scores each against the header candidates.
    public static let all: [StatementLayout] = [.kakaobank, .toss, .kb, .shinhan, .nh, .hana, .woori, .ibk, .jeonbuk, .generic, .auto]

    public static func named(_ name: String) -> StatementLayout? { all.first { $0.name == name } }
}
