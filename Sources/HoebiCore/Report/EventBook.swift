/// One row of the account as an event sees it: a deposit that is not dues (or is still in
/// review), or a withdrawal, with what a treasurer decided about it.
public struct EventMoney: Sendable, Equatable {
    public var line: Report.DepositLine
    public var incoming: Bool
    /// Still a question in the dues ledger: shown under the event as 확인 필요, never counted.
    public var inReview: Bool
    /// The member a treasurer filed it under (`hoebi event pay … --member`).
    public var member: String?
    /// The treasurer's own words on it: a "not dues" reason, a split part's label, a category.
    public var label: String

    public init(line: Report.DepositLine, incoming: Bool, inReview: Bool = false, member: String? = nil, label: String = "") {
        self.line = line
        self.incoming = incoming
        self.inReview = inReview
        self.member = member
        self.label = label
    }
}

/// Who paid for an event and who still owes, what it cost, and what settling by the real cost
/// would ask of each attendee. Pure: built from the group, its events and the rows.
public struct EventBook: Sendable, Equatable {
    public struct Attendee: Sendable, Equatable {
        public var member: String
        public var paid: Won
        public var refunded: Won
        /// Paid without being on the event's list (signed up by paying).
        public var unlisted: Bool
        /// Money of theirs naming the event that the ledger still asks about: until it is
        /// answered they are 확인 중, never shown as owing.
        public var checking: Won = 0
        public var net: Won { paid - refunded }
    }

    /// Settling by the real cost: each attendee's share and the difference to what they paid.
    public struct Settlement: Sendable, Equatable {
        public var cost: Won
        public var share: Won
        /// What the club pays from its funds (the fee way), or keeps from rounding up (1/N).
        public var club: Won
        /// Member → share − net paid: positive owes more, negative gets money back.
        public var differences: [(member: String, amount: Won)]

        public static func == (a: Settlement, b: Settlement) -> Bool {
            a.cost == b.cost && a.share == b.share && a.club == b.club && a.differences.elementsEqual(b.differences) { $0 == $1 }
        }
    }

    public var event: Event
    public var attendees: [Attendee]
    public var payments: [EventMoney]
    /// Money for the event whose payer no name rule finds: a treasurer files it.
    public var unmatched: [EventMoney]
    /// Deposits naming the event that the dues ledger still asks about (a sum other than the fee),
    /// and money that may be the event's (참가비 a week before it): a person answers them.
    public var questions: [EventMoney]
    /// Withdrawals for it (named or filed under it), refunds to attendees left out.
    public var spending: [EventMoney]
    public var refunds: [EventMoney]
    /// Row → the member a payment or refund was counted for.
    public var payers: [Int64: String] = [:]

    public var collected: Won { attendees.reduce(Won(0)) { Money.saturatingAdd($0, $1.paid) } }
    public var refunded: Won { attendees.reduce(Won(0)) { Money.saturatingAdd($0, $1.refunded) } }
    public var spent: Won { spending.reduce(Won(0)) { Money.saturatingAdd($0, $1.line.amount) } }
    /// Money in for it less refunds and spending: what is left (or, negative, what dues paid).
    public var balance: Won {
        let unmatched = self.unmatched.filter(\.incoming).reduce(Won(0)) { Money.saturatingAdd($0, $1.line.amount) }
        return Money.saturatingAdd(collected, unmatched) - refunded - spent
    }
    public var owing: [(member: String, amount: Won)] {
        guard let fee = event.fee else { return [] }
        return attendees.compactMap { a in a.checking == 0 && a.net < fee ? (a.member, max(0, fee - a.net)) : nil }
    }
    public var openQuestions: Int { unmatched.count + questions.count }

    /// Rows belong to the event as `tie` says; the unsure ones and those the dues ledger still
    /// asks about are questions, and their payers are 확인 중 until a person answers.
    public init(event: Event, group: Group, rows: [EventMoney], learned: [String: String] = [:]) {
        self.event = event
        let matcher = NameMatcher(members: group.members, learned: learned.filter { !$0.value.hasPrefix("!") })
        let others = group.events.filter { $0.name != event.name }
        let ties = rows.map { ($0, Self.tie($0, to: event, others: others)) }.filter { $0.1 != .no }
        var paid: [String: Won] = [:], refunded: [String: Won] = [:], checking: [String: Won] = [:]
        var payers: [Int64: String] = [:]
        var payments: [EventMoney] = [], unmatched: [EventMoney] = [], questions: [EventMoney] = [], spending: [EventMoney] = [], refunds: [EventMoney] = []
        for (r, tie) in ties {
            let who = r.member.map { group.households[$0] ?? $0 } ?? Self.member(matcher.match(Self.withoutEventWords(r.line.text, event)), group)
            if r.inReview || tie == .unsure {
                questions.append(r)
                if let who { checking[who] = Money.saturatingAdd(checking[who] ?? 0, r.line.amount) }
                continue
            }
            switch (r.incoming, who) {
            case (true, let m?):
                paid[m] = Money.saturatingAdd(paid[m] ?? 0, r.line.amount)
                payments.append(r)
                payers[r.line.id] = m
            case (true, nil): unmatched.append(r)
            case (false, let m?):
                refunded[m] = Money.saturatingAdd(refunded[m] ?? 0, r.line.amount)
                refunds.append(r)
                payers[r.line.id] = m
            case (false, nil): spending.append(r)
            }
        }
        let listed = event.attendees(in: group, paid: Set(paid.keys).union(checking.keys))
        var all = listed
        for id in group.members.map(\.id) where (paid[id] != nil || checking[id] != nil) && !listed.contains(id) { all.append(id) }
        attendees = all.map {
            Attendee(member: $0, paid: paid[$0] ?? 0, refunded: refunded[$0] ?? 0, unlisted: !listed.contains($0), checking: checking[$0] ?? 0)
        }
        self.payments = payments
        self.payers = payers
        self.unmatched = unmatched
        self.questions = questions
        self.spending = spending
        self.refunds = refunds
    }

