import Foundation
import HoebiCore

/// What a streamed XML part tells its reader, element by element. Names are local names (an `x:`
/// prefix, which some writers put on every element, is dropped); text arrives with its entities
/// decoded, possibly in several pieces, always as valid UTF-8.
protocol XMLPartReader {
    mutating func open(_ element: XMLElement) throws
    mutating func close(_ name: XMLName) throws
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

extension XMLPartReader {
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
    mutating func close(_ name: XMLName) throws {}
}

/// A name as it stands in the part, compared by bytes.
struct XMLName {
    let bytes: UnsafeBufferPointer<UInt8>

    func `is`(_ s: StaticString) -> Bool {
        s.utf8CodeUnitCount == bytes.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, s.utf8Start, bytes.count) == 0)
    }
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// An opening tag: its local name and its attributes, read when asked for.
struct XMLElement {
    struct Attribute {
        var name: Range<Int>
        var value: Range<Int>
        /// The value is in `decoded` (it held an entity), not in the tag.
        var decoded: Bool
    }
    let name: XMLName
    fileprivate let attributes: [Attribute]
    fileprivate let tag: UnsafeBufferPointer<UInt8>
    fileprivate let decoded: UnsafeBufferPointer<UInt8>

    private func value(_ a: Attribute) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: (a.decoded ? decoded : tag)[a.value]) }
    private func name(_ a: Attribute) -> XMLName { XMLName(bytes: UnsafeBufferPointer(rebasing: tag[a.name])) }

    /// The value of the attribute with this qualified name (`r`, `t`, `r:id`).
    func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        attributes.first { self.name($0).is(name) }.map(value)
    }
    func string(_ name: StaticString) -> String? { attribute(name).map { String(decoding: $0, as: UTF8.self) } }
    /// Every attribute by qualified name (for the small parts: workbook, relationships).
    var all: [String: String] {
        var out: [String: String] = [:]
        for a in attributes { out[name(a).string] = String(decoding: value(a), as: UTF8.self) }
        return out
    }
}

/// A refusal of the part's XML, in words for "the xlsx part … {problem}".
struct XMLPartError: Error {
    var problem: String
}

/// A push reader of XML, fed a part's bytes in the chunks they inflate in, so a worksheet is never
/// held whole. Written here because Foundation's XMLParser (libxml2) was three quarters of an
/// xlsx import's time, wants an NSObject delegate and a String for every callback, and traps on
/// some damaged input. It reads what spreadsheet parts hold: elements, attributes, text with the
/// predefined and numeric entities, CDATA and comments. A DTD (whose entities could expand without
/// bound), processing instructions other than the declaration, invalid UTF-8, unbalanced tags and
/// nesting deeper than any spreadsheet are refused. Each byte is looked at a bounded number of
/// times: an unfinished token is tried again only once the bytes waiting have doubled.
struct XMLStream<Reader: XMLPartReader> {
    var reader: Reader
    private var pending: [UInt8] = []
    private var retryAt = 0
    private var started = false
    /// The open elements' qualified names, end to end, and where each ends.
    private var names: [UInt8] = []
    private var nameEnds: [Int] = []
    private var sawRoot = false
    private var scratch: [UInt8] = []
    private var attributes: [XMLElement.Attribute] = []
    static var maxDepth: Int { 64 }

