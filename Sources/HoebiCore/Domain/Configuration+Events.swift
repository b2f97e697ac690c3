/// `"events"` and `"categories"` of a group in `hoebi.json`, before validation.
struct RawEvent: Decodable {
    var name: String
    var date: String
    var fee: Won?
    /// "all" (default), "signup" (whoever paid), or a list of member ids.
    var members: RawAttendees?
    var words: [String]?
    var closed: Bool?
    var cost: Won?
    var settle: String?

    enum RawAttendees: Decodable {
        case word(String)
        case list([String])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .word(s) } else { self = .list(try c.decode([String].self)) }
        }
    }

    /// The event, or the problems of its fields (path below `path`).
    func validated(_ path: String, members known: Set<String>, fail: (String, String) -> Void) -> Event? {
        let name = Normalise.nfc(name.trimmingCharacters(in: .whitespaces))
        var ok = true
        if Normalise.letters(name).isEmpty {
            fail("\(path).name", Messages.t("config.letters"))
            ok = false
        }
        let day = SeoulTime(parsing: date)
        if day == nil || date.filter(\.isASCIIDigit).count != 8 {
            fail("\(path).date", Messages.t("config.eventDate", date))
            ok = false
        }
        for (key, amount) in [("fee", fee), ("cost", cost)] {
            if let a = amount, a <= 0 || a > Money.limit {
                fail("\(path).\(key)", Messages.t("config.range", Money.limit.grouped))
                ok = false
            }
        }
        var attendees = Event.Attendees.all
        switch members {
        case .word("all")?, nil: break
        case .word("signup")?: attendees = .signUp
        case .word(let w)?:
            fail("\(path).members", Messages.t("config.eventMembers", w))
            ok = false
        case .list(let ids)?:
            for id in ids where !known.contains(id) {
                fail("\(path).members", Messages.t("config.unknownMember", id))
                ok = false
            }
            attendees = .listed(ids)
        }
        let settlement = settle.map { Event.Settlement(rawValue: $0) } ?? .even
        if settlement == nil {
            fail("\(path).settle", Messages.t("config.eventSettle", settle ?? ""))
            ok = false
        }
        guard ok, let day, let settlement else { return nil }
        return Event(
            name: name, date: day, fee: fee, attendees: attendees,
            words: (words ?? []).map { Normalise.nfc($0.trimmingCharacters(in: .whitespaces)) }.filter { !Normalise.letters($0).isEmpty },
            closed: closed ?? false, cost: cost, settlement: settlement)
    }

    /// Events of one group, checked together (two events by one name would share every deposit).
    static func events(_ raw: [RawEvent], _ path: String, members: Set<String>, fail: (String, String) -> Void) -> [Event] {
        var seen: [String: Int] = [:]
        var out: [Event] = []
        for (i, r) in raw.enumerated() {
            guard let e = r.validated("\(path)[\(i)]", members: members, fail: fail) else { continue }
            let key = Normalise.letters(e.name)
            if let first = seen[key] {
                fail("\(path)[\(i)].name", Messages.t("config.eventTwice", e.name, first))
                continue
            }
            seen[key] = i
            out.append(e)
        }
        return out.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// The treasurer's category words: a word with letters to a line name with letters.
    static func categories(_ raw: [String: String], _ path: String, fail: (String, String) -> Void) -> [String: String] {
        var out: [String: String] = [:]
        for (word, line) in raw {
            let w = Normalise.nfc(word.trimmingCharacters(in: .whitespaces)), l = Normalise.nfc(line.trimmingCharacters(in: .whitespaces))
            guard !Normalise.letters(w).isEmpty, !Normalise.letters(l).isEmpty else {
                fail("\(path).\(word)", Messages.t("config.letters"))
                continue
            }
            out[w] = l
        }
        return out
    }
}
