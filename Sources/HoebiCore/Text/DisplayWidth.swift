/// Terminal column width: Hangul and other East Asian wide characters take two columns.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 || (0x300...0x36F).contains(v) || (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    public static func padRight(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - of(s)))
    }

    public static func padLeft(_ s: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(s))) + s
    }
}

/// Rows as aligned columns by display width (Hangul counts two), two spaces apart; the columns
/// in `rightAligned` (numbers) to the right.
public enum Table {
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { i in rows.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { i, c in rightAligned.contains(i) ? DisplayWidth.padLeft(c, to: widths[i]) : DisplayWidth.padRight(c, to: widths[i]) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }
}
