import Foundation
import HoebiCore

/// The tables of an HTML page: KB국민's "엑셀 저장" is an HTML table with an .xls name, and other
/// banks' "Excel" downloads are too. A tolerant scan written here (Foundation's XML parser refuses
/// ordinary HTML): tags are recognised by name, `<br>` becomes a line break, entities are decoded,
/// and colspan/rowspan keep later cells in their columns. Each table is one source, in page order.
struct HTMLTables {
    let tables: [any SheetSource]

    /// nil when `text` is not an HTML page with a table.
    init?(_ text: String) {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard start.hasPrefix("<"), text.range(of: "<table", options: .caseInsensitive) != nil else { return nil }
        var tables: [[[String]]] = []
        var stack: [TableBuilder] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == "<" else {
                let end = text[i...].firstIndex(of: "<") ?? text.endIndex
                stack.last?.text(String(text[i..<end]))
                i = end
                continue
            }
            if text[i...].hasPrefix("<!--") {
                i = text.range(of: "-->", range: i..<text.endIndex)?.upperBound ?? text.endIndex
                continue
            }
            guard let close = text[i...].firstIndex(of: ">") else { break }
            let tag = text[text.index(after: i)..<close]
            i = text.index(after: close)
            let closing = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            switch (name, closing) {
            case ("table", false): stack.append(TableBuilder())
            case ("table", true):
                if let t = stack.popLast() {
                    t.endRow()
                    tables.append(t.rows)
                }
            case ("tr", false): stack.last?.startRow()
            case ("tr", true): stack.last?.endRow()
            case ("td", false), ("th", false): stack.last?.startCell(colspan: Self.number(tag, "colspan"), rowspan: Self.number(tag, "rowspan"))
            case ("td", true), ("th", true): stack.last?.endCell()
            case ("br", _), ("p", true), ("div", true): stack.last?.text("\n")
            case ("script", false), ("style", false):
                if let end = text.range(of: "</\(name)", options: .caseInsensitive, range: i..<text.endIndex) { i = end.lowerBound }
            default: break
            }
        }
        while let t = stack.popLast() {
            t.endRow()
            tables.append(t.rows)
        }
        self.tables = tables.enumerated().filter { !$0.element.isEmpty }.map { HTMLTableSource(name: "table \($0.offset + 1)", rows: $0.element) }
        if self.tables.isEmpty { return nil }
    }

    /// `colspan="4"` → 4 (bounded: a hostile page cannot make a row of millions of cells).
    static func number(_ tag: Substring, _ attribute: String) -> Int {
        guard let r = tag.range(of: attribute, options: .caseInsensitive) else { return 1 }
        let digits = tag[r.upperBound...].drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == " " }.prefix { $0.isASCIIDigit }
        return min(max(Int(digits) ?? 1, 1), 256)
    }

    /// `&amp;`, `&nbsp;`, `&#39;`, `&#xAC00;`.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let entity = s[s.index(after: i)..<semi]
                let decoded = entity == "nbsp" ? " " : CharacterReference.scalar(entity).map(String.init)
                if let decoded {
                    out += decoded
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}

/// Rows of one table being read; cells spanning rows reserve their columns in the rows below.
final class TableBuilder {
    private(set) var rows: [[String]] = []
    private var row: [String] = [], inRow = false
    private var cell = "", inCell = false
    private var colspan = 1, rowspan = 1
    /// column → rows still covered by a rowspan above.
    private var covered: [Int: Int] = [:]
    static let maxColumns = 16_384

    func startRow() {
        endRow()
        inRow = true
    }

    func endRow() {
        endCell()
        guard inRow else { return }
        rows.append(row)
        row = []
        inRow = false
        covered = covered.compactMapValues { $0 > 1 ? $0 - 1 : nil }
    }

    func startCell(colspan: Int, rowspan: Int) {
        endCell()
        inRow = true
        inCell = true
        cell = ""
        self.colspan = colspan
        self.rowspan = rowspan
    }

    func text(_ s: String) { if inCell { cell += s } }

    func endCell() {
        guard inCell else { return }
        inCell = false
        while covered[row.count] != nil, row.count < Self.maxColumns { row.append("") }
        let value = Normalise.nfc(
            HTMLTables.decodeEntities(cell).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " "))
        let column = row.count
        guard column < Self.maxColumns else { return }
        row.append(value)
        for _ in 1..<max(colspan, 1) where row.count < Self.maxColumns { row.append("") }
        if rowspan > 1 { for c in column..<(column + colspan) { covered[c] = rowspan } }
    }
}

struct HTMLTableSource: SheetSource {
    let name: String
    let rows: [[String]]
    var sheetName: String? { name }

    func rows(_ body: (SourceRow) throws -> Void) throws {
        for (i, cells) in rows.enumerated() {
            try body(SourceRow(number: i + 1, cells: cells, raw: JSONText.array(cells)))
        }
    }
}
