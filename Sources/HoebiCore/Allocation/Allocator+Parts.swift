/// The treasurer's decisions that make one deposit several things: a collective payment (one
/// transfer paying several members' dues) and a split (dues and other money). Both say exactly
/// where every won goes, so the report's sums hold: dues collected plus other income is deposits.
extension Allocator {
    /// Other money inside a deposit that is partly dues: its label and amount.
    public struct OtherPart: Sendable, Equatable {
        public var label: String
        public var amount: Won
    }

    /// A split: each dues part as the treasurer's explicit periods, each other part as other income.
    mutating func split(_ d: Deposit, _ parts: [DepositPart]) -> (Outcome, [Allocation], OtherPart?) {
        let total = parts.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }
        guard total == d.amount, parts.allSatisfy({ $0.amount > 0 }) else {
            return (.review(reason: Messages.ref("reason.splitSum", total.grouped, d.amount.grouped), suggestion: nil), [], nil)
        }
        if let gone = parts.compactMap(\.member).first(where: { members[$0] == nil }) {
            return (.review(reason: Messages.ref("reason.memberGone", gone), suggestion: nil), [], nil)
        }
        var out: [Allocation] = []
        var other: OtherPart?
        for part in parts {
            guard let m = part.member else {
                let label = part.label.isEmpty ? Messages.t("part.other", in: .ko) : part.label
                other = OtherPart(label: other.map { $0.label + ", " + label } ?? label, amount: (other?.amount ?? 0) + part.amount)
                continue
            }
            let share = Deposit(id: d.id, time: d.time, amount: part.amount, text: d.text, kind: d.kind)
            out += allocateExplicit(share, to: m, periods: ownPeriods(part.periods, m))
        }
        guard let first = parts.compactMap(\.member).first else {
            return (.other(reason: Messages.ref("reason.ignoredByTreasurer")), [], other)
        }
        return (.allocated(member: first, method: MatchMethod(.split)), out, other)
    }

    /// A collective payment: what each member still owes for the periods, in member order; the
    /// rest is other income when the treasurer named it, else the deposit must match exactly.
    mutating func collective(_ d: Deposit, members listed: [String]?, periods: [Period], rest: String?) -> (Outcome, [Allocation], OtherPart?) {
        let ids = listed ?? group.members.map(\.id)
        if let gone = ids.first(where: { members[$0] == nil }) {
            return (.review(reason: Messages.ref("reason.memberGone", gone), suggestion: nil), [], nil)
        }
        let named = periods.isEmpty ? [d.time.period] : periods
        var owed: [(String, Period, Won)] = []
        for id in ids {
            guard let m = members[id] else { continue }
            for p in ownPeriods(named, id) {
                let r = group.obligation(of: m, in: p).amount - paidSoFar(id, p)
                if r > 0 { owed.append((id, p, r)) }
            }
        }
        let needed = owed.reduce(Won(0)) { Money.saturatingAdd($0, $1.2) }
        let list = named.map(\.description).joined(separator: ", ")
        guard needed > 0 else { return (.review(reason: Messages.ref("reason.collectiveNothing", list), suggestion: nil), [], nil) }
        if d.amount < needed || (d.amount > needed && rest == nil) {
            let count = Set(owed.map(\.0)).count
            return (.review(reason: Messages.ref("reason.collectiveSum", count, list, needed.grouped, d.amount.grouped), suggestion: nil), [], nil)
        }
        var out: [Allocation] = []
        for (id, p, r) in owed {
            out.append(record(d, id, p, r))
            moveCursor(id, upTo: p.index)
        }
        let other = d.amount > needed ? OtherPart(label: rest ?? "", amount: d.amount - needed) : nil
        return (.allocated(member: owed[0].0, method: MatchMethod(.collective)), out, other)
    }
}
