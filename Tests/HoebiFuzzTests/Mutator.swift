import Foundation
import HoebiCore

/// Seeded mutations of an input: byte-level (flip, insert, delete, duplicate, splice) and
/// token-level (digits, separators and huge numbers where parsers are likely to meet them).
/// The same seed gives the same mutants on every machine, so a crash is reproducible from it.
struct Mutator {
    var random: SeededRandom

    /// Bytes and strings that have broken parsers before: quotes, separators, signs, a lone
    /// UTF-8 lead byte, NUL, Int64's limits, an overlong cell reference.
    static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x0A], [0x0D], [0x00], [0xFF], [0xC3], [0xE3, 0x80], [0x2D], [0x2E], [0x45], [0x3C], [0x3E], [0x26],
        Array("9223372036854775807".utf8), Array("-9223372036854775808".utf8), Array("99999999999999999999".utf8),
        Array("1,2".utf8), Array("30,0,00".utf8), Array("-0".utf8), Array("1.0E7".utf8), Array("2026051".utf8), Array("202605".utf8),
        Array("ZZZZZZZZZZZZZZ2".utf8), Array("XFE1".utf8), Array("&#0;".utf8), Array("]]>".utf8), Array("\u{3000}".utf8),
        Array("1e308".utf8), Array("NaN".utf8), Array("null".utf8), Array("{}".utf8), Array("[[[[".utf8), Array("2999-12-31T23:59:59-12:00".utf8)
    ]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func mutate(_ input: [UInt8], corpus: [[UInt8]]) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + random.below(4)) {
            let at = random.below(b.count + 1)
            switch random.below(8) {
            case 0 where !b.isEmpty:
                b[min(at, b.count - 1)] ^= UInt8(1 << random.below(8))
            case 1:
                b.insert(contentsOf: Self.interesting[random.below(Self.interesting.count)], at: at)
            case 2 where !b.isEmpty:
                let len = min(b.count - min(at, b.count - 1), 1 + random.below(16))
                b.removeSubrange(min(at, b.count - 1)..<(min(at, b.count - 1) + len))
            case 3 where !b.isEmpty:
                let start = min(at, b.count - 1), len = min(b.count - start, 1 + random.below(64))
                b.insert(contentsOf: b[start..<(start + len)], at: random.below(b.count + 1))
            case 4:
                // Replace a run of digits with an interesting number: where amounts and dates live.
                if let d = b.indices.dropFirst(at).first(where: { (48...57).contains(b[$0]) }) {
                    var e = d
                    while e < b.count && (48...57).contains(b[e]) { e += 1 }
                    b.replaceSubrange(d..<e, with: Self.interesting[15 + random.below(10)])
                }
            case 5 where !corpus.isEmpty:
                let other = corpus[random.below(corpus.count)]
                if !other.isEmpty {
                    let s = random.below(other.count), len = min(other.count - s, 1 + random.below(128))
                    b.insert(contentsOf: other[s..<(s + len)], at: at)
                }
            case 6 where !b.isEmpty:
                b = Array(b.prefix(at))  // truncated download
            default:
                b.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            }
        }
        return b
    }
}
