import Foundation

/// Comparing an account number as a statement prints it (often masked: `3333-**-****567`,
/// `110-123-4*****`) with the one configured for the group.
public enum AccountNumber {
    static let maskCharacters: Set<Character> = ["*", "●", "○", "X", "x", "#", "•"]

    /// The first account number in a text, as printed: a run of digits, hyphens, spaces between
    /// groups and mask characters holding at least four digits (`048-123456-01-019`,
    /// `3333-**-****567`). Everything around it — the holder's name, a balance, the account's
    /// kind — is left out, so a refusal can quote the number and nothing else (IBK writes all of
    /// them into one merged cell).
    public static func token(in text: String) -> String? {
        let chars = Array(Normalise.compatible(text))
        func part(_ c: Character) -> Bool { c.isASCIIDigit || c == "-" || maskCharacters.contains(c) }
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit || maskCharacters.contains(chars[i]) else {
                i += 1
                continue
            }
            var j = i
            // A single space may join two groups of one number ("110 123 456789"); two end it.
            while j < chars.count, part(chars[j]) || (chars[j] == " " && j + 1 < chars.count && part(chars[j + 1]) && j > i) { j += 1 }
            let run = String(chars[i..<j]).trimmingCharacters(in: CharacterSet(charactersIn: " -"))
            if run.filter(\.isASCIIDigit).count >= 4 && !looksLikeDate(run) { return run }
            i = max(j, i + 1)
        }
        return nil
    }

    /// `2026-03-01` or `2026.03.01` beside the number is the statement's date, not the account.
    static func looksLikeDate(_ s: String) -> Bool {
        let groups = s.split(whereSeparator: { $0 == "-" || $0 == " " })
        return groups.count == 3 && groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2
            && s.allSatisfy { $0.isASCIIDigit || $0 == "-" || $0 == " " }
    }

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
