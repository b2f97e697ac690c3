import Foundation
import HoebiCore

/// Old binary Excel workbooks (.xls, BIFF8 and BIFF5), the `Workbook`/`Book` stream of a compound
/// file: 신한, 새마을금고 and some 우리 exports. Written here because no listed package reads BIFF.
/// Reads only cell values: shared strings (SST, with CONTINUE), LABELSST, LABEL, NUMBER, RK,
/// MULRK, FORMULA results (numbers and STRING), BOOLERR; every worksheet, in workbook order.
/// Numbers are handed on as decimal text, date serials shifted to the 1900 system, so the statement
/// reader treats them exactly as xlsx cells.
struct BIFFWorkbook {
    struct Failure: Error { var problem: String }
    struct Sheet {
        var name: String
        var rows: [Int: [Int: (String, Bool)]]
        var dates1904 = false
    }  // row → column → (text, is number)

    private(set) var sheets: [Sheet] = []

    init(stream: [UInt8]) throws {
        var records: [(type: UInt16, data: ArraySlice<UInt8>)] = []
        var at = 0
        while at + 4 <= stream.count {
            let type = UInt16(stream[at]) | UInt16(stream[at + 1]) << 8
            let length = Int(stream[at + 2]) | Int(stream[at + 3]) << 8
            guard at + 4 + length <= stream.count else { break }  // a short last record: read what is whole
            records.append((type, stream[(at + 4)..<(at + 4 + length)]))
            at += 4 + length
        }
        guard let first = records.first, first.type == 0x0809 || first.type == 0x0409 || first.type == 0x0209 else {
            throw Failure(problem: "the workbook stream does not start like an Excel workbook")
        }
        let version = first.data.count >= 2 ? Int(first.data[first.data.startIndex]) | Int(first.data[first.data.startIndex + 1]) << 8 : 0
        let biff8 = version == 0x0600
        guard biff8 || version == 0x0500 else { throw Failure(problem: "an Excel 95 or older workbook (BIFF version 0x\(String(version, radix: 16)))") }
        var codepage = String.Encoding(rawValue: 0x8000_0422)  // CP949 unless the workbook says otherwise
        var dates1904 = false
        var sst: [String] = []
        var names: [String] = []
        var sheetIndex = -1
        var current: [Int: [Int: (String, Bool)]] = [:]
        var inSheet = false
        var pendingString: (row: Int, col: Int)?
        func put(_ row: Int, _ col: Int, _ text: String, number: Bool) {
            guard row < 65_536, col < 256 else { return }
            current[row, default: [:]][col] = (text, number)
        }
        var i = 0
        while i < records.count {
            let (type, d) = records[i]
            var r = Reader(d)
            switch type {
            case 0x002F:  // FILEPASS
                throw Failure(
                    problem: r.u16() == 0
                        ? "the .xls is protected with XOR obfuscation"
                        : "the .xls is password-protected (RC4 / CryptoAPI encryption), which Hoebi cannot decrypt")
            case 0x0042: codepage = Self.encoding(r.u16())
            case 0x0022: dates1904 = r.u16() == 1
            case 0x0085:  // BOUNDSHEET: the sheets in workbook order
                _ = r.u32()
                _ = r.u16()
                names.append(biff8 ? r.shortUnicode() : r.byteString(Int(r.u8()), codepage))
            case 0x00FC:  // SST, continued in CONTINUE records
                var parts = [d]
                while i + 1 < records.count, records[i + 1].type == 0x003C {
                    i += 1
                    parts.append(records[i].data)
                }
                sst = Self.sharedStrings(parts)
            case 0x0809 where records[i].data.count >= 4:
                let kind = Int(d[d.startIndex + 2]) | Int(d[d.startIndex + 3]) << 8
                inSheet = kind == 0x0010
                if inSheet {
                    sheetIndex += 1
                    current = [:]
                }
            case 0x000A:  // EOF of a substream
                if inSheet {
                    sheets.append(Sheet(name: sheetIndex < names.count ? names[sheetIndex] : "Sheet\(sheetIndex + 1)", rows: current, dates1904: dates1904))
                    inSheet = false
                }
            case 0x00FD where inSheet:  // LABELSST
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                let index = Int(r.u32())
                put(row, col, index < sst.count ? sst[index] : "", number: false)
            case 0x0204 where inSheet:  // LABEL
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                put(row, col, biff8 ? r.unicode(Int(r.u16())) : r.byteString(Int(r.u16()), codepage), number: false)
            case 0x0203 where inSheet:  // NUMBER
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                put(row, col, Self.text(r.double()), number: true)
            case 0x027E where inSheet:  // RK
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                put(row, col, Self.text(Self.rk(r.u32())), number: true)
            case 0x00BD where inSheet:  // MULRK: row, first column, (xf, rk)…, last column
                let row = r.u16()
                var col = r.u16()
                while r.remaining >= 8 {
                    _ = r.u16()
                    put(row, col, Self.text(Self.rk(r.u32())), number: true)
                    col += 1
                }
            case 0x0006 where inSheet:  // FORMULA: the cached result
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                let result = r.bytes(8)
                if result.count == 8, result[6] == 0xFF, result[7] == 0xFF {
                    switch result[0] {
                    case 0: pendingString = (row, col)  // the text follows in a STRING record
                    case 1: put(row, col, result[2] == 0 ? "FALSE" : "TRUE", number: false)
                    default: break  // error or empty
                    }
                } else if result.count == 8 {
                    let bits = result.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    put(row, col, Self.text(Double(bitPattern: bits)), number: true)
                }
            case 0x0207 where inSheet:  // STRING: a formula's text result
                if let p = pendingString {
                    put(p.row, p.col, biff8 ? r.unicode(Int(r.u16())) : r.byteString(Int(r.u16()), codepage), number: false)
                    pendingString = nil
                }
            case 0x0205 where inSheet:  // BOOLERR
                let row = r.u16(), col = r.u16()
                _ = r.u16()
                let value = r.u8(), isError = r.u8()
                if isError == 0 { put(row, col, value == 0 ? "FALSE" : "TRUE", number: false) }
            default: break
            }
            i += 1
        }
        if inSheet { sheets.append(Sheet(name: sheetIndex < names.count ? names[sheetIndex] : "Sheet\(sheetIndex + 1)", rows: current, dates1904: dates1904)) }
    }

