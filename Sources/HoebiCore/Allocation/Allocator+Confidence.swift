/// When money that names no period may be a member's dues without a person looking first.
///
/// The allocator plans where a deposit would go (oldest unpaid period first) and then asks of the
/// plan whether it still looks like one member paying their own dues. Payroll forwards, float money,
/// a yearly club's 참가비 and a gift from an exempt 회장 all look like a name and an amount; what
/// gives them away is where the money would land: years ahead, beyond anything the member can owe,
/// a sliver of a period already paid, or a member who owes nothing now.
extension Allocator {
    /// Where money would go, oldest unpaid period first: shares of periods, and what is left over
    /// beyond anything the member can owe.
    struct Plan {
        var shares: [(period: Period, amount: Won)] = []
        var credit: Won = 0
    }

    /// The walk of `allocateOldestFirst` without writing anything, so the plan can be questioned first.
    func plan(to id: String, amount: Won, at time: SeoulTime) -> Plan {
        guard let m = members[id] else { return Plan(credit: amount) }
        var plan = Plan()
        var left = amount
        let c = group.cycle(of: m)
        var idx = cursor[id] ?? group.firstPeriod(of: m).index
        let last = m.left.map { Period(cycle: c, containingMonth: $0.endMonth).index } ?? Int.max
        let limit = min(last, time.period.within(c).index + Self.advanceLimit / c.months)
        while left > 0 && idx <= limit {
            let p = Period(cycle: c, index: idx)
            let r = group.obligation(of: m, in: p).amount - paidSoFar(id, p)
            if r > 0 {
                let take = min(r, left)
                plan.shares.append((p, take))
                left -= take
            }
            idx += 1
        }
        plan.credit = left
        return plan
    }

    /// The last period a deposit naming no period may reach on its own: the period now due and the
    /// next one in the member's cycle, or the group's `advanceMonths` past the deposit's month.
    func advanceBound(_ time: SeoulTime, _ c: Cycle) -> Period {
        let now = time.period.within(c)
        guard let months = group.dues.advanceMonths else { return now.next }
        return max(now, Period(cycle: c, containingMonth: time.period.startMonth + months))
    }

    /// Whether the member is the treasurer or bears the account holder's name: their name on a
    /// deposit is as often the club's money passing through them as their own dues.
    func isTreasurerOrHolder(_ id: String) -> Bool { treasurerOrHolder.contains(id) }

    /// Why a plan is not safely this member's dues (a reason reference), or nil when it is.
    func question(_ d: Deposit, _ id: String, _ plan: Plan, amount: Won) -> String? {
        guard let m = members[id] else { return nil }
        let c = group.cycle(of: m)
        let now = d.time.period.within(c)
        let nowDue = group.obligation(of: m, in: now)
        // Before the schedule starts nobody owes anything: the schedule, not the member, is why.
        if nowDue == .inactive, now < group.firstPeriod.within(c), plan.shares.first.map({ $0.period > now }) ?? true {
            return Messages.ref("reason.beforeSchedule", amount.grouped, now, group.firstPeriod)
        }
        if isTreasurerOrHolder(id) {
            // Their ordinary dues are dues; anything more than this period and the next is asked.
            let ordinary = Money.saturatingAdd(nowDue.amount, group.obligation(of: m, in: now.next).amount)
            if amount > ordinary || plan.credit > 0 || (plan.shares.last.map { $0.period > advanceBound(d.time, c) } ?? false) {
                return Messages.ref("reason.treasurerOwn", m.name, amount.grouped)
            }
        }
        if plan.credit > 0 {
            return Messages.ref("reason.beyondOwed", m.name, amount.grouped, plan.credit.grouped)
        }
        // Nothing owed up to now: the money only reaches ahead.
        let ahead = plan.shares.first.map { $0.period > now } ?? false
        if ahead {
            switch nowDue {
            case .exempt: return Messages.ref("reason.owesNothing.exempt", m.name, now, amount.grouped)
            case .paused: return Messages.ref("reason.owesNothing.paused", m.name, now, amount.grouped)
            case .inactive: return Messages.ref("reason.owesNothing.inactive", m.name, now, amount.grouped)
            case .due: break
            }
        }
        if let last = plan.shares.last?.period, last > advanceBound(d.time, c) {
            let due = max(1, nowDue.amount > 0 ? nowDue.amount : plan.shares[0].amount)
            return Messages.ref("reason.farAhead", m.name, amount.grouped, last, amount / due)
        }
        // A sliver of a period not yet begun, with nothing towards it so far (a yearly club's
        // 10,000 참가비 after the year is paid); topping up a period already part paid is dues.
        if ahead, let first = plan.shares.first, paidSoFar(id, first.period) == 0 {
            let next = group.obligation(of: m, in: first.period).amount
            if amount < next { return Messages.ref("reason.fractionAhead", m.name, now, amount.grouped, next.grouped) }
        }
        if plan.shares.isEmpty && nowDue == .inactive {
            return Messages.ref("reason.owesNothing.inactive", m.name, now, amount.grouped)
        }
        return nil
    }

    /// Writes a plan: the periods it fills and any credit.
    mutating func commit(_ d: Deposit, to id: String, _ plan: Plan) -> [Allocation] {
        var out = plan.shares.map { record(d, id, $0.period, $0.amount) }
        if plan.credit > 0 { out.append(Allocation(transactionID: d.id, memberID: id, period: nil, amount: plan.credit)) }
        moveCursor(id, upTo: plan.shares.last?.period.index)
        return out
    }

    /// Everything before the cursor is settled, so the next plan starts there.
    mutating func moveCursor(_ id: String, upTo end: Int?) {
        guard let m = members[id], let end else { return }
        var idx = cursor[id] ?? group.firstPeriod(of: m).index
        while idx <= end {
            let p = Period(cycle: group.cycle(of: m), index: idx)
            guard paidSoFar(id, p) >= group.obligation(of: m, in: p).amount else { break }
            idx += 1
        }
        cursor[id] = idx
    }

    /// A deposit in review that would pay one member's periods if answered as suggested keeps
    /// those periods: the member's later deposits do not slide into them, and the report shows
    /// them as 확인 필요. Only a plan that passes every check is held (a question about a lump sum
    /// must not push the member's real dues years ahead).
    mutating func hold(_ d: Deposit, for id: String) {
        guard members[id] != nil, d.amount > 0 else { return }
        let named = hints(d)
        let periods = ownPeriods(named, id)
        let plan: Plan
        if periods.isEmpty {
            plan = self.plan(to: id, amount: d.amount, at: d.time)
            guard question(d, id, plan, amount: d.amount) == nil else { return }
        } else {
            guard let m = members[id] else { return }
            var p = Plan()
            var left = d.amount
            for q in periods where left > 0 {
                let r = group.obligation(of: m, in: q).amount - paidSoFar(id, q)
                if r > 0 {
                    p.shares.append((q, min(r, left)))
                    left -= min(r, left)
                }
            }
            plan = p
        }
        // Counted as paid while the allocator runs (so later money passes it), kept apart as holds.
        for s in plan.shares { holds.append(record(d, id, s.period, s.amount)) }
        moveCursor(id, upTo: plan.shares.last?.period.index)
    }
}
