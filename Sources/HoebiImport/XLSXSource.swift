import Foundation
import HoebiCore
import HoebiOffice

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The first worksheet of an .xlsx workbook, read with a SAX parser so a large sheet is never held
/// as a tree. ZIPFoundation opens the archive; the sheet XML (row / c[@r,@t] / v / is/t) is read here.
public struct XLSXSource: SheetSource {
    public let sheetName: String?
    let sheetXML: Data
    let sharedStrings: [String]
    /// `<workbookPr date1904="1"/>`: serials count from 1904.
    var dates1904 = false
    let file: String

    /// An xlsx held in memory (a decrypted statement never touches the disk).
    public init(data: Data, file: String) throws {
        try self.init(bytes: Array(data), file: file, decrypted: true)
    }

    /// The most one part of a workbook may inflate to (`HOEBI_XLSX_MAX_PART_MB`, default 256):
    /// a real 200,000-row statement's sheet is about 60 MB, a zip bomb's is gigabytes.
    public static var maxPartBytes: Int {
        (ProcessInfo.processInfo.environment["HOEBI_XLSX_MAX_PART_MB"].flatMap(Int.init) ?? 256) << 20
    }

    init(bytes: [UInt8], file: String, decrypted: Bool) throws {
        self.file = file
        let zip: ZipParts
        do { zip = try ZipParts(bytes) } catch ZipParts.Failure.damaged(let why) {
            throw ImportError(
                file: file, problem: Messages.t(decrypted ? "import.xlsx.zipDecrypted" : "import.xlsx.zip", why), hint: Messages.t("hint.againOrCSV"))
        }
        let limit = Self.maxPartBytes
        func entry(_ path: String) throws -> Data? {
            let data: Data?
            do { data = try zip.data(path, limit: limit) } catch ZipParts.Failure.tooLarge {
                throw ImportError(file: file, problem: Messages.t("import.xlsx.huge", path, limit >> 20), hint: Messages.t("import.xlsx.huge.hint"))
            } catch ZipParts.Failure.damaged(let why) {
                throw ImportError(file: file, problem: Messages.t("import.xlsx.damaged", why), hint: Messages.t("hint.downloadAgain"))
            }
            // Foundation's parser traps on some damaged XML: it sees only what passes SafeXML.
            if let data, let problem = SafeXML.problem(data) {
                throw ImportError(file: file, problem: Messages.t("import.xlsx.part", path, problem), hint: Messages.t("hint.againOrCSV"))
            }
            return data
        }
        // The first sheet in workbook order, through the workbook's relationships.
        var name: String?
        var path = "xl/worksheets/sheet1.xml"
        if let wb = try entry("xl/workbook.xml"), let rels = try entry("xl/_rels/workbook.xml.rels") {
            let sheets = XMLAttributes.collect(wb, element: "sheet")
            dates1904 = XMLAttributes.collect(wb, element: "workbookPr").first.map { ["1", "true"].contains($0["date1904"] ?? "") } ?? false
            let targets = XMLAttributes.collect(rels, element: "Relationship")
            if let first = sheets.first {
                name = first["name"]
                if let rid = first["r:id"], let t = targets.first(where: { $0["Id"] == rid })?["Target"] {
                    path = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
                }
            }
        }
        guard let sheet = try entry(path) else {
            throw ImportError(file: file, problem: Messages.t("import.xlsx.noSheet", path), hint: Messages.t("import.xlsx.noSheet.hint"))
        }
        sheetName = name
        sheetXML = sheet
        sharedStrings = try entry("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
    }

    public func rows(_ body: (SourceRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            let delegate = SheetParser(shared: sharedStrings, dates1904: dates1904, body: body)
            // Through a stream, Foundation feeds libxml2 the sheet in chunks; handed the whole
            // Data at once, libxml2 gives up on sheets beyond about 10 MB (~50,000 rows).
            let parser = XMLParser(stream: InputStream(data: sheetXML))
            parser.delegate = delegate
            let ok = parser.parse()
            if let e = delegate.error as? SheetParser.SheetError {
                throw ImportError(file: file, sheet: sheetName, row: e.row, problem: e.problem, hint: Messages.t("hint.downloadAgain"))
            }
            if let error = delegate.error { throw error }
            if !ok { try fail(parser, delegate) }
        }
    }

    private func fail(_ parser: XMLParser, _ delegate: SheetParser) throws {
        throw ImportError(
            file: file, sheet: sheetName, row: delegate.rowNumber,
            problem: "the sheet XML is malformed (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error"))")
    }
}

