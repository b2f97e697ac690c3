/// Generated Korean names for benchmarks and fixtures: common surnames and given-name syllables,
/// combined in a fixed order so that the same count always gives the same people.
public enum KoreanNames {
    public static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"]
    public static let syllables = [
        "민", "서", "지", "현", "준", "우", "하", "윤", "도", "예", "은", "수", "진", "영", "성", "호",
        "주", "연", "재", "유", "원", "경", "태", "희", "아", "나", "라", "혜", "선", "미"
    ]

    /// Distinct three-syllable names, deterministic: the benchmark's members.
    public static func distinct(_ n: Int) -> [String] {
        var out: [String] = []
        var i = 0
        while out.count < n {
            let s = surnames[i % surnames.count]
            let a = syllables[(i / surnames.count) % syllables.count]
            let b = syllables[(i / (surnames.count * syllables.count) + i) % syllables.count]
            let name = s + a + b
            if !out.contains(name) { out.append(name) }
            i += 1
        }
        return out
    }
}
