import Foundation
import NIOCore

/// A `multipart/form-data` body (the upload form when the page's script does not run): its text
/// fields and its files. Written here: MultipartKit 4.7.1, the listed package, traps on a header
/// name byte above 127 (an index out of range in its character table; found by the fuzz target),
/// and a trap would end the whole service.
struct FormParts {
    var fields: [String: String] = [:]
    var files: [String: (filename: String, data: ByteBuffer)] = [:]

    /// Nil when the content type is not multipart/form-data with a boundary, or the body is malformed.
    init?(contentType: String?, body: ByteBuffer) {
        self.init(contentType: contentType, bytes: Array(body.readableBytesView))
    }

    init?(contentType: String?, bytes: [UInt8]) {
        guard let type = contentType, type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.parameters(type)["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200
        else { return nil }
        let delimiter = Array("--\(boundary)".utf8), crlf: [UInt8] = [13, 10]
        guard var at = Self.find(delimiter, in: bytes, from: 0) else { return nil }
        while true {
            at += delimiter.count
            // "--" after a delimiter ends the body; otherwise the line ends and a part begins.
            if bytes.count >= at + 2, bytes[at] == 45, bytes[at + 1] == 45 { return }
            guard let lineEnd = Self.find(crlf, in: bytes, from: at) else { return nil }
            let start = lineEnd + 2
            guard let end = Self.find(crlf + delimiter, in: bytes, from: start) else { return nil }
            add(part: bytes[start..<end])
            at = end + 2
        }
    }

    private mutating func add(part: ArraySlice<UInt8>) {
        let headerEnd = Self.find([13, 10, 13, 10], in: Array(part), from: 0)
        let head = headerEnd.map { part.prefix($0) } ?? part
        let body = headerEnd.map { part.dropFirst($0 + 4) } ?? []
        var disposition: [String: String] = [:]
        for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n") {
            let kv = line.split(separator: ":", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" {
                disposition = Self.parameters(String(kv[1]))
            }
        }
        guard let name = disposition["name"] else { return }
        if let filename = disposition["filename"] {
            files[name] = ((filename as NSString).lastPathComponent, ByteBuffer(bytes: body))
        } else {
            fields[name] = String(decoding: body, as: UTF8.self)
        }
    }

    /// Where `pattern` first occurs in `bytes` at or after `from`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, from >= 0, bytes.count >= pattern.count else { return nil }
        var i = from
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `form-data; name="file"; filename="거래내역.xlsx"` → ["name": "file", "filename": "거래내역.xlsx"].
    /// A semicolon inside quotes belongs to the value (a file may be named `a;b.xlsx`).
    static func parameters(_ header: String) -> [String: String] {
        var pieces: [String] = [], current = "", quoted = false, escaped = false
        for ch in header {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if quoted && ch == "\\" {
                escaped = true
                continue
            }
            if ch == "\"" {
                quoted.toggle()
                continue
            }
            if ch == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(ch)
        }
        pieces.append(current)
        var out: [String: String] = [:]
        for piece in pieces.dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2 { out[kv[0].lowercased()] = kv[1] }
        }
        return out
    }
}
