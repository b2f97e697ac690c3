/// Decides whose deposit a depositor text is, from member names, given aliases and the aliases a
/// treasurer's decisions taught. It never guesses between two people: ambiguity goes to review.
public struct NameMatcher: Sendable {
    public enum Result: Sendable, Equatable {
        case member(id: String, method: Method, matched: String)
        /// Several members fit; `ids` lists them. `sameName`: one name that several members share
        /// (not several people named in one text).
        case ambiguous(ids: [String], reason: String, sameName: Bool)
        /// Nobody fits; `suggestion` is the nearest member name when it is close.
        case unknown(suggestion: String?)
        /// A name was found, but the text may well be someone else's: a longer name holding it
        /// (이슬기 for 이슬), a misspelt full name of another member, another member's name cut
        /// short. Never a couple to split, never a guess: a person decides. `ids`: who it might be.
        case doubt(ids: [String], reason: String)
    }

    public enum Method: String, Sendable {
        case learned  // the whole text was assigned to this member before
        case name  // full name (or a given alias) inside the text
        case givenName = "given-name"  // name without the surname, unique in the group
        case truncated  // the text ends in the start of a name (cut by the bank's length limit)
    }

    struct Form: Sendable {
        let member: String
        let scalars: [Unicode.Scalar]
    }

    private let forms: FormIndex  // full names and aliases, letters-only
    private let givenNames: FormIndex  // unique given names (surname dropped)
    private let learned: [String: String]
    private let names: [(id: String, jamo: [UInt32], length: Int, letters: String)]
    /// Syllable → indices into `names` of the names containing it.
    private let syllableIndex: [Unicode.Scalar: [Int]]
    /// Memo words and every name form: what may stand beside a name in one run of Hangul.
    private let vocabulary: Set<String>

    /// Two-character surnames; a 4-syllable name starting with one of these has a 2-syllable given name.
    static let doubleSurnames: Set<String> = ["남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방", "어금", "망절"]

    /// `learned` maps `Normalise.key(text)` to a member id.
    public init(members: [Member], learned: [String: String]) {
        var forms: [Form] = []
        var givenCount: [String: Set<String>] = [:]
        var givenByMember: [(String, String)] = []
        for m in members {
            for n in [m.name] + m.aliases {
                for variant in Self.wordOrders(n) {
                    let letters = Normalise.letters(variant)
                    if !letters.isEmpty { forms.append(Form(member: m.id, scalars: Array(letters.unicodeScalars))) }
                }
            }
            if let g = Self.givenName(Normalise.letters(m.name)) {
                givenCount[g, default: []].insert(m.id)
                givenByMember.append((m.id, g))
            }
        }
        // A given name that two different members share (or that equals someone's full name) identifies nobody.
        let fullNames = Set(forms.map { String(String.UnicodeScalarView($0.scalars)) })
        self.givenNames = FormIndex(
            givenByMember.compactMap { id, g in
                givenCount[g]!.count == 1 && !fullNames.contains(g) ? Form(member: id, scalars: Array(g.unicodeScalars)) : nil
            })
        self.forms = FormIndex(forms)
        // A rule on a text naming nobody (learned before rules required a name) is not applied.
        self.learned = learned.filter { Self.namesSomeone($0.key) }
        self.names = members.map { m in
            let l = Normalise.letters(m.name)
            return (m.id, Jamo.decompose(l), l.unicodeScalars.count, l)
        }
        var index: [Unicode.Scalar: [Int]] = [:]
        for (i, m) in members.enumerated() {
            for u in Set(Normalise.letters(m.name).unicodeScalars) { index[u, default: []].append(i) }
        }
        self.syllableIndex = index
        self.vocabulary = Self.memoWords.union(self.names.map(\.letters)).union(forms.map { String(String.UnicodeScalarView($0.scalars)) })
            .union(self.givenNames.all.map { String(String.UnicodeScalarView($0.scalars)) })
    }

