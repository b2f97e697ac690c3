/// A strict reading of `hoebi.json` before it is decoded: RFC 8259 syntax only (Foundation's
/// decoder lets a trailing comma through and says only "not valid JSON"), every error with its
/// line and column, and each object's keys with where they stand, so unknown and repeated keys can
/// be named. Written by hand because no library on the stack reports positions or keeps key order.
public enum StrictJSON {
    public indirect enum Node: Sendable {
        case object([(key: String, value: Node, line: Int, column: Int)])
        case array([Node])
        case scalar
    }

    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var column: Int
        public var problem: String
        public var description: String { Messages.t("json.at", line, column, problem) }
    }

    public static func parse(_ bytes: [UInt8]) throws -> Node {
        var p = Parser(b: bytes)
        if p.b.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }  // a UTF-8 BOM, as Windows editors write
        p.space()
        let node = try p.value(depth: 0)
        p.space()
        if p.i < p.b.count { throw p.fail(Messages.t("json.after")) }
        return node
    }

    struct Parser {
        let b: [UInt8]
        var i = 0

        /// Where each line begins, so a position costs a binary search, not a scan from the top.
        let lineStarts: [Int]

        init(b: [UInt8]) {
            self.b = b
            var starts = [0]
            for (k, c) in b.enumerated() where c == 0x0A { starts.append(k + 1) }
            lineStarts = starts
        }

        /// Line and column (counting characters, not bytes: Hangul is three bytes) of byte `at`.
        func position(_ at: Int) -> (Int, Int) {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= at { lo = mid } else { hi = mid - 1 }
            }
            let start = lineStarts[lo]
            let column = 1 + b[start..<min(max(at, start), b.count)].filter { $0 & 0xC0 != 0x80 }.count
            return (lo + 1, column)
        }

        /// Where the last key stood: keys are asked for in document order, so each one's column is
        /// counted on from the previous key's (a whole file written on one line, as a program
        /// writes JSON, would otherwise cost a scan from the line's start per key: quadratic).
        var last = (at: 0, line: 0, column: 1)

        /// `position`, counted on from the previous key when it is on the same line.
        mutating func keyPosition(_ at: Int) -> (Int, Int) {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= at { lo = mid } else { hi = mid - 1 }
            }
            let from = lo == last.line && at >= last.at ? last.at : lineStarts[lo]
            let base = from == lineStarts[lo] ? 1 : last.column
            let column = base + b[from..<min(max(at, from), b.count)].filter { $0 & 0xC0 != 0x80 }.count
            last = (at, lo, column)
            return (lo + 1, column)
        }

        func fail(_ problem: String, at: Int? = nil) -> SyntaxError {
            let (l, c) = position(at ?? i)
            return SyntaxError(line: l, column: c, problem: problem)
        }

        mutating func space() { while i < b.count, [0x20, 0x09, 0x0A, 0x0D].contains(b[i]) { i += 1 } }

        var found: String {
            guard i < b.count else { return Messages.t("json.eof") }
            let c = b[i]
            return c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : Messages.t("json.byte", String(c, radix: 16))
        }

        mutating func value(depth: Int) throws -> Node {
            guard depth < 64 else { throw fail(Messages.t("json.deep")) }
            guard i < b.count else { throw fail(Messages.t("json.ends")) }
            switch b[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""):
                _ = try string()
                return .scalar
            case UInt8(ascii: "t"):
                try word("true")
                return .scalar
            case UInt8(ascii: "f"):
                try word("false")
                return .scalar
            case UInt8(ascii: "n"):
                try word("null")
                return .scalar
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
                return .scalar
            default: throw fail(Messages.t("json.value", found))
            }
        }

        mutating func word(_ w: String) throws {
            let bytes = Array(w.utf8)
            guard b.count - i >= bytes.count, Array(b[i..<(i + bytes.count)]) == bytes else { throw fail(Messages.t("json.word", w, found)) }
            i += bytes.count
        }

        mutating func number() throws {
            let start = i
            if b[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                var n = 0
                while i < b.count, (0x30...0x39).contains(b[i]) {
                    i += 1
                    n += 1
                }
                return n
            }
            guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail(Messages.t("json.digits"), at: start) }
            if b[i] == 0x30 {
                i += 1
                if i < b.count, (0x30...0x39).contains(b[i]) { throw fail(Messages.t("json.zero"), at: start) }
            } else {
                _ = digits()
            }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                if digits() == 0 { throw fail(Messages.t("json.point")) }
            }
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                if digits() == 0 { throw fail(Messages.t("json.exponent")) }
            }
        }

        mutating func string() throws -> String {
            let start = i
            i += 1
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c < 0x20 { throw fail(Messages.t(c == 0x0A ? "json.stringLine" : "json.control")) }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { break }
                    let e = b[i + 1]
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                        out.append(e)
                        i += 2
                    case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        out.append(0x20)
                        i += 2
                    case UInt8(ascii: "u"):
                        guard i + 6 <= b.count, b[(i + 2)..<(i + 6)].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else {
                            throw fail(Messages.t("json.hex"))
                        }
                        out.append(0x3F)
                        i += 6  // the key check only needs ASCII keys to stay exact
                    default: throw fail(Messages.t("json.escape", Character(Unicode.Scalar(e))))
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            throw fail(Messages.t("json.string"), at: start)
        }

        mutating func object(depth: Int) throws -> Node {
            i += 1
            space()
            var members: [(key: String, value: Node, line: Int, column: Int)] = []
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            }
            while true {
                space()
                guard i < b.count else { throw fail(Messages.t("json.object")) }
                if b[i] == UInt8(ascii: "}") { throw fail(Messages.t("json.commaObject")) }
                guard b[i] == UInt8(ascii: "\"") else { throw fail(Messages.t("json.key", found)) }
                let (line, column) = keyPosition(i)
                let key = try string()
                space()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail(Messages.t("json.colon", key, found)) }
                i += 1
                space()
                members.append((key, try value(depth: depth + 1), line, column))
                space()
                guard i < b.count else { throw fail(Messages.t("json.object")) }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if b[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(members)
                }
                throw fail(Messages.t("json.afterValue", key, found))
            }
        }

        mutating func array(depth: Int) throws -> Node {
            i += 1
            space()
            var items: [Node] = []
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                space()
                if i < b.count, b[i] == UInt8(ascii: "]") { throw fail(Messages.t("json.commaList")) }
                items.append(try value(depth: depth + 1))
                space()
                guard i < b.count else { throw fail(Messages.t("json.list")) }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if b[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                }
                throw fail(Messages.t("json.inList", found))
            }
        }
    }
}
