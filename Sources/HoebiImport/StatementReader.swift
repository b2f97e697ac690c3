import Foundation
import HoebiCore

/// Reads a statement file into normalised transactions, streaming: each transaction is handed on as
/// soon as its row is read, and the first bad row stops everything with its file, row and column.
public struct StatementReader {
    public var file: URL
    public var account: String
    public var layout: StatementLayout?
    /// Asked for the file's password only when the file turns out to be encrypted.
    public var password: (@Sendable () throws -> String)?
    /// How many leading rows to search for the header.
    public static let headerSearchRows = 40
    static let summaryWords: Set<String> = ["합계", "총계", "소계", "total"]

    /// The group's account number as configured: a statement whose own 계좌번호 (above its table)
    /// is another account is refused, unless `otherAccountAllowed`.
    public var expectedAccountNumber: String?
    public var otherAccountAllowed = false

    public init(
        file: URL, account: String, layout: StatementLayout? = nil, password: (@Sendable () throws -> String)? = nil,
        expectedAccountNumber: String? = nil, otherAccountAllowed: Bool = false
    ) {
        self.file = file
        self.account = account
        self.layout = layout
        self.password = password
        self.expectedAccountNumber = expectedAccountNumber
        self.otherAccountAllowed = otherAccountAllowed
    }