    init(_ reader: Reader) { self.reader = reader }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: chunk)
        guard pending.count >= retryAt else { return }
        try drain(final: false)
    }

    /// The part has ended: anything unfinished is an error.
    mutating func finish() throws {
        try drain(final: true)
        // No refusal quotes the part: a damaged file's names and text may be anyone's data.
        guard nameEnds.isEmpty else { throw malformed(Messages.t("xml.unclosed")) }
        guard sawRoot else { throw malformed(Messages.t("xml.empty")) }
    }

    private mutating func drain(final: Bool) throws {
        let buffer = pending
        let used = try buffer.withUnsafeBufferPointer { try scan($0, final: final) }
        pending = used == buffer.count ? [] : Array(buffer[used...])
        retryAt = 2 * pending.count
    }

    private func malformed(_ detail: String) -> XMLPartError { XMLPartError(problem: Messages.t("xml.malformed", detail)) }

    private enum Token {
        case open(gt: Int)
        case close(nameEnd: Int)
        case declaration, comment
        case cdata(end: Int)
    }

    /// Reads whole tokens from `b`; returns how many bytes were used (the rest waits for more).
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, final: Bool) throws -> Int {
        var i = 0
        if !started, b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count {
            if b[i] != 0x3C {  // text up to the next "<"
                guard let stop = Bytes.find(b, 0x3C, from: i) ?? (final ? b.count : nil) else { break }
                try utf8(b, i, stop)
                try text(UnsafeBufferPointer(rebasing: b[i..<stop]))
                i = stop
                continue
            }
            guard let (token, end) = try token(b, at: i, final: final) else { break }
            try utf8(b, i, end)
            switch token {
            case .open(let gt): try open(b, i + 1, gt)
            case .close(let nameEnd):
                var e = nameEnd
                while e > i + 2, Bytes.space(b[e - 1]) { e -= 1 }
                try close(UnsafeBufferPointer(rebasing: b[(i + 2)..<e]))
            case .declaration:
                guard !started, Bytes.starts(b, i, "<?xml"), Bytes.space(b[i + 5]) || b[i + 5] == 0x3F else {
                    throw XMLPartError(problem: Messages.t("xml.pi"))
                }
            case .comment: break
            case .cdata(let contentEnd):
                guard !nameEnds.isEmpty else { throw malformed(Messages.t("xml.outside")) }
                try reader.text(UnsafeBufferPointer(rebasing: b[(i + 9)..<contentEnd]))
            }
            started = true
            i = end
        }
        if final, i < b.count { throw malformed(Messages.t("xml.cut")) }
        return i
    }

    /// The markup starting at `b[i]` ("<"), and the index after it; nil while it is unfinished.
    private func token(_ b: UnsafeBufferPointer<UInt8>, at i: Int, final: Bool) throws -> (Token, Int)? {
        guard i + 1 < b.count else { return nil }
        switch b[i + 1] {
        case 0x2F:  // "</name>"
            return Bytes.find(b, 0x3E, from: i).map { (.close(nameEnd: $0), $0 + 1) }
        case 0x3F:  // "<?…?>"
            return Bytes.find(b, "?>", from: i + 2).map { (.declaration, $0 + 2) }
        case 0x21:  // "<!": a comment, CDATA, or a DTD
            if Bytes.starts(b, i, "<!--") { return Bytes.find(b, "-->", from: i + 4).map { (.comment, $0 + 3) } }
            if Bytes.starts(b, i, "<![CDATA[") { return Bytes.find(b, "]]>", from: i + 9).map { (.cdata(end: $0), $0 + 3) } }
            if !final && (Bytes.mayStart(b, i, "<!--") || Bytes.mayStart(b, i, "<![CDATA[")) { return nil }
            throw XMLPartError(problem: Messages.t("xml.dtd"))
        default:
            return Bytes.tagEnd(b, from: i + 1).map { (.open(gt: $0), $0 + 1) }
        }
    }

    /// `b[from..<gt]` is the inside of "<…>".
    private mutating func open(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ gt: Int) throws {
        guard b[gt] == 0x3E else { throw malformed(Messages.t("xml.tag")) }
        var last = gt
        let selfClosing = last > from && b[last - 1] == 0x2F
        if selfClosing { last -= 1 }
        var i = from
        while i < last, Bytes.nameByte(b[i]) { i += 1 }
        guard i > from, Bytes.nameStart(b[from]) else { throw malformed(Messages.t("xml.tag")) }
        let name = UnsafeBufferPointer(rebasing: b[from..<i])
        guard !nameEnds.isEmpty || !sawRoot else { throw malformed(Messages.t("xml.outside")) }
        // Attributes: name="value" or name='value'; values holding "&" are decoded into `scratch`.
        scratch.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        while true {
            while i < last, Bytes.space(b[i]) { i += 1 }
            if i == last { break }
            let n0 = i
            while i < last, Bytes.nameByte(b[i]) { i += 1 }
            let n1 = i
            while i < last, Bytes.space(b[i]) { i += 1 }
            guard n1 > n0, i < last, b[i] == 0x3D else { throw malformed(Messages.t("xml.tag")) }
            i += 1
            while i < last, Bytes.space(b[i]) { i += 1 }
            guard i < last, b[i] == 0x22 || b[i] == 0x27, let close = Bytes.find(UnsafeBufferPointer(rebasing: b[..<last]), b[i], from: i + 1) else {
                throw malformed(Messages.t("xml.tag"))
            }
            let raw = UnsafeBufferPointer(rebasing: b[(i + 1)..<close])
            if raw.contains(0x26) {
                let s0 = scratch.count
                try decode(raw, into: &scratch)
                attributes.append(.init(name: n0..<n1, value: s0..<scratch.count, decoded: true))
            } else {
                attributes.append(.init(name: n0..<n1, value: (i + 1)..<close, decoded: false))
            }
            i = close + 1
        }
        if !selfClosing {
            guard nameEnds.count < Self.maxDepth else { throw malformed(Messages.t("xml.deep", Self.maxDepth)) }
            names.append(contentsOf: name)
            nameEnds.append(names.count)
        }
        sawRoot = true
        let local = XMLName(bytes: Bytes.local(name))
        let decoded = scratch
        try decoded.withUnsafeBufferPointer { d in
            try reader.open(XMLElement(name: local, attributes: attributes, tag: b, decoded: d))
        }
        if selfClosing { try reader.close(local) }
    }

    private mutating func close(_ name: UnsafeBufferPointer<UInt8>) throws {
        guard let top = nameEnds.last else { throw malformed(Messages.t("xml.stray")) }
        let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        guard names[start..<top].elementsEqual(name) else {
            throw malformed(Messages.t("xml.mismatch"))
        }
        names.removeSubrange(start...)
        nameEnds.removeLast()
        try reader.close(XMLName(bytes: Bytes.local(name)))
    }

    private mutating func text(_ run: UnsafeBufferPointer<UInt8>) throws {
        if nameEnds.isEmpty {
            guard run.allSatisfy(Bytes.space) else { throw malformed(Messages.t("xml.outside")) }
            return
        }
        if !run.contains(0x26) { return try reader.text(run) }
        scratch.removeAll(keepingCapacity: true)
        try decode(run, into: &scratch)
        let decoded = scratch
        try decoded.withUnsafeBufferPointer { try reader.text($0) }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#…;` `&#x…;`; any other is an error (only a DTD
    /// could define more).
    private func decode(_ run: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) throws {
        var i = 0
        while i < run.count {
            guard run[i] == 0x26 else {
                out.append(run[i])
                i += 1
                continue
            }
            guard let semi = run[i...].prefix(12).firstIndex(of: 0x3B) else { throw malformed(Messages.t("xml.entity")) }
            let scalar = CharacterReference.scalar(Substring(String(decoding: UnsafeBufferPointer(rebasing: run[(i + 1)..<semi]), as: UTF8.self)))
            guard let scalar else { throw malformed(Messages.t("xml.entity")) }
            out.append(contentsOf: String(scalar).utf8)
            i = semi + 1
        }
    }

    private func utf8(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
        guard UTF8Check.valid(UnsafeBufferPointer(rebasing: b[from..<to])) else { throw XMLPartError(problem: Messages.t("xml.utf8")) }
    }
}

