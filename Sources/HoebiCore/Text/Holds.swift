extension String {
    /// Whether `needle` occurs in this string. Both sides are already normalised
    /// (`Normalise.letters`), so no locale or canonical equivalence is wanted; Foundation's
    /// `contains` does both and was most of a full re-match's time. The search runs over UTF-8
    /// bytes in place: UTF-8 is self-synchronising, so a byte match is a scalar match, and copying
    /// both sides into scalar arrays (as this did) was a sixth of a 1M-row import's match (perf).
    public func holds(_ needle: String) -> Bool {
        var hay = self, needle = needle
        return hay.withUTF8 { h in needle.withUTF8 { n in Self.occurs(n, in: h) } }
    }

    private static func occurs(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = n.first else { return true }
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == first {
            var j = 1
            while j < n.count && h[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
        }
        return false
    }
}

/// Whole-word checks of normalised text by UTF-8 bytes, for the same reason as `holds`: Swift's
/// `==`, `hasPrefix` and `Set.contains` of Hangul text look for canonical equivalents on every
/// call, which was a third of deciding a million deposits (perf), and normalised text has none.
extension String {
    func isBytes(_ other: String) -> Bool { utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8) }
    func startsBytes(with prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }
    func endsBytes(with suffix: String) -> Bool {
        let n = suffix.utf8.count
        return utf8.count >= n && utf8.suffix(n).elementsEqual(suffix.utf8)
    }
}

extension Sequence<String> {
    /// Whether one of these words is `text`, byte for byte (see `isBytes`).
    func hasBytes(_ text: String) -> Bool { contains { $0.isBytes(text) } }
}
