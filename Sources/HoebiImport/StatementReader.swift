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

    public init(file: URL, account: String, layout: StatementLayout? = nil, password: (@Sendable () throws -> String)? = nil) {
        self.file = file; self.account = account; self.layout = layout; self.password = password
    }

    /// Opens the file by its content (zip → xlsx, OLE → encrypted/legacy Excel, otherwise text CSV).
    public func source() throws -> any SheetSource {
        let name = file.lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw ImportError(file: name, problem: "cannot open the file (missing or not readable)")
        }
        let head = handle.readData(ofLength: 8)
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXSource(url: file) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return try decrypted(name) }
        if head.isEmpty { throw ImportError(file: name, problem: "the file is empty") }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ImportError(file: name, problem: "cannot read the file (\(error.localizedDescription))")
        }
        if data.prefix(4096).contains(0) {
            throw ImportError(file: name, problem: "this is not a statement file Hoebi reads (binary content, not xlsx or CSV)",
                              hint: "Hoebi reads KakaoBank .xlsx statements and CSV; see `hoebi import --help`")
        }
        return try CSVSource(data: data, file: name)
    }

    /// A password-protected workbook (KakaoBank, Toss), decrypted in memory.
    private func decrypted(_ name: String) throws -> any SheetSource {
        guard let password else {
            throw ImportError(file: name, problem: "the file is password-protected",
                              hint: "give the password with --password-file FILE or --password-env VAR (or run in a terminal to be asked)")
        }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: file)) } catch {
            throw ImportError(file: name, problem: "cannot read the file (\(error.localizedDescription))")
        }
        do {
            return try XLSXSource(data: try OfficeDecryptor.decrypt(bytes, password: try password()), file: name)
        } catch let failure as OfficeDecryptor.Failure {
            switch failure {
            case .wrongPassword:
                throw ImportError(file: name, problem: "wrong password", hint: "KakaoBank and Toss send the password with the statement (often your birth date, YYMMDD)")
            case .unsupported(let scheme):
                throw ImportError(file: name, problem: "the file uses \(scheme), which Hoebi cannot decrypt",
                                  hint: "open it in Excel or LibreOffice and save it as .xlsx without a password, or as CSV")
            case .damaged(let reason):
                throw ImportError(file: name, problem: "the encrypted file is damaged (\(reason))", hint: "download the statement again")
            }
        }
    }

    public struct Summary: Sendable { public var layout: String; public var ignored: Int; public var rows: Int }

    /// Reads every transaction row into `emit`; returns the layout used and rows skipped.
    @discardableResult
    public func read(_ emit: (Transaction) throws -> Void) throws -> Summary {
        let src = try source()
        let name = file.lastPathComponent
        let candidates = layout.map { [$0] } ?? StatementLayout.all
        var mapping: (layout: StatementLayout, columns: [StatementLayout.Role: Int], headerRow: Int)?
        var parser: RowParser?
        var ignored = 0, rows = 0
        var above = ""   // text of the rows above the header: titles name the bank
        try src.rows { row in
            guard let m = mapping else {
                if row.number > Self.headerSearchRows {
                    throw ImportError(file: name, sheet: src.sheetName, problem: headerProblem(candidates),
                                      hint: "is this the account's 거래내역 export? use --format to name the layout, or see the README for the CSV columns")
                }
                // The layout that recognises most of this row's labels (a bank's title above breaks ties).
                var best: (layout: StatementLayout, columns: [StatementLayout.Role: Int], score: Int)?
                for l in candidates {
                    guard let fit = l.score(header: row.cells) else { continue }
                    let score = fit.labels * 2 + (l.titleWords.contains { above.contains($0) } ? 1 : 0)
                    if best == nil || score > best!.score { best = (l, fit.columns, score) }
                }
                if let best {
                    mapping = (best.layout, best.columns, row.number)
                    parser = RowParser(file: name, sheet: src.sheetName, account: account, layout: best.layout, columns: best.columns)
                } else {
                    ignored += 1
                    above += row.cells.joined(separator: " ") + "\n"
                }
                return
            }
            _ = m
            if let t = try parser!.transaction(from: row) { rows += 1; try emit(t) } else { ignored += 1 }
        }
        guard let m = mapping else {
            throw ImportError(file: name, sheet: src.sheetName, problem: headerProblem(candidates),
                              hint: "is this the account's 거래내역 export? see the README for the supported formats and CSV columns")
        }
        return Summary(layout: m.layout.name, ignored: ignored, rows: rows)
    }

    private func headerProblem(_ layouts: [StatementLayout]) -> String {
        let wanted = layouts.map { l in "\(l.name): " + l.required.compactMap { l.labels[$0]?.first }.joined(separator: ", ") }
        return "no header row found in the first \(Self.headerSearchRows) rows (looked for \(wanted.joined(separator: "; ")))"
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

    func fail(_ row: SourceRow, _ role: StatementLayout.Role, _ problem: String) -> ImportError {
        let label = layout.labels[role]?.first ?? role.rawValue
        let col = columns[role].map { "\(label) (\(SheetParser.columnName($0)))" } ?? label
        return ImportError(file: file, sheet: sheet, row: row.number, column: col, problem: problem,
                           hint: "fix or remove that row and import again; nothing from this file was stored")
    }

    func transaction(from row: SourceRow) throws -> Transaction? {
        guard let first = row.cells.lazy.map(Self.trim).first(where: { !$0.isEmpty }) else { return nil }
        if first.utf8.count <= 12, StatementReader.summaryWords.contains(first.lowercased().filter { !$0.isWhitespace }) { return nil }
        let dateRole: StatementLayout.Role = columns[.dateTime] != nil ? .dateTime : .date
        let dateText = cell(dateRole, row) ?? ""
        let amountText = cell(.amount, row) ?? ""
        let depText = cell(.deposit, row) ?? "", wdText = cell(.withdrawal, row) ?? ""
        // Notes under the table have neither a date nor an amount.
        if dateText.isEmpty && amountText.isEmpty && depText.isEmpty && wdText.isEmpty { return nil }
        guard !dateText.isEmpty else { throw fail(row, dateRole, "the date is empty") }
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
            if dep != 0 && wd != 0 { throw fail(row, .deposit, "both a deposit (\(depText)) and a withdrawal (\(wdText)) on one row") }
            direction = wd != 0 ? .withdrawal : .deposit
            amount = wd != 0 ? abs(wd) : abs(dep)
        }
        if let d = cell(.direction, row), !d.isEmpty {
            if d.contains("입금") { direction = .deposit } else if d.contains("출금") || d.contains("지급") { direction = .withdrawal }
        }
        // A row that moves no money is not a transaction (kept out, counted as ignored).
        if amount == 0 { return nil }
        let balanceText = cell(.balance, row) ?? ""
        let balance = balanceText.isEmpty ? nil : try money(balanceText, row, .balance)
        return Transaction(account: account, bankID: cell(.bankID, row).flatMap { $0.isEmpty ? nil : $0 },
                           time: time, direction: direction, amount: amount, balance: balance,
                           kind: cell(.kind, row) ?? "", text: depositorText(row), memo: cell(.memo, row) ?? "",
                           source: layout.source, raw: row.raw,
                           origin: (sheet.map { "\($0)!" } ?? "") + "row \(row.number)")
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
        // An Excel date serial: only from a cell the workbook stores as a number, in 1990…2099.
        if let i = columns[role], row.isNumeric(i), let serial = Double(text), var t = SeoulTime(excelSerial: serial) {
            if let timeText, let frac = Double(timeText), frac >= 0, frac < 1 {
                t = SeoulTime(epochSeconds: t.epochSeconds + Int64((frac * 86400).rounded()))
            }
            return t
        }
        throw fail(row, role, "'\(text)' is not a date Hoebi understands (e.g. 2026.01.05 10:00:00 or 2026-01-05)")
    }

    /// "25,000", "-39,000", "+1,237", "25000원", "(30,000)", "30000.0": whole won, sign kept.
    /// Commas only between groups of three (`1,2` and `30,0,00` are typos, not amounts), and
    /// nothing beyond `Money.limit`.
    func money(_ text: String, _ row: SourceRow, _ role: StatementLayout.Role) throws -> Won {
        if let v = Self.plainMoney(text), Money.isPlausible(v) { return v }
        switch Money.parse(text) {
        case .won(let v): return v
        case .notWhole: throw fail(row, role, "'\(text)' is not a whole number of won")
        case .tooLarge: throw fail(row, role, "'\(text)' is beyond any real account (more than \(Money.limit.grouped) won); is this the right column?")
        case .notAnAmount: throw fail(row, role, "'\(text)' is not an amount in whole won")
        }
    }

    static func decoratedMoney(_ text: String) -> Won? {
        if case .won(let v) = Money.parse(text) { return v }
        return nil
    }

    /// The usual shapes (`-39,000`, `1237`) straight from the bytes; nil for anything else.
    static func plainMoney(_ text: String) -> Won? {
        var v: Won = 0
        var digits = 0
        var sinceComma = -1        // digits since the last comma; -1 before the first
        var negative = false
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case 48...57:
                guard digits < 18 else { return nil }
                v = v * 10 + Won(b - 48); digits += 1
                if sinceComma >= 0 { sinceComma += 1 }
            case 44:   // thousands separator: 1 to 3 digits before the first, exactly 3 between
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