    /// A name written as several words ("EMILY PARK") may arrive in any order ("park emily").
    static func wordOrders(_ name: String) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).map(String.init)
        guard words.count >= 2 && words.count <= 3 else { return [name] }
        func permutations(_ a: [String]) -> [[String]] {
            a.count <= 1
                ? [a]
                : a.indices.flatMap { i -> [[String]] in
                    var rest = a
                    let x = rest.remove(at: i)
                    return permutations(rest).map { [x] + $0 }
                }
        }
        return permutations(words).map { $0.joined(separator: " ") }
    }

    public static func givenName(_ name: String) -> String? {
        let s = Array(name)
        guard s.allSatisfy({ $0.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) } }) else { return nil }
        if s.count == 4 && doubleSurnames.contains(String(s[0..<2])) { return String(s[2...]) }
        if s.count == 3 || s.count == 4 { return String(s[1...]) }
        return nil
    }

    public func match(_ text: String) -> Result {
        if let id = learned[Normalise.key(text)] { return .member(id: id, method: .learned, matched: text) }
        let letters = Array(Normalise.letters(text).unicodeScalars)
        if let r = best(among: forms, in: letters, method: .name) { return lookAlike(r, text) }
        if let r = best(among: givenNames, in: letters, method: .givenName) {
            // A given name inside a misspelt full name of someone else ("정우잔" holds 정우, yet is
            // 정우진 mistyped) is not evidence: a person would stop and look.
            if case .member(let id, _, _) = r, let near = nearest(to: letters, excludingExact: true, sameLength: true, within: 1), near != id {
                return .doubt(ids: [id, near].sorted(), reason: Messages.ref("reason.givenOrTypo", id, near))
            }
            // At the bank's length limit, a given name at the very end may be the start of someone
            // else's cut-off name ("…회비서연": 김서연, or 서연우 cut short).
            if case .member(let id, _, _) = r, let other = truncationFits(letters, rawLength: Normalise.key(text).count, minimum: 2).first(where: { $0 != id })
            {
                return .doubt(ids: [id, other].sorted(), reason: Messages.ref("reason.givenOrCut", id, other))
            }
            return lookAlike(r, text)
        }
        if let r = truncated(letters, rawLength: Normalise.key(text).count) { return r }
        return .unknown(suggestion: nearest(to: letters))
    }

    /// Everything the matcher sees in a text, for `hoebi explain`: each name form found (with its
    /// method), in the order the matcher tries them.
    public func evidence(_ text: String) -> [String] {
        var lines: [String] = []
        if let id = learned[Normalise.key(text)] { lines.append(Messages.t("explain.learned", id)) }
        let letters = Array(Normalise.letters(text).unicodeScalars)
        for (label, index) in [("explain.name", forms), ("explain.givenName", givenNames)] {
            for i in letters.indices {
                for f in index.starting(with: letters[i])
                where i + f.scalars.count <= letters.count
                    && letters[i..<(i + f.scalars.count)].elementsEqual(f.scalars)
                {
                    lines.append(Messages.t(label, String(String.UnicodeScalarView(f.scalars)), f.member, i + 1))
                }
            }
        }
        if case .member(let id, .truncated, let prefix)? = truncated(letters, rawLength: Normalise.key(text).count) {
            lines.append(Messages.t("explain.truncated", prefix, id))
        }
        if lines.isEmpty, let near = nearest(to: letters) { lines.append(Messages.t("explain.nearest", near)) }
        return lines
    }

    /// Whether a text could name a person: something is left once months, dues words and memo
    /// words are taken away. `2026년회비`, `연회비`, `3월` name nobody, so a decision on one says
    /// nothing about the next deposit with the same text (someone else's, most likely).
    public static func namesSomeone(_ text: String) -> Bool {
        let l = Normalise.letters(text)
        return !l.isEmpty && !segments(l, into: memoWords)
    }

    /// Words that may stand beside a name in one run of Hangul without making it another name:
    /// memo (회비, 님, 입금), parents (맘, 엄마), bank and app prefixes (신한오픈, 토스, 카카오페이).
    static let memoWords: Set<String> = Set([
        "회비", "회", "비", "월", "님", "입금", "송금", "이체", "드림", "보냄", "납부", "정기", "자동", "모임", "오픈", "은행", "뱅크", "뱅킹",
        "페이", "카카오", "카카오페이", "카카오뱅크", "토스", "네이버", "신한", "국민", "농협", "하나", "우리", "기업", "케이", "씨티", "새마을", "우체국",
        "맘", "엄마", "아빠", "부", "모", "어머니", "아버지", "분", "년", "연", "연회비", "상반기", "하반기", "분기", "선납", "일부", "추가", "나머지",
        "잔액", "완납", "및", "외", "의", "와", "과", "랑", "이랑", "몫", "것", "거", "꺼", "용", "달", "개월", "치", "원"
    ]).union(titles)

    /// Titles and honorifics written after a name in company and alumni clubs (홍길동과장, 김대리님).
    static let titles: Set<String> = [
        "사원", "주임", "대리", "과장", "차장", "부장", "팀장", "실장", "본부장", "지점장", "센터장", "소장", "국장", "원장",
        "이사", "상무", "전무", "부사장", "사장", "대표", "회장", "부회장", "총무", "고문", "감사", "위원", "위원장",
        "선임", "책임", "수석", "연구원", "매니저", "프로", "교수", "선생", "선생님", "쌤", "선배", "후배", "씨", "기장", "반장"
    ]

    /// `.member` stays a member when every run of Hangul holding the matched name is the name plus
    /// memo words or other names; otherwise the name is part of a longer name (이슬기 ⊃ 이슬).
    private func lookAlike(_ r: Result, _ text: String) -> Result {
        guard case .member(let id, let method, let matched) = r, method != .learned,
            matched.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) })
        else { return r }
        let runs = Normalise.compatible(text).split { !$0.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) } }
        for run in runs.map(String.init) where run.contains(matched) {
            guard let range = run.range(of: matched) else { continue }
            for part in [String(run[..<range.lowerBound]), String(run[range.upperBound...])] where !part.isEmpty {
                if !Self.segments(part, into: vocabulary) {
                    return .doubt(ids: [id], reason: Messages.ref("reason.lookAlike", run, id, matched, part))
                }
            }
        }
        return r
    }

    /// Whether `s` splits entirely into words of `vocabulary`.
    static func segments(_ s: String, into vocabulary: Set<String>) -> Bool {
        let c = Array(s)
        var ok = [Bool](repeating: false, count: c.count + 1)
        ok[0] = true
        for i in 0..<c.count where ok[i] {
            for j in (i + 1)...min(c.count, i + 8) where vocabulary.contains(String(c[i..<j])) { ok[j] = true }
        }
        return ok[c.count]
    }

    /// Finds every form inside the text; a hit lying inside a longer hit (이서 inside 이서연) does not count.
    private func best(among forms: FormIndex, in text: [Unicode.Scalar], method: Method) -> Result? {
        var hits: [(member: String, start: Int, end: Int)] = []
        for i in text.indices {
            for f in forms.starting(with: text[i]) {
                let n = f.scalars.count
                if i + n <= text.count && text[i..<(i + n)].elementsEqual(f.scalars) { hits.append((f.member, i, i + n)) }
            }
        }
        guard !hits.isEmpty else { return nil }
        let kept = hits.filter { h in
            !hits.contains { o in o.start <= h.start && o.end >= h.end && (o.end - o.start) > (h.end - h.start) }
        }
        let ids = Array(Set(kept.map(\.member))).sorted()
        if ids.count == 1 {
            let h = kept[0]
            return .member(id: ids[0], method: method, matched: String(String.UnicodeScalarView(text[h.start..<h.end])))
        }
        let spans = Set(kept.map { "\($0.start)-\($0.end)" })
        let reason = Messages.ref(spans.count == 1 ? "reason.sameName" : "reason.severalNamed", ids.joined(separator: ", "))
        return .ambiguous(ids: ids, reason: reason, sameName: spans.count == 1)
    }

    /// Banks cut long texts (Toss shows 7 Hangul characters): "3월회비남궁민" is 남궁민수 when no
    /// other member's name starts with 남궁민. Only for texts at such a limit, and prefixes of at
    /// least two letters covering all but one letter of the name.
    static let truncationLength = 7

    /// Members whose name starts with the end of the text (at least `minimum` letters, short of the
    /// whole name), when the text is as long as banks cut texts.
    private func truncationFits(_ text: [Unicode.Scalar], rawLength: Int, minimum: Int) -> [String] {
        guard rawLength >= Self.truncationLength else { return [] }
        return names.compactMap { n in
            let full = Array(n.letters.unicodeScalars)
            for k in stride(from: full.count - 1, through: minimum, by: -1) where k <= text.count && k >= 1 {
                if Array(text.suffix(k)) == Array(full.prefix(k)) { return n.id }
            }
            return nil
        }
    }

    private func truncated(_ text: [Unicode.Scalar], rawLength: Int) -> Result? {
        guard rawLength >= Self.truncationLength else { return nil }
        var fits: [(id: String, prefix: String)] = []
        for n in names {
            let full = Array(n.letters.unicodeScalars)
            guard full.count >= 3 else { continue }
            for k in stride(from: full.count - 1, through: max(2, full.count - 1), by: -1) where k <= text.count {
                if Array(text.suffix(k)) == Array(full.prefix(k)) {
                    fits.append((n.id, String(String.UnicodeScalarView(full.prefix(k)))))
                    break
                }
            }
        }
        let ids = Set(fits.map(\.id))
        guard ids.count == 1, let hit = fits.first else { return nil }
        // Another member's name that starts the same way makes the cut ambiguous.
        let others = names.filter { $0.id != hit.id && $0.letters.hasPrefix(hit.prefix) }
        return others.isEmpty ? .member(id: hit.id, method: .truncated, matched: hit.prefix) : nil
    }

    /// The member whose name is closest (in jamo edits) to some stretch of the text, when close enough
    /// to be a typo (홍길등 → 홍길동). Only ever a suggestion. A typo of one syllable leaves the other
    /// n−1 syllables of an n-syllable name intact, so only names sharing that many are compared.
    private func nearest(to text: [Unicode.Scalar], excludingExact: Bool = false, sameLength: Bool = false, within limit: Int = 2) -> String? {
        var shared: [Int: Int] = [:]
        for u in Set(text) { for i in syllableIndex[u] ?? [] { shared[i, default: 0] += 1 } }
        let textJamo = text.map { Jamo.decompose(String($0)) }
        var best: (id: String, d: Int)?
        for (i, hits) in shared.sorted(by: { $0.key < $1.key }) {
            let n = names[i]
            guard n.length >= 2, hits >= n.length - 1 else { continue }
            for len in max(1, n.length - 1)...(n.length + 1) where len <= text.count && (!sameLength || len == n.length) {
                for start in 0...(text.count - len) {
                    let d = Jamo.distance(Array(textJamo[start..<(start + len)].joined()), n.jamo)
                    if excludingExact && d == 0 { continue }
                    if d <= limit && (best == nil || d < best!.d) { best = (n.id, d) }
                }
            }
        }
        return best?.id
    }
}

/// Name forms by their first letter, so a text is searched at each position only for the names
/// that can start there (a group of a thousand members has a thousand names to look for).
struct FormIndex: Sendable {
    private let byFirst: [Unicode.Scalar: [NameMatcher.Form]]
    let all: [NameMatcher.Form]
    init(_ forms: [NameMatcher.Form]) {
        all = forms
        byFirst = Dictionary(grouping: forms.filter { !$0.scalars.isEmpty }, by: { $0.scalars[0] })
    }
    func starting(with u: Unicode.Scalar) -> [NameMatcher.Form] { byFirst[u] ?? [] }
}

/// Hangul syllables broken into letters (자모), so 동 and 등 differ by one edit, not one whole syllable.
public enum Jamo {
    public static func decompose(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        for u in s.unicodeScalars {
            let v = u.value
            if (0xAC00...0xD7A3).contains(v) {
                let i = v - 0xAC00
                out.append(0x1100 + i / 588)
                out.append(0x1161 + (i % 588) / 28)
                if i % 28 != 0 { out.append(0x11A7 + i % 28) }
            } else {
                out.append(v)
            }
        }
        return out
    }

    public static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
