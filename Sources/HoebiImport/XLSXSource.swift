import Foundation
import HoebiCore
import HoebiOffice

/// The first worksheet of an .xlsx workbook, read as it inflates (`XMLStream`), so a large sheet is
/// never held whole, neither as a tree nor as its text. `ZipParts` opens the archive; the sheet XML
/// (row / c[@r,@t] / v / is/t) is read here.
public struct XLSXSource: SheetSource {
    public let sheetName: String?
    let zip: ZipParts
    let sheetPath: String
    let sharedStrings: [String]
    /// `<workbookPr date1904="1"/>`: serials count from 1904.
    var dates1904 = false
    let file: String
    let limit: Int

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
        do { zip = try ZipParts(bytes) } catch ZipParts.Failure.damaged(let why) {
            throw ImportError(
                file: file, problem: Messages.t(decrypted ? "import.xlsx.zipDecrypted" : "import.xlsx.zip", why), hint: Messages.t("hint.againOrCSV"))
        }
        limit = Self.maxPartBytes
        // The first sheet in workbook order, through the workbook's relationships.
        var name: String?
        var path = "xl/worksheets/sheet1.xml"
        var workbook = ElementAttributes(names: ["sheet", "workbookPr"]), relationships = ElementAttributes(names: ["Relationship"])
        if try Self.read("xl/workbook.xml", zip, limit, file, into: &workbook),
            try Self.read("xl/_rels/workbook.xml.rels", zip, limit, file, into: &relationships)
        {
            let sheets = workbook.found["sheet"] ?? []
            dates1904 = workbook.found["workbookPr"]?.first.map { ["1", "true"].contains($0["date1904"] ?? "") } ?? false
            let targets = relationships.found["Relationship"] ?? []
            if let first = sheets.first {
                name = first["name"]
                if let rid = first["r:id"], let t = targets.first(where: { $0["Id"] == rid })?["Target"] {
                    path = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
                }
            }
        }
        guard zip.contains(path) else {
            throw ImportError(file: file, problem: Messages.t("import.xlsx.noSheet", path), hint: Messages.t("import.xlsx.noSheet.hint"))
        }
        sheetName = name
        sheetPath = path
        var shared = SharedStrings()
        _ = try Self.read("xl/sharedStrings.xml", zip, limit, file, into: &shared)
        sharedStrings = shared.items
    }

    /// Streams one part into `reader`; false when the part is absent. Every refusal names the part.
    static func read<R: XMLPartReader>(_ path: String, _ zip: ZipParts, _ limit: Int, _ file: String, row: (R) -> Int? = { _ in nil }, into reader: inout R)
        throws -> Bool
    {
        var xml = XMLStream(reader)
        defer { reader = xml.reader }
        do {
            guard try zip.stream(path, limit: limit, { try xml.feed($0) }) else { return false }
            try xml.finish()
            return true
        } catch ZipParts.Failure.tooLarge {
            throw ImportError(file: file, problem: Messages.t("import.xlsx.huge", path, limit >> 20), hint: Messages.t("import.xlsx.huge.hint"))
        } catch ZipParts.Failure.damaged(let why) {
            throw ImportError(file: file, problem: Messages.t("import.xlsx.damaged", why), hint: Messages.t("hint.downloadAgain"))
        } catch let e as XMLPartError {
            throw ImportError(file: file, row: row(xml.reader), problem: Messages.t("import.xlsx.part", path, e.problem), hint: Messages.t("hint.againOrCSV"))
        }
    }

    public func rows(_ body: (SourceRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var sheet = SheetRows(shared: sharedStrings, dates1904: dates1904, body: body)
            do {
                // Damage inside the sheet names the row it was in, which the treasurer can find.
                _ = try Self.read(sheetPath, zip, limit, file, row: { $0.rowNumber > 0 ? $0.rowNumber : nil }, into: &sheet)
            } catch let e as SheetRows.Refusal {
                throw ImportError(file: file, sheet: sheetName, row: e.row, problem: e.problem, hint: Messages.t("hint.downloadAgain"))
            }
        }
    }
}

/// Attributes of every element with one of some local names (the small parts: workbook, relationships).
struct ElementAttributes: XMLPartReader {
    let names: Set<String>
    var found: [String: [[String: String]]] = [:]

    mutating func open(_ element: XMLElement) throws {
        let name = element.name.string
        if names.contains(name) { found[name, default: []].append(element.all) }
    }
}

/// `sharedStrings.xml`: <si> items, each plain <t> or rich-text runs <r><t>, concatenated; the
/// phonetic runs (<rPh>) are left out.
struct SharedStrings: XMLPartReader {
    var items: [String] = []
    private var current: [UInt8] = []
    private var inText = false
    private var phonetic = 0

