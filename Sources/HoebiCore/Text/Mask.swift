/// Masking for anything shared outside the treasurer's machine (a group chat notice).
public enum Mask {
    /// 홍길동 → 홍*동, 김솔 → 김*, 남궁민수 → 남**수, EMILY PARK → E********K.
    public static func name(_ name: String) -> String {
        // "이지우 (jiwoo1)": the suffix that tells same-name members apart stays readable.
        if let open = name.range(of: " ("), name.hasSuffix(")") {
            return Self.name(String(name[..<open.lowerBound])) + String(name[open.lowerBound...])
        }
        let chars = Array(name)
        switch chars.count {
        case 0, 1: return name
        case 2: return String(chars[0]) + "*"
        default:
            return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }

    /// Shared lists mask people, not shops: a text holding a member's name has that name masked,
    /// a text that is itself a name (two to four Hangul syllables) is masked whole, anything
    /// else (스타벅스 광화문점, 대관료) is shown as it is.
    public static func person(_ text: String, members: [String]) -> String {
        var out = text
        for n in members where n.count >= 2 && out.contains(n) { out = out.replacingOccurrences(of: n, with: name(n)) }
        if out != text { return out }
        let letters = Normalise.letters(text)
        let hangul = letters.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) }
        return hangul && (2...4).contains(letters.count) ? name(text) : text
    }

    /// Keeps the first group and the last four digits: 3333-01-1234567 → 3333-**-***4567.
    public static func account(_ number: String) -> String {
        let chars = Array(number)
        let digitPositions = chars.indices.filter { chars[$0].isNumber }
        let keepTail = Set(digitPositions.suffix(4))
        let firstGroupEnd = chars.firstIndex(of: "-") ?? min(4, chars.count)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if ch.isNumber && i >= firstGroupEnd && !keepTail.contains(i) { out.append("*") } else { out.append(ch) }
        }
        return out
    }
}