/// What `&name;` stands for in XML and in HTML alike: the five predefined names and numeric
/// references (decimal or hexadecimal) to any scalar but NUL. HTML adds `&nbsp;` on its own.
enum CharacterReference {
    static func scalar(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst(), radix: 10)
            } else {
                number = nil
            }
            guard let number, number != 0 else { return nil }
            return Unicode.Scalar(number)
        }
    }
}

/// Byte searches and classes for `XMLStream`.
enum Bytes {
    static func find(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress, let p = memchr(base + from, Int32(byte), b.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, from: Int) -> Int? {
        var i = from
        while let at = find(b, s.utf8Start[0], from: i) {
            if starts(b, at, s) { return at }
            guard at + s.utf8CodeUnitCount <= b.count else { return nil }
            i = at + 1
        }
        return nil
    }

    static func starts(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: StaticString) -> Bool {
        at + s.utf8CodeUnitCount <= b.count && memcmp(b.baseAddress! + at, s.utf8Start, s.utf8CodeUnitCount) == 0
    }

    /// The bytes from `at` to the end are the beginning of `s`.
    static func mayStart(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: StaticString) -> Bool {
        let n = b.count - at
        return n < s.utf8CodeUnitCount && memcmp(b.baseAddress! + at, s.utf8Start, n) == 0
    }

    /// The ">" that ends a tag, outside quoted attribute values (or a stray "<", which `open` refuses).
    static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var quote: UInt8 = 0
        for i in from..<b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E || c == 0x3C {
                return i
            }
        }
        return nil
    }

    static func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    static func nameByte(_ c: UInt8) -> Bool {
        !(space(c) || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x22 || c == 0x27 || c == 0x3C || c == 0x26)
    }

    static func nameStart(_ c: UInt8) -> Bool { c >= 0x80 || (0x61...0x7A).contains(c | 0x20) || c == 0x5F || c == 0x3A }

    /// The name after its last ":" (`x:row` → `row`).
    static func local(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let colon = b.lastIndex(of: 0x3A) else { return b }
        return UnsafeBufferPointer(rebasing: b[(colon + 1)...])
    }
}

/// A UTF-8 check over bytes (Swift's own is reachable only by building a String).
enum UTF8Check {
    static func valid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                high = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let second = b[i + 1]
            guard second >= low, second <= high else { return false }
            var k = 2
            while k <= need {
                guard b[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
