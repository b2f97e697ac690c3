/// Why a deposit went where it did, as lines for a person: the normalised text, the name evidence,
/// the months named, what each candidate owed, and the decision the allocator reached.
public enum Explanation {
    public static func lines(group: Group, deposit d: Deposit, learnedAliases: [String: String], decision: Decision?,
                             outcome: Outcome?, allocations: [Allocation]) -> [String] {
        var out: [String] = []
        out.append("text: '\(d.text)' → compared as '\(Normalise.letters(d.text))' (rule key '\(Normalise.key(d.text))')")
        if let rule = learnedAliases[Normalise.key(d.text)] {
            out.append("rule on this text: \(rule == Allocator.ignoreRule ? "not dues" : rule == Allocator.reviewRule ? "always decide by hand" : "member \(rule)")")
        }
        switch decision {
        case .assign(let m, let p)?: out.append("treasurer's decision: \(m)\(p.isEmpty ? "" : " for " + p.map(\.description).joined(separator: ", "))")
        case .ignore(let r)?: out.append("treasurer's decision: not dues (\(r))")
        case .review?: out.append("treasurer's decision: un-assigned, decide by hand")
        case nil: break
        }
        if !d.memo.isEmpty { out.append("memo: '\(d.memo)' (read for months and non-dues words)") }
        if group.builtinRules, let why = BankRows.verdict(text: d.text, kind: d.kind) {
            out.append("built-in rule: the bank's own row — \(why) (\"builtinRules\": false turns these off)")
        } else if group.builtinRules, BankRows.isReversal(text: d.text, kind: d.kind) {
            out.append("built-in rule: returned money (취소/반환/환불), paired with the transfer it reverses")
        }
        let matcher = NameMatcher(members: group.members, learned: learnedAliases.filter { !$0.value.hasPrefix("!") })
        let evidence = matcher.evidence(d.text)
        out += evidence.isEmpty ? ["names: none found"] : evidence.map { "names: " + $0 }
        let hints = PeriodHints.parse(d.text)
        out.append(hints.isEmpty ? "months named: none (oldest unpaid month first)"
                                 : "months named: " + hints.periods(at: d.time).map(\.description).joined(separator: ", "))
        var candidates: [String] = []
        if case .member(let id, _, _) = matcher.match(d.text) { candidates = [id] }
        if case .ambiguous(let ids, _, _) = matcher.match(d.text) { candidates = ids }
        if case .doubt(let ids, _) = matcher.match(d.text) { candidates = ids }
        for id in candidates {
            guard let m = group.member(id) else { continue }
            let ob = group.obligation(of: m, in: d.time.period)
            let owed: String
            switch ob {
            case .due(let a): owed = "\(a.grouped) won due in \(d.time.period)"
            case .exempt: owed = "exempt in \(d.time.period)"
            case .inactive: owed = "not a member in \(d.time.period)"
            case .paused: owed = "on leave (휴회) in \(d.time.period)"
            }
            let months = ob.amount > 0 && d.amount % ob.amount == 0 ? " (the deposit is \(d.amount / ob.amount) month(s) of it)" : ""
            out.append("amount: \(d.amount.grouped) won; \(m.name) (\(id)): \(owed)\(months)")
        }
        switch outcome {
        case .allocated(let m, let method)?: out.append("decided: \(m) by \(method)")
        case .review(let reason, let suggestion)?: out.append("decided: review — \(reason)\(suggestion.map { " (maybe \($0))" } ?? "")")
        case .other(let reason)?: out.append("decided: not dues — \(reason)")
        case nil: out.append("decided: not matched yet (run hoebi match)")
        }
        for a in allocations {
            out.append("allocated: \(a.amount.grouped) won to \(a.memberID) for \(a.period?.description ?? "credit (beyond anything owed)")")
        }
        return out
    }
}
