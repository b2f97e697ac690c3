/// A line of the 결산: one of the built-in kinds, or a name the treasurer gave (a category of
/// their own, an event).
public enum BookLine: Hashable, Sendable, Comparable {
    case kind(MoneyKind)
    case own(String)

    /// A name the treasurer wrote that is a built-in line's name is that line ("대관료" is the
    /// venue line, whoever typed it).
    public init(named name: String) {
        let l = Normalise.letters(name)
        if let k = MoneyKind.allCases.first(where: {
            Normalise.letters($0.korean) == l || Normalise.letters($0.korean(spending: true)) == l || $0.rawValue == l
        }) {
            self = .kind(k)
        } else {
            self = .own(Normalise.nfc(name))
        }
    }

    public func name(spending: Bool) -> String {
        switch self {
        case .kind(let k): k.korean(spending: spending)
        case .own(let n): n
        }
    }

    /// The key scripts read: the built-in kind's code ("dues", "venue"), or the name as written.
    public var key: String {
        switch self {
        case .kind(let k): k.rawValue
        case .own(let n): n
        }
    }

    /// Built-in lines in their order (dues first), then the treasurer's by name.
    public static func < (a: BookLine, b: BookLine) -> Bool {
        switch (a, b) {
        case (.kind(let x), .kind(let y)): x < y
        case (.kind, .own): true
        case (.own, .kind): false
        case (.own(let x), .own(let y)): x < y
        }
    }
}

/// Which 결산 line a row is on, and why: the treasurer's decision on it, the same text decided
/// before, the group's words, an event it names, the built-in words; nil when nothing tells.
public struct Categories: Sendable {
    public enum Source: Sendable, Equatable {
        case decision
        /// Another row with the same text was filed so (t-number of that row).
        case learned(Int64)
        case rule(String)
        case event(String)
        case builtIn
    }

    let explicit: [Int64: String]
    let byText: [String: (line: String, from: Int64)]
    let words: [(letters: String, word: String, line: String)]
    let events: [Event]
    /// Rows an event's book holds (named, or near its day with its words), by id → event name.
    let eventRows: [Int64: String]

    /// `books`: the events' books, so that what an event counts is on its line in the 결산 too.
    public init(decisions: [CategoryDecision] = [], group: Group? = nil, books: [EventBook] = []) {
        var explicit: [Int64: String] = [:]
        var byText: [String: (String, Int64)] = [:]
        for d in decisions.sorted(by: { $0.transaction < $1.transaction }) {
            explicit[d.transaction] = d.category
            let key = Normalise.key(d.text)
            if !key.isEmpty { byText[key] = (d.category, d.transaction) }
        }
        self.explicit = explicit
        self.byText = byText
        self.words = (group?.categoryWords ?? [:]).map { (Normalise.letters($0.key), $0.key, $0.value) }.filter { !$0.0.isEmpty }
            .sorted { ($0.0.count, $0.1) > ($1.0.count, $1.1) }
        self.events = group?.events ?? []
        var rows: [Int64: String] = [:]
        for b in books {
            for m in b.payments + b.unmatched + b.spending + b.refunds + b.questions where rows[m.line.id] == nil { rows[m.line.id] = b.event.name }
        }
        self.eventRows = rows
    }

    /// The line of a row (`label`: a "not dues" reason or split part's label the treasurer wrote).
    public func line(for d: Report.DepositLine, spending: Bool, label: String = "") -> (line: BookLine, source: Source)? {
        if let c = explicit[d.id] { return (BookLine(named: c), .decision) }
        if let (c, from) = byText[Normalise.key(d.text)] { return (BookLine(named: c), .learned(from)) }
        let texts = [label, d.text, d.memo].map(Normalise.letters)
        if let w = words.first(where: { w in texts.contains { $0.contains(w.letters) } }) { return (BookLine(named: w.line), .rule(w.word)) }
        if let name = eventRows[d.id] ?? events.first(where: { $0.named(in: [label, d.text, d.memo]) })?.name {
            return (.own(spending ? name : Messages.t("closing.eventIncome", name)), .event(name))
        }
        return MoneyKind.of(spending: spending, label, d.text, d.memo, d.kind).map { (.kind($0), .builtIn) }
    }
}