    /// An RK value: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.
    static func rk(_ v: UInt32) -> Double {
        let value = v & 2 != 0 ? Double(Int32(bitPattern: v) >> 2) : Double(bitPattern: UInt64(v & 0xFFFF_FFFC) << 32)
        return v & 1 != 0 ? value / 100 : value
    }

    /// A number as the text a person would type: whole numbers without a fraction, others in
    /// Swift's shortest exact form.
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func encoding(_ codepage: Int) -> String.Encoding {
        switch codepage {
        case 1200, 65001: return .utf8
        case 1252, 32769: return .windowsCP1252
        default: return String.Encoding(rawValue: 0x8000_0422)  // 949 and anything unknown: Korean
        }
    }

    /// The SST's strings; a string's characters may continue in the next CONTINUE record, which
    /// then starts with a fresh "high byte" flag.
    static func sharedStrings(_ parts: [ArraySlice<UInt8>]) -> [String] {
        var r = Reader(parts)
        _ = r.u32()
        let unique = Int(r.u32())
        var out: [String] = []
        out.reserveCapacity(min(unique, 100_000))
        while out.count < unique, !r.isAtEnd {
            let count = Int(r.u16())
            let flags = r.u8()
            let runs = flags & 0x08 != 0 ? Int(r.u16()) : 0
            let ext = flags & 0x04 != 0 ? Int(r.u32()) : 0
            out.append(r.characters(count, wide: flags & 0x01 != 0, continuing: true))
            r.skip(runs * 4 + ext)
        }
        return out
    }

    /// Bytes across record boundaries (for the SST), bounds-checked: a short record yields zeros,
    /// never a trap.
    struct Reader {
        private var parts: [ArraySlice<UInt8>]
        private var part = 0
        private var at: Int

