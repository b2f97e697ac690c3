/// What the group reads about an event: the notice (who paid, who has not, where to send it) and
/// the settlement proposal (the real cost, each share, who pays more or gets money back). Names
/// are shown names; `mask` masks them as the dues notice does.
public enum EventText {
    public static func day(_ t: SeoulTime) -> String {
        let w = ["일", "월", "화", "수", "목", "금", "토"][((t.weekday % 7) + 7) % 7]
        return "\(t.month)월 \(t.day)일(\(w))"
    }

    static func names(_ ids: [String], _ group: Group, mask: Bool) -> String {
        let shown = group.displayNames()
        return ids.map { shown[$0] ?? $0 }.map { mask ? Mask.name($0) : $0 }.joined(separator: ", ")
    }

    public static func notice(_ b: EventBook, group: Group, mask: Bool = false) -> String {
        let e = b.event
        var out = "[\(group.name)] \(e.name) \(day(e.date))"
        if let fee = e.fee { out += " · " + Messages.t("event.text.fee", fee.grouped) }
        out += "\n"
        let paid = b.attendees.filter { a in e.fee.map { a.net >= $0 } ?? (a.net > 0) }.map(\.member)
        let owing = b.owing
        out += Messages.t("event.text.paid", paid.count) + (paid.isEmpty ? "" : ": " + names(paid, group, mask: mask)) + "\n"
        if !owing.isEmpty {
            out +=
                Messages.t("event.text.owing", owing.count) + ": "
                + owing.map {
                    (mask ? Mask.name(group.displayNames()[$0.member] ?? $0.member) : group.displayNames()[$0.member] ?? $0.member) + " " + $0.amount.grouped
                        + "원"
                }
                .joined(separator: ", ") + "\n"
        }
        if b.openQuestions > 0 { out += Messages.t("event.text.checking", b.openQuestions) + "\n" }
        if !owing.isEmpty {
            let holder = group.account.holder.map { " (\($0))" } ?? ""
            out += Messages.t("event.text.account", group.account.bankName, group.account.number, holder, e.name) + "\n"
        }
        return out
    }

    /// The proposal the group reads before money moves: nothing here is written to the ledger.
    public static func settlement(_ b: EventBook, _ s: EventBook.Settlement, way: Event.Settlement, group: Group, mask: Bool = false) -> String {
        let e = b.event
        var out = "[\(group.name)] " + Messages.t("event.settle.title", e.name, day(e.date)) + "\n"
        out += Messages.t("event.settle.cost", s.cost.grouped)
        if !b.spending.isEmpty {
            out += " (" + b.spending.map { "\($0.line.text) \($0.line.amount.grouped)" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        switch way {
        case .even: out += Messages.t("event.settle.even", b.attendees.count, s.share.grouped) + "\n"
        case .fee: out += Messages.t("event.settle.fee", b.attendees.count, s.share.grouped) + "\n"
        }
        out += Messages.t("event.settle.collected", b.collected.grouped, b.attendees.filter { $0.paid > 0 }.count) + "\n"
        let shown = group.displayNames()
        let who = { (id: String) in mask ? Mask.name(shown[id] ?? id) : shown[id] ?? id }
        let more = s.differences.filter { $0.amount > 0 }, back = s.differences.filter { $0.amount < 0 }
        if !more.isEmpty { out += Messages.t("event.settle.more", more.map { "\(who($0.member)) \($0.amount.grouped)원" }.joined(separator: ", ")) + "\n" }
        if !back.isEmpty { out += Messages.t("event.settle.back", back.map { "\(who($0.member)) \((-$0.amount).grouped)원" }.joined(separator: ", ")) + "\n" }
        if s.club > 0 { out += Messages.t(way == .even ? "event.settle.rounding" : "event.settle.club", s.club.grouped) + "\n" }
        if b.openQuestions > 0 { out += Messages.t("event.text.checking", b.openQuestions) + "\n" }
        return out
    }
}
