/// A one-off gathering with its own fee (송년회, MT, 정기총회 뒷풀이): who takes part, what each
/// owes, and the words deposits for it carry. Its money is not dues; a deposit naming it with the
/// fee is filed under it, with another sum it goes to review (the allocator treats it as a fee).
public struct Event: Sendable, Equatable {
    /// Who takes part: every member active on the day, the ones listed, or whoever paid.
    public enum Attendees: Sendable, Equatable {
        case all
        case listed([String])
        case signUp
    }

    /// How the real cost is shared when settling: equally (1/N), or the fee stays and the club
    /// pays the rest from its funds.
    public enum Settlement: String, Sendable, Equatable, CaseIterable {
        case even, fee
    }

    public var name: String
    public var date: SeoulTime
    /// What each attendee pays; nil when it is settled afterwards from the real cost.
    public var fee: Won?
    public var attendees: Attendees
    /// Other words deposits for it carry (뒷풀이, MT비); the name always counts.
    public var words: [String]
    public var closed: Bool
    /// The real cost when known without the withdrawals (cash paid on the day).
    public var cost: Won?
    public var settlement: Settlement

    public init(
        name: String, date: SeoulTime, fee: Won?, attendees: Attendees = .all, words: [String] = [], closed: Bool = false, cost: Won? = nil,
        settlement: Settlement = .even
    ) {
        self.name = name
        self.date = date
        self.fee = fee
        self.attendees = attendees
        self.words = words
        self.closed = closed
        self.cost = cost
        self.settlement = settlement
    }

    /// The name and words as letters, longest first (a text naming "송년회뒷풀이" is this event's
    /// before it is anyone's "뒷풀이").
    public var letters: [String] {
        ([name] + words).map(Normalise.letters).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// Whether a text names this event: by its name, or (`words: true`) by one of its words.
    public func named(in texts: [String], words: Bool = false) -> Bool {
        let ls = words ? letters : [Normalise.letters(name)].filter { !$0.isEmpty }
        return texts.contains { t in
            let l = Normalise.letters(t)
            return ls.contains { l.contains($0) }
        }
    }

    /// Whether a text names the event's day: 12/20, 12.20, 12-20, 12월 20일, 12월20일.
    public func dated(in texts: [String]) -> Bool {
        let m = date.month, d = date.day
        let padded = (m < 10 ? "0\(m)" : "\(m)", d < 10 ? "0\(d)" : "\(d)")
        var forms = ["\(m)/\(d)", "\(m).\(d)", "\(m)-\(d)", "\(m)월\(d)일", "\(m)월 \(d)일"]
        forms += ["\(padded.0)/\(padded.1)", "\(padded.0).\(padded.1)"]
        return texts.contains { t in
            forms.contains { f in
                var from = t.startIndex
                while let r = t.range(of: f, range: from..<t.endIndex) {
                    // Not part of a longer number (2/20 is not 12/20, 12/2 is not 12/20).
                    let before = r.lowerBound == t.startIndex ? nil : t[t.index(before: r.lowerBound)]
                    let after = r.upperBound == t.endIndex ? nil : t[r.upperBound]
                    if before?.isNumber != true && after?.isNumber != true { return true }
                    from = r.upperBound
                }
                return false
            }
        }
    }

    /// The members who take part, by id: those active in the event's month (joined, not left), the
    /// listed ones, or (sign-up) those who paid.
    public func attendees(in group: Group, paid: Set<String>) -> [String] {
        switch attendees {
        case .all:
            let p = date.period
            return group.members.filter { m in (m.joined.map { $0.startMonth <= p.startMonth } ?? true) && (m.left.map { $0.endMonth >= p.startMonth } ?? true)
            }
            .map(\.id)
        case .listed(let ids): return ids.map { group.households[$0] ?? $0 }
        case .signUp: return group.members.map(\.id).filter(paid.contains)
        }
    }
}

extension Group {
    /// Every event's name with its fee: what the allocator files like a one-off fee (a text
    /// naming one with the fee is not dues; another sum goes to review). Closed events count too:
    /// a late payment still belongs to its event. An event's other words (뒷풀이) are not here:
    /// they are everyday words, so only the event's book reads them, near its day.
    public var eventFees: [(word: String, fee: Won?)] {
        events.map { (word: $0.name, fee: $0.fee) }
    }

    /// The event a name (or its letters) picks, if any.
    public func event(named name: String) -> Event? {
        let l = Normalise.letters(name)
        return events.first { Normalise.letters($0.name) == l }
    }
}