        init(_ data: ArraySlice<UInt8>) { self.init([data]) }
        init(_ parts: [ArraySlice<UInt8>]) {
            self.parts = parts
            at = parts.first?.startIndex ?? 0
        }

        var remaining: Int {
            guard part < parts.count else { return 0 }
            return parts[part].endIndex - at + parts.dropFirst(part + 1).reduce(0) { $0 + $1.count }
        }

        /// `remaining == 0` without adding up every record: asked once a character in the SST.
        var isAtEnd: Bool {
            var p = part, a = at
            while p < parts.count {
                if a < parts[p].endIndex { return false }
                p += 1
                if p < parts.count { a = parts[p].startIndex }
            }
            return true
        }

        private mutating func nextPartIfDone() -> Bool {
            while part < parts.count, at >= parts[part].endIndex {
                part += 1
                guard part < parts.count else { return false }
                at = parts[part].startIndex
                return true
            }
            return false
        }

        mutating func u8() -> UInt8 {
            _ = nextPartIfDone()
            guard part < parts.count else { return 0 }
            defer { at += 1 }
            return parts[part][at]
        }
        mutating func u16() -> Int { Int(u8()) | Int(u8()) << 8 }
        mutating func u32() -> UInt32 { (0..<4).reduce(UInt32(0)) { acc, k in acc | UInt32(u8()) << (8 * UInt32(k)) } }
        mutating func double() -> Double { Double(bitPattern: (0..<8).reduce(UInt64(0)) { acc, k in acc | UInt64(u8()) << (8 * UInt64(k)) }) }
        /// Up to `n` bytes; stops at the end of the data (a damaged count can claim billions).
        mutating func bytes(_ n: Int) -> [UInt8] {
            var out: [UInt8] = []
            for _ in 0..<max(0, n) {
                if isAtEnd { break }
                out.append(u8())
            }
            return out
        }
        mutating func skip(_ n: Int) { _ = bytes(n) }

        /// `count` characters, one or two bytes each; with `continuing`, a record boundary in the
        /// middle restarts with its own width flag.
        mutating func characters(_ count: Int, wide: Bool, continuing: Bool = false) -> String {
            var units: [UInt16] = []
            var wide = wide
            for _ in 0..<count {
                if continuing, part < parts.count, at >= parts[part].endIndex, nextPartIfDone() {
                    wide = u8() & 0x01 != 0
                }
                guard !isAtEnd else { break }
                units.append(wide ? UInt16(u16()) : UInt16(u8()))
            }
            return Normalise.nfc(String(decoding: units, as: UTF16.self))
        }

        /// XLUnicodeString: flags then characters (BIFF8 LABEL and STRING).
        mutating func unicode(_ count: Int) -> String {
            let flags = u8()
            return characters(count, wide: flags & 0x01 != 0)
        }

        /// ShortXLUnicodeString: an 8-bit count, flags, characters (sheet names).
        mutating func shortUnicode() -> String {
            let n = Int(u8())
            return unicode(n)
        }

        /// BIFF5: bytes in the workbook's code page.
        mutating func byteString(_ count: Int, _ encoding: String.Encoding) -> String {
            let b = bytes(count)
            return Normalise.nfc(String(data: Data(b), encoding: encoding) ?? String(decoding: b, as: UTF8.self))
        }
    }
}

/// One worksheet of a BIFF workbook as rows.
struct BIFFSheetSource: SheetSource {
    let sheet: BIFFWorkbook.Sheet
    var sheetName: String? { sheet.name }

    func rows(_ body: (SourceRow) throws -> Void) throws {
        for r in sheet.rows.keys.sorted() {
            guard let cells = sheet.rows[r], let last = cells.keys.max() else { continue }
            var values = [String](repeating: "", count: last + 1)
            var numeric: UInt64 = 0
            for (c, v) in cells {
                values[c] = v.0
                if v.1 && c < 64 { numeric |= 1 << UInt64(c) }
            }
            try body(SourceRow(number: r + 1, cells: values, raw: JSONText.array(values), numericMask: numeric, dates1904: sheet.dates1904))
        }
    }
}