    mutating func open(_ element: XMLElement) throws {
        if element.name.is("si") {
            current.removeAll(keepingCapacity: true)
        } else if element.name.is("t") {
            inText = true
        } else if element.name.is("rPh") {
            phonetic += 1
        }
    }
    mutating func close(_ name: XMLName) throws {
        if name.is("si") {
            items.append(String(decoding: current, as: UTF8.self))
        } else if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phonetic -= 1
        }
    }
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws { if inText && phonetic == 0 { current.append(contentsOf: bytes) } }
}

/// A worksheet's rows: places each cell by its `r="C3"` reference (empty cells are often simply
/// absent) and hands over each finished row.
struct SheetRows: XMLPartReader {
    let shared: [String]
    let dates1904: Bool
    let body: (SourceRow) throws -> Void
    private(set) var rowNumber = 0
    private var cells: [String] = []
    private var numeric: UInt64 = 0
    private var column = 0
    private var type = CellType.number
    private var value: [UInt8] = []
    private var inValue = false
    private var phonetic = 0
    private var lastRow = 0

    /// The cell types of ECMA-376 §18.18.11 that change how a value is read.
    enum CellType { case number, shared, bool, text }

    /// A row the sheet itself puts outside a worksheet.
    struct Refusal: Error {
        var row: Int
        var problem: String
    }

    init(shared: [String], dates1904: Bool = false, body: @escaping (SourceRow) throws -> Void) {
        self.shared = shared
        self.dates1904 = dates1904
        self.body = body
    }

    mutating func open(_ element: XMLElement) throws {
        let name = element.name
        if name.is("c") {
            if let ref = element.attribute("r") {
                guard let c = Self.columnIndex(ref) else {
                    // Quoted only when it looks like a reference: a damaged file's text may be anyone's data.
                    let shown =
                        ref.prefix(12).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
                        ? String(decoding: ref.prefix(12), as: UTF8.self) : "…"
                    throw Refusal(row: rowNumber, problem: Messages.t("xlsx.ref", shown))
                }
                column = c
            }
            if column >= Self.maxColumns { throw Refusal(row: rowNumber, problem: Messages.t("xlsx.columns", Self.maxColumns)) }
            type = Self.type(element.attribute("t"))
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") || name.is("t") {
            inValue = true
        } else if name.is("rPh") {
            phonetic += 1
        } else if name.is("row") {
            let r = element.string("r")
            rowNumber = r.flatMap { Int($0) } ?? lastRow + 1
            cells.removeAll(keepingCapacity: true)
            numeric = 0
            column = 0
            if !(1...Self.maxRows).contains(rowNumber) { throw Refusal(row: rowNumber, problem: Messages.t("xlsx.row", Self.maxRows)) }
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws { if inValue && phonetic == 0 { value.append(contentsOf: bytes) } }

    mutating func close(_ name: XMLName) throws {
        if name.is("v") || name.is("t") {
            inValue = false
        } else if name.is("c") {
            var text = String(decoding: value, as: UTF8.self)
            switch type {
            case .shared: if let i = Int(text), i >= 0, i < shared.count { text = shared[i] }
            case .bool: text = text == "1" ? "TRUE" : "FALSE"
            case .number, .text: break
            }
            while cells.count < column { cells.append("") }
            if cells.count == column { cells.append(text) } else { cells[column] = text }
            if type == .number && column < 64 { numeric |= 1 << UInt64(column) }
            column += 1
        } else if name.is("rPh") {
            phonetic -= 1
        } else if name.is("row") {
            lastRow = rowNumber
            try body(SourceRow(number: rowNumber, cells: cells, raw: JSONText.array(cells), numericMask: numeric, dates1904: dates1904))
        }
    }

    static func type(_ t: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let t else { return .number }
        let name = XMLName(bytes: t)
        if name.is("s") { return .shared }
        if name.is("b") { return .bool }
        if name.is("n") || t.isEmpty { return .number }
        return .text
    }

    /// A worksheet's bounds (Excel 2007 on): columns A…XFD, rows 1…1,048,576.
    static let maxColumns = 16_384, maxRows = 1_048_576

    /// "C3" → 2 (zero-based column); nil beyond XFD.
    static func columnIndex(_ ref: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0
        for u in ref {
            guard (65...90).contains(u) else { break }
            n = n * 26 + Int(u - 64)
            if n > maxColumns { return nil }
        }
        return max(0, n - 1)
    }

    /// 2 → "C", for error messages.
    static func columnName(_ index: Int) -> String { CellReference.column(index) }
}