/// Attributes of every element with a given name (small parts: workbook, relationships).
enum XMLAttributes {
    static func collect(_ data: Data, element: String) -> [[String: String]] {
        final class D: NSObject, XMLParserDelegate {
            let name: String
            var found: [[String: String]] = []
            init(_ n: String) { name = n }
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName q: String?, attributes a: [String: String]) {
                if e == name { found.append(a) }
            }
        }
        let d = D(element)
        let p = XMLParser(data: data)
        p.delegate = d
        _ = p.parse()
        return d.found
    }
}

/// `sharedStrings.xml`: <si> items, each plain <t> or rich-text runs <r><t>, concatenated.
enum SharedStrings {
    static func parse(_ data: Data) -> [String] {
        final class D: NSObject, XMLParserDelegate {
            var items: [String] = []
            var current = ""
            var inT = false
            var inPhonetic = false
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName q: String?, attributes a: [String: String]) {
                switch e {
                case "si": current = ""
                case "t": inT = true
                case "rPh": inPhonetic = true
                default: break
                }
            }
            func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName q: String?) {
                switch e {
                case "si": items.append(current)
                case "t": inT = false
                case "rPh": inPhonetic = false
                default: break
                }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { if inT && !inPhonetic { current += s } }
        }
        let d = D()
        let p = XMLParser(data: data)
        p.delegate = d
        _ = p.parse()
        return d.items
    }
}

/// SAX delegate for a worksheet: places each cell by its `r="C3"` reference (empty cells are often
/// simply absent) and hands over each finished row.
final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let body: (SourceRow) throws -> Void
    var error: (any Error)?
    var rowNumber = 0
    private var cells: [String] = []
    private var numeric: UInt64 = 0
    private var column = 0
    private var type = ""
    private var text = ""
    private var inValue = false
    private var lastRow = 0

    let dates1904: Bool

    init(shared: [String], dates1904: Bool = false, body: @escaping (SourceRow) throws -> Void) {
        self.shared = shared
        self.dates1904 = dates1904
        self.body = body
    }

    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName q: String?, attributes a: [String: String]) {
        switch e {
        case "row":
            rowNumber = a["r"].flatMap(Int.init) ?? lastRow + 1
            cells.removeAll(keepingCapacity: true)
            numeric = 0
            column = 0
            if !(1...Self.maxRows).contains(rowNumber) { stop(p, "row number \(a["r"] ?? "") is outside a worksheet (1…\(Self.maxRows))") }
        case "c":
            if let ref = a["r"] {
                guard let c = Self.columnIndex(ref) else { return stop(p, "cell reference '\(ref.prefix(20))' is outside a worksheet (A…XFD)") }
                column = c
            }
            if column >= Self.maxColumns { return stop(p, "more than \(Self.maxColumns) cells in one row") }
            type = a["t"] ?? ""
            text = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ p: XMLParser, foundCharacters s: String) { if inValue { text += s } }

    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName q: String?) {
        switch e {
        case "v", "t": inValue = false
        case "c":
            var value = text
            if type == "s", let i = Int(text), i >= 0, i < shared.count { value = shared[i] }
            if type == "b" { value = text == "1" ? "TRUE" : "FALSE" }
            guard column < Self.maxColumns else { return }
            while cells.count < column { cells.append("") }
            if cells.count == column { cells.append(value) } else { cells[column] = value }
            if (type.isEmpty || type == "n") && column < 64 { numeric |= 1 << UInt64(column) }
            column += 1
        case "row":
            lastRow = rowNumber
            guard error == nil else { return }
            do { try body(SourceRow(number: rowNumber, cells: cells, raw: JSONText.array(cells), numericMask: numeric, dates1904: dates1904)) } catch {
                self.error = error
                p.abortParsing()
            }
        default: break
        }
    }

    /// A worksheet's bounds (Excel 2007 on): columns A…XFD, rows 1…1,048,576.
    static let maxColumns = 16_384, maxRows = 1_048_576

    /// Ends the parse with an error naming the row.
    private func stop(_ p: XMLParser, _ problem: String) {
        guard error == nil else { return }
        error = SheetError(row: rowNumber, problem: problem)
        p.abortParsing()
    }

    struct SheetError: Error {
        var row: Int
        var problem: String
    }

    /// "C3" → 2 (zero-based column); nil beyond XFD.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0
        for u in ref.unicodeScalars {
            guard (65...90).contains(u.value) else { break }
            n = n * 26 + Int(u.value - 64)
            if n > maxColumns { return nil }
        }
        return max(0, n - 1)
    }

    /// 2 → "C", for error messages.
    static func columnName(_ index: Int) -> String { CellReference.column(index) }
}
