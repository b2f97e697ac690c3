import Foundation
import HoebiCore

/// One row of a sheet or CSV file, cells in column order (missing cells are empty strings).
public struct SourceRow {
    /// 1-based row number as a person sees it in a spreadsheet or text editor.
    public var number: Int
    public var cells: [String]
    /// The row as read (a CSV line, or the cells as a JSON array), stored beside the normalised row.
    public var raw: String
    /// Cells (of the first 64) that a workbook stores as numbers: only those can be date serials.
    public var numericMask: UInt64 = 0
    /// The workbook counts dates from 1904 (old Mac Excel): its serials are 1,462 days smaller.
    public var dates1904 = false

    public func isNumeric(_ column: Int) -> Bool { column < 64 && numericMask & (1 << UInt64(column)) != 0 }
}

/// Something that yields rows: a CSV file or one sheet of a workbook.
public protocol SheetSource {
    var sheetName: String? { get }
    func rows(_ body: (SourceRow) throws -> Void) throws
}

enum JSONText {
    /// A JSON array of strings, for keeping an xlsx row raw.
    static func array(_ items: [String]) -> String {
        var out = "["
        for (i, s) in items.enumerated() {
            if i > 0 { out += "," }
            SortedJSON.string(s, into: &out)
        }
        return out + "]"
    }
}
