import Foundation
import ZIPFoundation

/// Writes .xlsx workbooks: typed cells (text, whole numbers), a few styles (bold headers, status
/// colours, thousands separators), column widths, frozen header rows. Written here (ZIPFoundation
/// does the zip) because no listed package writes xlsx.
public enum XLSXWriter {
    public enum Style: Int, Sendable {
        case plain = 0
        case header
        case paid
        case partial
        case unpaid
        case exempt
        case paused
        case number
        case boldNumber
    }

    public enum Cell: Sendable {
        case text(String, Style = .plain)
        case number(Int64, Style = .number)
        /// A formula (`SUM(B2:B9)`, without '='), computed by the program that opens the file: the
        /// workbook asks for a full calculation on load, so no cached value can disagree with it.
        case formula(String, Style = .number)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Widths in characters, by column; missing ones are Excel's default.
        public var widths: [Double]
        /// Rows (from the top) and columns (from the left) kept in view while scrolling.
        public var frozenRows: Int
        public var frozenColumns: Int
        /// Printed on A4 landscape, every column on one page width (a member × period grid is wide).
        public var printLandscapeFitWidth: Bool
        /// Printed on A4 portrait, one page wide (a statement of a few columns).
        public var printPortrait = false
        public init(
            name: String, rows: [[Cell]], widths: [Double] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
            printLandscapeFitWidth: Bool = false
        ) {
            self.name = name
            self.rows = rows
            self.widths = widths
            self.frozenRows = frozenRows
            self.frozenColumns = frozenColumns
            self.printLandscapeFitWidth = printLandscapeFitWidth
        }
    }

    /// A one-sheet workbook of text cells (the demo's sample statement, the benchmark).
    public static func write(rows: [[String]], sheetName: String, to url: URL) throws {
        try write(sheets: [Sheet(name: sheetName, rows: rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })], to: url)
    }

    public static func write(sheets: [Sheet], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<(Int(pos) + size))
            }
        }
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let overrides = sheets.indices.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        try add(
            "[Content_Types].xml",
            head
                + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
                + overrides + "</Types>")
        try add(
            "_rels/.rels",
            head
                + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        var names = Set<String>()
        let sheetList = sheets.enumerated().map { i, s -> String in
            // Excel: at most 31 characters, none of []:*?/\, unique.
            var n = String(s.name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if n.isEmpty || names.contains(n) { n = "Sheet\(i + 1)" }
            names.insert(n)
            return #"<sheet name="\#(escape(n))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }.joined()
        try add(
            "xl/workbook.xml",
            head
                + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + sheetList + #"</sheets><calcPr fullCalcOnLoad="1"/></workbook>"#)
        let rels =
            sheets.indices.map {
                #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        try add(
            "xl/_rels/workbook.xml.rels",
            head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels + "</Relationships>")
        try add("xl/styles.xml", head + styles)
        for (i, s) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", sheetXML(s)) }
    }

    /// Fills: paid green, partial yellow, unpaid red, exempt grey, paused lavender (as in the HTML).
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9F2D9"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFF8D7DA"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFE2E3E5"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFE8E0F4"/></patternFill></fill></fills>\
        <borders count="1"><border/></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="6" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>\
        </styleSheet>
        """

    static func sheetXML(_ s: Sheet) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if s.printLandscapeFitWidth || s.printPortrait { x += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        if s.frozenRows > 0 || s.frozenColumns > 0 {
            let cell = CellReference.column(s.frozenColumns) + String(s.frozenRows + 1)
            x += "<sheetViews><sheetView workbookViewId=\"0\"><pane"
            if s.frozenColumns > 0 { x += " xSplit=\"\(s.frozenColumns)\"" }
            if s.frozenRows > 0 { x += " ySplit=\"\(s.frozenRows)\"" }
            x += " topLeftCell=\"\(cell)\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !s.widths.isEmpty {
            x +=
                "<cols>"
                + s.widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined()
                + "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in s.rows.enumerated() {
            x += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(CellReference.column(c))\(r + 1)"
                switch cell {
                case .empty: continue
                case .text(let v, let style):
                    x +=
                        "<c r=\"\(ref)\" t=\"inlineStr\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><is><t xml:space=\"preserve\">\(escape(v))</t></is></c>"
                case .number(let v, let style):
                    x += "<c r=\"\(ref)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><v>\(v)</v></c>"
                case .formula(let f, let style):
                    x += "<c r=\"\(ref)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><f>\(escape(f))</f></c>"
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if s.printLandscapeFitWidth {
            // paperSize 9 is A4; fitToHeight 0 lets the rows run onto as many pages as they need.
            x += #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
            x += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        } else if s.printPortrait {
            x += #"<pageMargins left="0.6" right="0.6" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>"#
            x += #"<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>"#
        }
        return x + "</worksheet>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
