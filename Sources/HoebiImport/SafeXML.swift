import Foundation

/// What Foundation's XML parser (libxml2 underneath) is handed, checked first: it traps on some
/// inputs a damaged file can hold (a processing instruction without data, invalid UTF-8 in a
/// name), and a DTD could define entities that expand without bound. Spreadsheet parts and
/// encryption descriptors never hold either, so both are refused.
enum SafeXML {
    /// nil when `data` may be parsed, otherwise what is wrong with it.
    static func problem(_ data: Data) -> String? {
        guard String(validating: data, as: UTF8.self) != nil else { return "is not valid UTF-8 text" }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let b = raw.bindMemory(to: UInt8.self)
            var start = 0
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
            while start < b.count, [0x20, 0x09, 0x0A, 0x0D].contains(b[start]) { start += 1 }
            var i = start
            while i + 1 < b.count {
                if b[i] == 0x3C {  // "<"
                    let next = b[i + 1]
                    if next == 0x3F {  // "<?": only the XML declaration, and only at the start
                        let isDeclaration =
                            i == start && i + 5 < b.count && b[i + 2] == 0x78 && b[i + 3] == 0x6D && b[i + 4] == 0x6C && (b[i + 5] == 0x20 || b[i + 5] == 0x3F)
                        if !isDeclaration { return "holds a processing instruction, which no spreadsheet has" }
                    } else if next == 0x21, i + 2 < b.count, b[i + 2] != 0x2D, b[i + 2] != 0x5B {  // "<!" not a comment or CDATA
                        return "holds a document type declaration, which no spreadsheet has"
                    }
                }
                i += 1
            }
            return nil
        }
    }
}
