import Foundation

/// Text normalisation. SQLite compares bytes, and banks send the same name as NFC, NFD or
/// full-width forms, so everything is made NFC before it is stored and NFKC before it is matched.
public enum Normalise {
    /// NFC, with a fast path: ASCII and precomposed Hangul syllables are already NFC, and they are
    /// almost every character a statement holds (Foundation's mapping costs microseconds a call).
    public static func nfc(_ s: String) -> String {
        if isTriviallyNFC(s) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    static func isTriviallyNFC(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x300 || (0xAC00...0xD7A3).contains(v) { continue }
            return false
        }
        return true
    }

    /// NFKC: full-width letters and brackets from bank systems (`（주）`, `ｒｎｄ＿`) become ordinary ones.
    public static func compatible(_ s: String) -> String {
        isTriviallyNFC(s) ? s : s.precomposedStringWithCompatibilityMapping
    }

    /// The form names are compared in: NFKC (full-width → half-width), lower-case, and only letters
    /// (Hangul, Latin, …). Digits, spaces, brackets and punctuation are memo decoration, not names.
    public static func letters(_ s: String) -> String {
        let k = isTriviallyNFC(s) ? s : s.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for u in k.unicodeScalars {
            let v = u.value
            // Hangul syllables and ASCII letters decide themselves; the Unicode tables only see the rest.
            if (0xAC00...0xD7A3).contains(v) || (0x61...0x7A).contains(v) {
                out.append(u)
            } else if (0x41...0x5A).contains(v) {
                out.append(Unicode.Scalar(v + 32)!)
            } else if v < 0x80 {
                continue
            } else if u.properties.isAlphabetic {
                if u.properties.isUppercase { out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars) } else { out.append(u) }
            }
        }
        return String(out)
    }

    /// NFKC, lower-cased, spaces removed: the key a treasurer's decision is remembered under.
    /// Digits stay, so "홍길동3월" and "홍길동4월" are remembered as different texts.
    public static func key(_ s: String) -> String {
        let k = isTriviallyNFC(s) ? s : s.precomposedStringWithCompatibilityMapping
        return String(String.UnicodeScalarView(k.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