    /// Opens the file by its bytes, never its name: zip → xlsx; OLE compound file → encrypted xlsx
    /// (agile or standard) or an old binary workbook (BIFF); HTML (KB's "엑셀 저장" is an HTML
    /// table named .xls) → its tables; text → CSV or TSV (UTF-8, UTF-16 with BOM, CP949). PDF and
    /// anything else is refused with what to export instead. Several sources (sheets, tables)
    /// come in file order; the first with a header row is read.
    public func sources() throws -> [any SheetSource] {
        let name = file.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ImportError(file: name, problem: Messages.t("import.cannotOpen"))
        }
        let head = Array(data.prefix(8))
        if head.isEmpty { throw ImportError(file: name, problem: Messages.t("import.empty")) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return [try XLSXSource(bytes: Array(data), file: name, decrypted: false)] }
        if head.starts(with: CompoundFile.signature) { return try compound(Array(data), name) }
        if head.starts(with: Array("%PDF".utf8)) {
            throw ImportError(file: name, problem: Messages.t("import.pdf"), hint: Messages.t("import.pdf.hint"))
        }
        let text = try Self.decodeText(data, name)
        if let html = HTMLTables(text) { return html.tables }
        return [try CSVSource(text: text, file: name)]
    }

    /// Text in UTF-8 (BOM or not), UTF-16 with a BOM (Excel's "Unicode text"), or CP949.
    static func decodeText(_ data: Data, _ name: String) throws -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data, encoding: .utf16) else { throw ImportError(file: name, problem: Messages.t("import.utf16")) }
            return s
        }
        var d = data
        if d.starts(with: [0xEF, 0xBB, 0xBF]) { d = d.dropFirst(3) }
        if d.prefix(4096).contains(0) {
            throw ImportError(file: name, problem: Messages.t("import.binary"), hint: Messages.t("import.binary.hint"))
        }
        if let s = String(validating: d, as: UTF8.self) { return s }
        if let s = String(data: d, encoding: CSVSource.cp949) { return s }
        throw ImportError(file: name, problem: Messages.t("import.encoding"), hint: Messages.t("import.encoding.hint"))
    }

    /// A compound file: a password-protected xlsx, or an old .xls workbook.
    private func compound(_ bytes: [UInt8], _ name: String) throws -> [any SheetSource] {
        let cfb: CompoundFile
        do { cfb = try CompoundFile(bytes) } catch let e as CompoundFile.Damaged {
            throw ImportError(file: name, problem: Messages.t("import.damaged", e.reason), hint: Messages.t("hint.downloadAgain"))
        }
        let hasPackage = (try? cfb.stream("EncryptedPackage")) != nil
        if hasPackage { return [try decrypted(bytes, name)] }
        guard let stream = (try? cfb.stream("Workbook")) ?? (try? cfb.stream("Book")) ?? nil else {
            throw ImportError(file: name, problem: Messages.t("import.officeOther"), hint: Messages.t("hint.exportExcelCSV"))
        }
        do {
            let workbook = try BIFFWorkbook(stream: stream)
            return workbook.sheets.map { BIFFSheetSource(sheet: $0) }
        } catch let e as BIFFWorkbook.Failure {
            throw ImportError(file: name, problem: e.problem, hint: Messages.t("hint.savePlain"))
        }
    }

    /// A password-protected workbook (KakaoBank, Toss), decrypted in memory.
    private func decrypted(_ bytes: [UInt8], _ name: String) throws -> any SheetSource {
        guard let password else {
            throw ImportError(file: name, problem: Messages.t("import.password"), hint: Messages.t("import.password.hint"))
        }
        do {
            return try XLSXSource(data: try OfficeDecryptor.decrypt(bytes, password: try password()), file: name)
        } catch let failure as OfficeDecryptor.Failure {
            switch failure {
            case .wrongPassword:
                throw ImportError(file: name, problem: Messages.t("import.wrongPassword"), hint: Messages.t("import.wrongPassword.hint"))
            case .unsupported(let scheme):
                throw ImportError(
                    file: name, problem: Messages.t("import.scheme", scheme),
                    hint: Messages.t("hint.savePlain"))
            case .damaged(let reason):
                throw ImportError(file: name, problem: Messages.t("import.encryptedDamaged", reason), hint: Messages.t("hint.downloadAgain"))
            }
        } catch let e as ImportError {
            throw e
        } catch {
            // The cipher library refusing what the damaged header asks of it (a key size no
            // scheme has): the encryption is damaged, said so, never the library's own word.
            throw ImportError(file: name, problem: Messages.t("import.encryptedDamaged", Messages.t("import.cipher")), hint: Messages.t("hint.downloadAgain"))
        }
    }

    public struct Summary: Sendable {
        public var layout: String
        public var rows: Int
        /// The account number the file itself states, as printed (maybe masked).
        public var fileAccount: String?
        /// What the ignored rows were, by kind.
        public var skipped = Skipped()
        /// Rows that were not transactions, of every kind.
        public var ignored: Int { skipped.title + skipped.footer + skipped.zeroWon.count }
    }

    /// Rows that are not transactions, said by kind in the import summary: the title block above
    /// the table, totals and notes below it, and rows that move no money (a 0-won 신규 opening
    /// row, a 0-won 예금이자), those with their texts.
    public struct Skipped: Sendable, Equatable {
        public var title = 0
        public var footer = 0
        public var zeroWon: [String] = []
        public init() {}
    }

    /// Reads every transaction row into `emit`; returns the layout used and rows skipped. With
    /// several sheets or tables, the first that has a header row is read.
    @discardableResult
    public func read(_ emit: (Transaction) throws -> Void) throws -> Summary {
        let name = file.lastPathComponent
        var closest: HeaderCandidate?
        let all: [any SheetSource]
        do { all = try sources() } catch let e as ImportError { throw e } catch { throw Self.damaged(name, sheet: nil) }
        var fileAccount: String?
        /// What the caller's `emit` threw (the store's errors) passes through unchanged; anything
        /// else a reader's library throws is the file's damage, named as such.
        struct Passed: Error { var error: any Error }
        for src in all {
            let outcome: Outcome
            do {
                outcome = try read(src, &fileAccount) { t in
                    do { try emit(t) } catch { throw Passed(error: error) }
                }
            } catch let p as Passed {
                throw p.error
            } catch let e as ImportError {
                throw e
            } catch {
                throw Self.damaged(name, sheet: src.sheetName)
            }
            switch outcome {
            case .read(let summary): return summary
            case .noHeader(let candidate):
                if let c = candidate, c.matched > (closest?.matched ?? 0) { closest = c }
            }
        }
        throw ImportError(
            file: name, sheet: closest?.sheet ?? all.first?.sheetName, row: closest?.row, problem: headerProblem(closest),
            hint: Messages.t("import.noHeader.hint"))
    }

    /// A file a reader's library could not go through (a zip stream cut short, a cell it cannot
    /// inflate): the file and part, in words, and what to do; never the library's error name.
    static func damaged(_ file: String, sheet: String?) -> ImportError {
        ImportError(file: file, sheet: sheet, problem: Messages.t("import.damagedContent"), hint: Messages.t("hint.downloadAgain"))
    }

    /// The row that looked most like a header, for the error when none fits.
    struct HeaderCandidate {
        var sheet: String?
        var row: Int
        var labels: [String]
        var matched: Int
        var layout: StatementLayout
        var missing: [String]
    }

    enum Outcome {
        case read(Summary)
        case noHeader(HeaderCandidate?)
    }

    /// Thrown out of a source's row loop once its header search has failed (not an error).
    private struct NoHeader: Error {}

    /// A `계좌번호` cell above the table and the number after it, in the same cell (after the label,
    /// IBK's merged title cell holding holder, balance and period as well) or in a cell beside it:
    /// the number alone (`AccountNumber.token`), never the text around it.
    static func accountNumber(in cells: [String]) -> String? {
        for (i, c) in cells.enumerated() where StatementLayout.labelKey(c).contains("계좌번호") {
            let after = c.range(of: "계좌번호").map { String(c[$0.upperBound...]) } ?? ""
            for candidate in [after] + cells.dropFirst(i + 1) {
                if let number = AccountNumber.token(in: candidate) { return number }
            }
        }
        return nil
    }

    /// Refuses the file when its own account number is another account's.
    func checkAccount(_ printed: String?, sheet: String?) throws {
        guard let printed, let expected = expectedAccountNumber, !otherAccountAllowed,
            AccountNumber.matches(printed: printed, configured: expected) == false
        else { return }
        throw ImportError(
            file: file.lastPathComponent, sheet: sheet,
            problem: Messages.t("import.otherAccount", printed, expected), hint: Messages.t("import.otherAccount.hint"))
    }

    private func read(_ src: any SheetSource, _ fileAccount: inout String?, _ emit: (Transaction) throws -> Void) throws -> Outcome {
        let name = file.lastPathComponent
        let candidates = layout.map { [$0] } ?? StatementLayout.all
        var mapping: (layout: StatementLayout, columns: [StatementLayout.Role: Int], headerRow: Int)?
        var parser: RowParser?
        var rows = 0
        var skipped = Skipped()
        var above = ""  // text of the rows above the header: titles name the bank
        var closest: HeaderCandidate?
        do {
            try src.rows { row in
                guard mapping != nil, let parser else {
                    if row.number > Self.headerSearchRows { throw NoHeader() }
                    // The layout that recognises most of this row's labels (a bank's title above breaks ties).
                    var best: (layout: StatementLayout, columns: [StatementLayout.Role: Int], score: Int)?
                    for l in candidates {
                        guard let fit = l.score(header: row.cells) else { continue }
                        // `auto` knows every bank's labels, so it only wins when no named layout fits.
                        let score = l.name == "auto" ? 0 : fit.labels * 2 + (l.titleWords.contains { above.contains($0) } ? 1 : 0)
                        if score > (best?.score ?? -1) { best = (l, fit.columns, score) }
                    }
                    if let best {
                        // Before the first row is handed on: a statement of another account stops here.
                        try checkAccount(fileAccount, sheet: src.sheetName)
                        mapping = (best.layout, best.columns, row.number)
                        parser = RowParser(file: name, sheet: src.sheetName, account: account, layout: best.layout, columns: best.columns)
                    } else {
                        skipped.title += 1
                        above += row.cells.joined(separator: " ") + "\n"
                        if fileAccount == nil { fileAccount = Self.accountNumber(in: row.cells) }
                        for l in candidates {
                            let (matched, missing) = l.partialFit(row.cells)
                            if matched >= 2, matched > (closest?.matched ?? 0) {
                                closest = HeaderCandidate(
                                    sheet: src.sheetName, row: row.number, labels: row.cells.filter { !$0.isEmpty },
                                    matched: matched, layout: l, missing: missing)
                            }
                        }
                    }
                    return
                }
                switch try parser.read(row) {
                case .transaction(let t):
                    rows += 1
                    try emit(t)
                case .notTransaction:
                    skipped.footer += 1
                case .zeroWon(let text):
                    skipped.zeroWon.append(text)
                }
            }
        } catch is NoHeader {
            return .noHeader(closest)
        }
        guard let m = mapping else { return .noHeader(closest) }
        return .read(Summary(layout: m.layout.name, rows: rows, fileAccount: fileAccount, skipped: skipped))
    }

    private func headerProblem(_ c: HeaderCandidate?) -> String {
        guard let c else { return Messages.t("import.noHeader", Self.headerSearchRows) }
        // Only the cells that are column labels are repeated: the rest of that row may be data
        // (a depositor's name, a balance) or a merged title holding the holder's name.
        let known = c.labels.filter(c.layout.isLabel)
        let others = c.labels.count - known.count
        let shown = Array(known.prefix(12)) + (others > 0 ? [Messages.t("import.otherCells", others)] : [])
        return Messages.t(
            "import.noHeader.closest", Self.headerSearchRows, c.row, shown.joined(separator: " · "), c.layout.name, c.missing.joined(separator: ", "))
    }
}

