/// Why a deposit went where it did, as lines for a person: the normalised text, the name evidence,
/// the months named, what each candidate owed, and the decision the allocator reached.
public enum Explanation {
    public static func lines(
        group: Group, deposit d: Deposit, learnedAliases: [String: String], decision: Decision?,
        outcome: Outcome?, allocations: [Allocation]
    ) -> [String] {
        var out: [String] = []
        // Members by the names people see in Korean; English keeps the ids it always showed.
        let names = group.displayNames()
        func who(_ id: String) -> String { Messages.language == .ko ? (names[id] ?? id) : id }
        func whom(_ ids: [String]) -> String { ids.map(who).joined(separator: ", ") }
        out.append(Messages.t("explain.text", d.text, Normalise.letters(d.text), Normalise.key(d.text)))
        if let stored = learnedAliases[Normalise.key(d.text)] {
            switch LearnedRule(stored: stored) {
            case .notDues: out.append(Messages.t("explain.rule.notDues"))
            case .byHand: out.append(Messages.t("explain.rule.byHand"))
            case .member(let id): out.append(Messages.t("explain.rule.member", who(id)))
            case .collective(let ms):
                out.append(Messages.t("explain.rule.collective", ms.map(whom) ?? Messages.t("explain.everyone")))
            }
        }
        switch decision {
        case .assign(let m, let p)?:
            out.append(
                p.isEmpty
                    ? Messages.t("explain.decision.assign", who(m))
                    : Messages.t("explain.decision.assignFor", who(m), p.map(\.description).joined(separator: ", ")))
        case .ignore(let r)?: out.append(Messages.t("explain.decision.ignore", Messages.show(r)))
        case .review?: out.append(Messages.t("explain.decision.review"))
        case .collective(let ms, let ps, let rest)?:
            out.append(
                Messages.t(
                    "explain.decision.collective", ms.map(whom) ?? Messages.t("explain.everyone"),
                    ps.isEmpty ? d.time.period.description : ps.map(\.description).joined(separator: ", "), rest ?? "-"))
        case .split(let parts)?:
            let shown = parts.map { part in
                "\(part.member.map(who) ?? part.label) \(part.amount.grouped)"
                    + (part.periods.isEmpty ? "" : " (\(part.periods.map(\.description).joined(separator: ", ")))")
            }
            out.append(Messages.t("explain.decision.split", shown.joined(separator: " + ")))
        case nil: break
        }
        if !d.memo.isEmpty { out.append(Messages.t("explain.memo", d.memo)) }
        if group.builtinRules, let why = BankRows.verdict(text: d.text, kind: d.kind) {
            out.append(Messages.t("explain.builtin", Messages.show(why)))
        } else if group.builtinRules, BankRows.isReversal(text: d.text, kind: d.kind) {
            out.append(Messages.t("explain.builtinReturn"))
        }
        let matcher = NameMatcher(members: group.members, learned: learnedAliases.filter { !$0.value.hasPrefix("!") })
        let evidence = matcher.evidence(d.text)
        out += evidence.isEmpty ? [Messages.t("explain.noNames")] : evidence.map { Messages.t("explain.names", $0) }
        let hints = PeriodHints.parse(d.text)
        out.append(
            hints.isEmpty
                ? Messages.t("explain.noMonths")
                : Messages.t("explain.months", hints.periods(at: d.time).map(\.description).joined(separator: ", ")))
        var candidates: [String] = []
        if case .member(let id, _, _) = matcher.match(d.text) { candidates = [id] }
        if case .ambiguous(let ids, _, _) = matcher.match(d.text) { candidates = ids }
        if case .doubt(let ids, _) = matcher.match(d.text) { candidates = ids }
        for id in candidates {
            guard let m = group.member(id) else { continue }
            let ob = group.obligation(of: m, in: d.time.period)
            let owed: String
            switch ob {
            case .due(let a): owed = Messages.t("explain.owed.due", a.grouped, d.time.period)
            case .exempt: owed = Messages.t("explain.owed.exempt", d.time.period)
            case .inactive: owed = Messages.t("explain.owed.inactive", d.time.period)
            case .paused: owed = Messages.t("explain.owed.paused", d.time.period)
            }
            let months = ob.amount > 0 && d.amount % ob.amount == 0 ? Messages.t("explain.multiple", d.amount / ob.amount) : ""
            out.append(Messages.t("explain.amount", d.amount.grouped, m.name, id, owed + months))
        }
        switch outcome {
        case .allocated(let m, let method)?: out.append(Messages.t("explain.out.allocated", who(m), method.shown(names)))
        case .review(let reason, let suggestion)?:
            out.append(
                Messages.t("explain.out.review", Messages.show(reason))
                    + (suggestion.map { Messages.t("explain.maybe", whom($0.components(separatedBy: ", "))) } ?? ""))
        case .other(let reason)?: out.append(Messages.t("explain.out.other", Messages.show(reason)))
        case nil: out.append(Messages.t("explain.out.none"))
        }
        for a in allocations {
            out.append(Messages.t("explain.allocation", a.amount.grouped, who(a.memberID), a.period?.description ?? Messages.t("explain.credit")))
        }
        return out
    }
}
