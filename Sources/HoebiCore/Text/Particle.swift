/// Korean particles chosen by the last syllable of the word before them: a message written
/// `'{1}'은(는)` reads `'홍길동'은` or `'김솔'은` … `'이서연'은`, `'뒷풀이'는`. Both forms stay only
/// where the word's sound is not known from its letters (a Latin name, a symbol).
public enum Particle {
    /// How a message writes a particle, and its form after a final consonant and after a vowel.
    static let forms: [(written: String, consonant: String, vowel: String)] = [
        ("은(는)", "은", "는"), ("이(가)", "이", "가"), ("을(를)", "을", "를"), ("과(와)", "과", "와"),
        ("(으)로", "으로", "로"), ("아(야)", "아", "야"), ("(이)라고", "이라고", "라고"), ("(이)나", "이나", "나")
    ]

    /// The text with every written-both-ways particle resolved where the word before it allows.
    public static func resolve(_ text: String) -> String {
        guard text.contains("(") else { return text }
        var out = text
        for f in forms where out.contains(f.written) {
            var result = ""
            var rest = Substring(out)
            while let r = rest.range(of: f.written) {
                let before = rest[..<r.lowerBound]
                result += before
                let last = Self.lastSound(result)
                switch last {
                case .consonant(let rieul):
                    // (으)로 after ㄹ is 로: 서울로, 20일로.
                    result += f.written == "(으)로" && rieul ? f.vowel : f.consonant
                case .vowel: result += f.vowel
                case .unknown: result += f.written
                }
                rest = rest[r.upperBound...]
            }
            out = result + rest
        }
        return out
    }

    enum Sound {
        /// Ends in a final consonant (`rieul`: that consonant is ㄹ).
        case consonant(rieul: Bool)
        case vowel, unknown
    }

    /// The sound the text ends in, looking through closing quotes and brackets.
    static func lastSound(_ text: String) -> Sound {
        for c in text.reversed() {
            if "'\"’”)]」』".contains(c) { continue }
            guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return .unknown }
            let v = u.value
            if (0xAC00...0xD7A3).contains(v) {
                let final = (v - 0xAC00) % 28
                return final == 0 ? .vowel : .consonant(rieul: final == 8)
            }
            // Digits as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구.
            if let d = c.wholeNumberValue, c.isASCII {
                switch d {
                case 2, 4, 5, 9: return .vowel
                case 1, 7, 8: return .consonant(rieul: true)
                default: return .consonant(rieul: false)
                }
            }
            return .unknown
        }
        return .unknown
    }
}
