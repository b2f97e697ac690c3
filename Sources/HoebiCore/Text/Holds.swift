extension String {
    /// Whether `needle` occurs in this string, scalar by scalar. Both sides are already
    /// normalised (`Normalise.letters`), so no locale or canonical equivalence is wanted; Foundation's
    /// `contains` does both and was most of a full re-match's time.
    func holds(_ needle: String) -> Bool {
        let n = Array(needle.unicodeScalars)
        guard let first = n.first else { return true }
        let h = Array(unicodeScalars)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == first && h[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }
}