    static func member(_ r: NameMatcher.Result, _ group: Group) -> String? {
        if case .member(let id, _, _) = r { return group.households[id] ?? id }
        return nil
    }

    /// The depositor part of a text: "김솔송년회" and "이하늘 뒷풀이" read as 김솔 and 이하늘 (an
    /// event's name or word, or a word for one's share, never makes or breaks a name). Spaces stay:
    /// the matcher reads the words around a name.
    static func withoutEventWords(_ text: String, _ e: Event) -> String {
        var t = Normalise.nfc(text)
        for w in ([e.name] + e.words + shareWords).sorted(by: { $0.count > $1.count }) where !w.isEmpty {
            t = t.replacingOccurrences(of: w, with: " ", options: .caseInsensitive)
        }
        return t
    }

    /// Words for one's share of a gathering: with no event named, they tie money in to the event
    /// whose day is near.
    static let shareWords = ["참가비", "참석비", "뒷풀이", "뒤풀이", "회식비", "모임비"]

    /// How sure a row is the event's.
    enum Tie { case no, sure, unsure }

    /// Sure: the row names the event (text, memo, the treasurer's words on it), or carries one of
    /// its words or a word for one's share (참가비, 뒷풀이) and names its day (12/20, 12월 20일) or
    /// falls on it. Unsure: such a word within 45 days before to 14 days after the day, with no
    /// word of the treasurer's filing it elsewhere: a monthly 뒷풀이 must not pay the 송년회, nor a
    /// 참가비 sent a week early leave its payer owing, so a person is asked. Another event named,
    /// or as near, leaves it to that one or to a person.
    static func tie(_ r: EventMoney, to e: Event, others: [Event]) -> Tie {
        let texts = [r.line.text, r.line.memo, r.label]
        if e.named(in: texts) { return .sure }
        let days = (r.line.time.epochSeconds - e.date.epochSeconds) / 86_400
        guard days >= -45 && days <= 14, others.allSatisfy({ !$0.named(in: texts) }) else { return .no }
        let letters = texts.map(Normalise.letters)
        let worded = e.named(in: texts, words: true) || (r.incoming && shareWords.contains { w in letters.contains { $0.contains(w) } })
        guard worded else { return .no }
        let onTheDay = r.line.time.year == e.date.year && r.line.time.month == e.date.month && r.line.time.day == e.date.day
        if onTheDay || e.dated(in: [r.line.text, r.line.memo]) { return .sure }
        let near = { (x: Event) in
            let d = (r.line.time.epochSeconds - x.date.epochSeconds) / 86_400
            return d >= -45 && d <= 14
        }
        guard r.label.isEmpty, !others.contains(where: near) else { return .no }
        return .unsure
    }

    /// The cost from the withdrawals (or the event's own `cost`), shared 1/N rounded up to 100
    /// won (the rounding stays with the club), or by the fee with the club paying the rest.
    public func settle(cost given: Won? = nil, way: Event.Settlement? = nil) -> Settlement? {
        let cost = given ?? event.cost ?? (spent > 0 ? spent : nil)
        guard let cost, !attendees.isEmpty else { return nil }
        let n = Won(attendees.count)
        // Someone whose payment is still a question gets no figure until it is answered.
        let settled = attendees.filter { $0.checking == 0 }
        switch way ?? event.settlement {
        case .even:
            let share = (cost / n + (cost % n == 0 ? 0 : 1) + 99) / 100 * 100
            let club = share * n - cost
            return Settlement(cost: cost, share: share, club: club, differences: settled.map { ($0.member, share - $0.net) }.filter { $0.1 != 0 })
        case .fee:
            let fee = event.fee ?? 0
            let collected = attendees.reduce(Won(0)) { Money.saturatingAdd($0, min($1.net, fee)) }
            return Settlement(
                cost: cost, share: fee, club: max(0, cost - collected),
                differences: settled.map { ($0.member, fee - $0.net) }.filter { $0.1 != 0 })
        }
    }
}
