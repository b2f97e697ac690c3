/// Comparing an account number as a statement prints it (often masked: `3333-**-****567`,
/// `110-123-4*****`) with the one configured for the group.
public enum AccountNumber {
    static let maskCharacters: Set<Character> = ["*", "●", "○", "X", "x", "#", "•"]

    /// true/false when the printed number can be compared, nil when it shows too few digits to tell.
    public static func matches(printed: String, configured: String) -> Bool? {
        let want = configured.filter(\.isASCIIDigit).map { $0 }
        let shown = Normalise.compatible(printed).filter { $0.isASCIIDigit || maskCharacters.contains($0) }.map { $0 }
        let visible = shown.filter(\.isASCIIDigit)
        guard visible.count >= 4, !want.isEmpty else { return nil }
        if shown.count == want.count {
            return zip(shown, want).allSatisfy { maskCharacters.contains($0) || $0 == $1 }
        }
        // Masks that do not keep the length: the digits shown last must end the number, and those
        // shown first begin it.
        let tail = shown.reversed().prefix { $0.isASCIIDigit }.reversed()
        let head = shown.prefix { $0.isASCIIDigit }
        return want.reversed().starts(with: tail.reversed()) && want.starts(with: head) && (tail.count + head.count) >= 4
    }
}
