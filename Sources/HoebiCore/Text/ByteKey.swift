import Foundation

/// A string compared and hashed by its UTF-8 bytes, for dictionaries keyed by text that is NFC
/// already (a deposit's text). Swift's own `String` hashing normalises Unicode on every call,
/// which dominated a full re-match (perf).
struct ByteKey: Hashable {
    let text: String
    init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        self.text = t
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { bx in y.withUTF8 { by in bx.count == by.count && (bx.count == 0 || memcmp(bx.baseAddress!, by.baseAddress!, bx.count) == 0) } }
    }
}
