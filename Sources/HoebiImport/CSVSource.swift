import Foundation

/// A CSV file as rows. UTF-8 (with or without BOM) or CP949, which Korean Excel and most bank
/// exports write. RFC 4180 quoting; written here because a byte-level loop is what keeps a
/// million-row import near SQLite's own `.import` speed.
public struct CSVSource: SheetSource {
    public let sheetName: String? = nil
    let bytes: [UInt8]
    /// `,` or, for Excel's "Unicode text" and other tab-separated exports, a tab.
    var separator: UInt8 = 0x2C

    /// CP949 (Windows Korean). Linux Foundation has no name for it, only the CoreFoundation number.
    static let cp949 = String.Encoding(rawValue: 0x8000_0422)

    /// Text already decoded (UTF-8, UTF-16 or CP949); tab-separated when the first line has tabs
    /// and no commas.
    public init(text: String, file: String) throws {
        var t = text
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        bytes = Array(t.utf8)
        let firstLine = bytes.prefix { $0 != 0x0A }
        if firstLine.contains(0x09) && !firstLine.contains(0x2C) { separator = 0x09 }
    }

    public func rows(_ body: (SourceRow) throws -> Void) throws {
        var i = 0
        var line = 1
        let n = bytes.count
        var cells: [String] = []
        cells.reserveCapacity(16)
        var field: [UInt8] = []
        while i < n {
            let start = i
            let startLine = line
            cells.removeAll(keepingCapacity: true)
            var atRowEnd = false
            while !atRowEnd {
                field.removeAll(keepingCapacity: true)
                if i < n && bytes[i] == 0x22 {  // quoted field
                    i += 1
                    while i < n {
                        if bytes[i] == 0x22 {
                            if i + 1 < n && bytes[i + 1] == 0x22 {
                                field.append(0x22)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if bytes[i] == 0x0A { line += 1 }
                        field.append(bytes[i])
                        i += 1
                    }
                }
                while i < n && bytes[i] != separator && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    field.append(bytes[i])
                    i += 1
                }
                cells.append(String(decoding: field, as: UTF8.self))
                if i >= n {
                    atRowEnd = true
                } else if bytes[i] == separator {
                    i += 1
                } else {
                    atRowEnd = true
                }
            }
            var end = i
            if i < n && bytes[i] == 0x0D { i += 1 }
            if i < n && bytes[i] == 0x0A { i += 1 }
            line += 1
            while end > start && (bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A) { end -= 1 }
            try body(SourceRow(number: startLine, cells: cells, raw: String(decoding: bytes[start..<end], as: UTF8.self)))
        }
    }
}