/// Turns one data row into a transaction, or nil for rows that are not transactions (blank lines,
/// totals, notes below the table).
struct RowParser {
    let file: String
    let sheet: String?
    let account: String
    let layout: StatementLayout
    let columns: [StatementLayout.Role: Int]

    func cell(_ role: StatementLayout.Role, _ row: SourceRow) -> String? {
        guard let i = columns[role] else { return nil }
        return i < row.cells.count ? Self.trim(row.cells[i]) : ""
    }

    /// Trims blanks (ASCII, no-break and ideographic spaces). Most cells have none, and checking
    /// the two ends first keeps Foundation's trimming off the million-row path.
    static func trim(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        if !isBlank(first) && !isBlank(last) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{FEFF}")))
    }

    static func isBlank(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF, 0x2000...0x200B: return true
        default: return false
        }
    }

    /// The longest text cell read, in UTF-8 bytes (about 1,300 Hangul syllables).
    static let cellLimit = 4000

    /// A cell as a refusal may quote it: what looks like a date, a time or an amount (digits,
    /// separators, a few Latin letters of a typo like `25,OOO`); anything else — a name slipped into
    /// the date column, a long text — is not shown, because a refused file's names stay private.
    static func quoted(_ text: String) -> String {
        let dateWords: Set<Character> = ["원", "만", "천", "백", "억", "년", "월", "일", "시", "분", "초", "오", "전", "후"]
        let plain = text.count <= 32 && text.allSatisfy { c in c.isASCII || dateWords.contains(c) || c == "₩" }
        return plain ? text : Messages.t("import.cell.hidden", text.count)
    }

    func fail(_ row: SourceRow, _ role: StatementLayout.Role, _ problem: String) -> ImportError {
        let label = layout.labels[role]?.first ?? role.rawValue
        let col = columns[role].map { "\(label) (\(SheetRows.columnName($0)))" } ?? label
        return ImportError(
            file: file, sheet: sheet, row: row.number, column: col, problem: problem,
            hint: Messages.t("import.row.hint"))
    }

    /// What one row under the header is.
    enum Read {
        case transaction(Transaction)
        /// Blank, a total (합계), a note under the table.
        case notTransaction
        /// A row that moves no money, with its text (or kind) to say what it was.
        case zeroWon(String)
    }

    func read(_ row: SourceRow) throws -> Read {
        guard let first = row.cells.lazy.map(Self.trim).first(where: { !$0.isEmpty }) else { return .notTransaction }
        if first.utf8.count <= 12, StatementReader.summaryWords.contains(first.lowercased().filter { !$0.isWhitespace }) { return .notTransaction }
        let dateRole: StatementLayout.Role = columns[.dateTime] != nil ? .dateTime : .date
        let dateText = cell(dateRole, row) ?? ""
        let amountText = cell(.amount, row) ?? ""
        let depText = cell(.deposit, row) ?? "", wdText = cell(.withdrawal, row) ?? ""
        // Notes under the table have neither a date nor an amount.
        if dateText.isEmpty && amountText.isEmpty && depText.isEmpty && wdText.isEmpty { return .notTransaction }
        guard !dateText.isEmpty else { throw fail(row, dateRole, Messages.t("import.row.noDate")) }
        let time = try parseTime(dateText, row, dateRole)

        var direction: Transaction.Direction
        var amount: Won
        if columns[.amount] != nil, !amountText.isEmpty || (depText.isEmpty && wdText.isEmpty) {
            let signed = try money(amountText, row, .amount)
            direction = signed < 0 ? .withdrawal : .deposit
            amount = abs(signed)
        } else {
            let dep = depText.isEmpty ? 0 : try money(depText, row, .deposit)
            let wd = wdText.isEmpty ? 0 : try money(wdText, row, .withdrawal)
            if dep != 0 && wd != 0 { throw fail(row, .deposit, Messages.t("import.row.both", Self.quoted(depText), Self.quoted(wdText))) }
            direction = wd != 0 ? .withdrawal : .deposit
            amount = wd != 0 ? abs(wd) : abs(dep)
        }
        if let cell = cell(.direction, row), !cell.isEmpty {
            // Composed first, then searched by bytes: Foundation's `contains` was a tenth of an
            // xlsx import's reading thread (perf), and it is what matched a decomposed 입금 before.
            let d = Normalise.nfc(cell)
            if d.holds("입금") { direction = .deposit } else if d.holds("출금") || d.holds("지급") { direction = .withdrawal }
        }
        // A row that moves no money is not a transaction (kept out, and said what it was).
        if amount == 0 {
            let what = depositorText(row)
            return .zeroWon(what.isEmpty ? (cell(.kind, row) ?? "") : what)
        }
        // No bank writes a depositor text or memo of thousands of characters; one that long is a
        // damaged or hostile file, refused here before the matcher reads it letter by letter.
        for role in [StatementLayout.Role.text, .memo, .kind, .counterparty] {
            if let c = cell(role, row), c.utf8.count > Self.cellLimit {
                throw fail(row, role, Messages.t("import.row.tooLong", Won(c.count).grouped, Won(Self.cellLimit).grouped))
            }
        }
        let balanceText = cell(.balance, row) ?? ""
        let balance = balanceText.isEmpty ? nil : try money(balanceText, row, .balance)
        return .transaction(
            Transaction(
                account: account, bankID: cell(.bankID, row).flatMap { $0.isEmpty ? nil : $0 },
                time: time, direction: direction, amount: amount, balance: balance,
                kind: cell(.kind, row) ?? "", text: depositorText(row), memo: cell(.memo, row) ?? "",
                source: layout.source, raw: row.raw,
                origin: (sheet.map { "\($0)!" } ?? "") + "row \(row.number)"))
    }

    /// The depositor text, or the counterparty's name where the bank left the text empty.
    func depositorText(_ row: SourceRow) -> String {
        let text = cell(.text, row) ?? ""
        if text.isEmpty, let other = cell(.counterparty, row), columns[.counterparty] != columns[.text] { return other }
        return text
    }

    func parseTime(_ text: String, _ row: SourceRow, _ role: StatementLayout.Role) throws -> SeoulTime {
        let timeText = cell(.time, row).flatMap { $0.isEmpty ? nil : $0 }
        if let t = SeoulTime(parsing: text, time: timeText) { return t }
        // A time of day as Excel keeps it, a fraction of a day (NH: 0.6546527… is 15:42:42), beside
        // a date written as text: rounded to the second, as Excel shows it.
        if let timeText, let frac = Self.dayFraction(timeText), let day = SeoulTime(parsing: text) {
            return SeoulTime(epochSeconds: day.epochSeconds + Int64((frac * 86400).rounded()))
        }
        // An Excel date serial: only from a cell the workbook stores as a number, in 1990…2099.
        if let i = columns[role], row.isNumeric(i), let serial = Double(text), var t = SeoulTime(excelSerial: serial + (row.dates1904 ? 1462 : 0)) {
            if let timeText, let frac = Self.dayFraction(timeText) {
                t = SeoulTime(epochSeconds: t.epochSeconds + Int64((frac * 86400).rounded()))
            } else if let timeText {
                // A serial date beside a time written as text (`15:42:42`): the time is kept, or named.
                let day = String(t.iso8601.prefix(10))
                guard let both = SeoulTime(parsing: day, time: timeText) else { throw fail(row, .time, Messages.t("import.row.time", Self.quoted(timeText))) }
                t = both
            }
            return t
        }
        // The date alone reads: it is the time beside it that failed, and the error says so.
        if let timeText, SeoulTime(parsing: text) != nil, columns[.time] != nil {
            throw fail(row, .time, Messages.t("import.row.time", Self.quoted(timeText)))
        }
        throw fail(row, role, Messages.t("import.row.date", Self.quoted(text)))
    }

    /// A fraction of a day in 0 ≤ f < 1 written as a plain decimal (`0.6546527777777778`).
    static func dayFraction(_ text: String) -> Double? {
        guard text.first == "0" || text.first == ".", text.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let f = Double(text), f >= 0, f < 1 else { return nil }
        return f
    }

    /// "25,000", "-39,000", "+1,237", "25000원", "(30,000)", "30000.0": whole won, sign kept.
    /// Commas only between groups of three (`1,2` and `30,0,00` are typos, not amounts), and
    /// nothing beyond `Money.limit`.
    func money(_ text: String, _ row: SourceRow, _ role: StatementLayout.Role) throws -> Won {
        if let v = Self.plainMoney(text), Money.isPlausible(v) { return v }
        let parsed = Money.parse(text)
        if case .won(let v) = parsed { return v }
        // A balance is the account's money: a refusal says which cell, never what it holds.
        if role == .balance { throw fail(row, role, Messages.t("import.row.balance")) }
        switch parsed {
        case .won(let v): return v
        case .notWhole: throw fail(row, role, Messages.t("import.row.notWhole", Self.quoted(text)))
        case .tooLarge: throw fail(row, role, Messages.t("import.row.tooLarge", Self.quoted(text), Money.limit.grouped))
        case .notAnAmount: throw fail(row, role, Messages.t("import.row.notAmount", Self.quoted(text)))
        }
    }

    /// The usual shapes (`-39,000`, `1237`) straight from the bytes; nil for anything else.
    static func plainMoney(_ text: String) -> Won? {
        var v: Won = 0
        var digits = 0
        var sinceComma = -1  // digits since the last comma; -1 before the first
        var negative = false
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case 48...57:
                guard digits < 18 else { return nil }
                v = v * 10 + Won(b - 48)
                digits += 1
                if sinceComma >= 0 { sinceComma += 1 }
            case 44:  // thousands separator: 1 to 3 digits before the first, exactly 3 between
                guard digits > 0, sinceComma == -1 ? digits <= 3 : sinceComma == 3 else { return nil }
                sinceComma = 0
            case 45, 43:
                guard i == 0 else { return nil }
                negative = b == 45
            default: return nil
            }
        }
        guard digits > 0, sinceComma == -1 || sinceComma == 3 else { return nil }
        return negative ? -v : v
    }
}
