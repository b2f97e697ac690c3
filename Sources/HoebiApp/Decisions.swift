import HoebiCore

/// A treasurer's decisions, with exactly what each changes: the match is worked out before and
/// after the decision in memory (the allocator is deterministic), so the difference is shown before
/// anything is written (`dryRun`) or together with the write.
extension Ledger {
    /// What a treasurer can decide about one deposit.
    public enum Action: Sendable {
        case assign(member: String, periods: [Period])
        case ignore(reason: String)
        /// The automatic match was wrong: this deposit, and its text from now on, is decided by hand.
        case unassign
        /// Withdraws the decision in force, and the rule on the text it left; the automatic rules apply again.
        case clear
        /// One deposit paying several members' dues (일괄 납부); `everyMonth`: every deposit with
        /// this text is such a payment from now on (a payroll forward decided once).
        case collect(members: [String]?, periods: [Period], rest: String?, everyMonth: Bool)
        /// One deposit in parts: dues and other money.
        case split(parts: [DepositPart])
    }

    /// One deposit whose owner or periods a decision changes.
    public struct Change: Sendable, Equatable {
        public var id: Int64
        public var time: SeoulTime
        public var amount: Won
        public var text: String
        public var from: Placement
        public var to: Placement
    }

    /// What happens to the rule on the deposit's whole text.
    public enum RuleNote: Sendable, Equatable {
        case none
        case learned(text: String, rule: LearnedRule)
        /// Not learned, and why (the text fits several members, names someone else, `--only`).
        case notLearned(text: String, why: String)
        case removed(text: String, rule: LearnedRule)
    }

    public struct DecisionEffect: Sendable {
        public var deposit: Deposit
        public var before: Placement
        public var after: Placement
        /// Every other deposit whose owner or periods changed.
        public var changes: [Change]
        public var rule: RuleNote
        /// Nil on a dry run.
        public var match: MatchSummary?
    }

    public func decide(
        _ group: Group, transaction: String, _ action: Action, by: String,
        only: Bool = false, dryRun: Bool = false
    ) throws -> DecisionEffect {
        let id = try Self.transactionID(transaction)
        let input = try store.matchInput(of: group)
        guard let deposit = input.deposits.first(where: { $0.id == id }) else {
            if let w = input.withdrawals.first(where: { $0.id == id }) { return try decideWithdrawal(group, w, action, input: input, by: by, dryRun: dryRun) }
            throw StoreError.unknownTransaction(transaction)
        }
        let key = Normalise.key(deposit.text)
        var decisions = input.decisions, aliases = input.aliases
        var rule = RuleNote.none
        var learn: LearnedRule?? = .some(nil)
        var drop: LearnedRule?
        let storedAction: DecisionAction
        var member: String?
        var periods: [Period] = []
        var reason = ""
        var parts: Decision?
        // What the text says by name alone, without any learned rule.
        let byName = Allocator.namedMembers(NameMatcher(members: group.members, learned: [:]).match(deposit.text))
        // The same members as people see them, for the words that say why no rule was learned.
        // (English output shows ids, as it always has.)
        let shownNames =
            Messages.language == .ko
            ? byName.map { $0.components(separatedBy: ", ").map { group.displayNames()[$0] ?? $0 }.joined(separator: ", ") } : byName
        switch action {
        case .assign(let m, let p):
            let target = try Self.member(m, of: group)
            storedAction = .assign
            member = target.id
            periods = p
            decisions[id] = .assign(member: target.id, periods: p)
            if only {
                rule = .notLearned(text: deposit.text, why: Messages.t("decide.why.only"))
            } else if key.isEmpty {
                rule = .none
            } else if !NameMatcher.namesSomeone(deposit.text) {
                rule = .notLearned(text: deposit.text, why: Messages.t("decide.why.nameless"))
            } else if let named = byName, named != target.id {
                // A text that fits several members, or names someone else, decides this deposit only.
                rule = .notLearned(
                    text: deposit.text,
                    why: named.contains(",") ? Messages.t("decide.why.several", shownNames ?? named) : Messages.t("decide.why.other", shownNames ?? named))
            } else {
                learn = .some(.member(target.id))
                aliases[key] = target.id
                rule = .learned(text: deposit.text, rule: .member(target.id))
            }
        case .ignore(let r):
            storedAction = .ignore
            reason = r
            decisions[id] = .ignore(reason: r)
            if only {
                rule = .notLearned(text: deposit.text, why: Messages.t("decide.why.only"))
            } else if let named = byName {
                rule = .notLearned(text: deposit.text, why: Messages.t("decide.why.swallow", shownNames ?? named))
            } else if !key.isEmpty {
                learn = .some(.notDues)
                aliases[key] = LearnedRule.notDues.stored
                rule = .learned(text: deposit.text, rule: .notDues)
            }
        case .collect(let ms, let ps, let rest, let everyMonth):
            let ids = try ms.map { try $0.map { try Self.member($0, of: group).id } }
            storedAction = .assign
            member = ids?.first
            periods = ps
            let decision = Decision.collective(members: ids, periods: ps, rest: rest)
            decisions[id] = decision
            parts = decision
            if everyMonth && !key.isEmpty && NameMatcher.namesSomeone(deposit.text) {
                learn = .some(.collective(ids))
                aliases[key] = LearnedRule.collective(ids).stored
                rule = .learned(text: deposit.text, rule: .collective(ids))
            } else if everyMonth {
                rule = .notLearned(text: deposit.text, why: Messages.t("decide.why.nameless"))
            }
        case .split(let given):
            var checked: [DepositPart] = []
            for part in given {
                var q = part
                q.member = try part.member.map { try Self.member($0, of: group).id }
                checked.append(q)
            }
            let total = checked.reduce(Won(0)) { Money.saturatingAdd($0, $1.amount) }
            guard total == deposit.amount else { throw AppError.usage(Messages.t("error.splitSum", total.grouped, deposit.amount.grouped)) }
            storedAction = .assign
            member = checked.compactMap(\.member).first
            let decision = Decision.split(parts: checked)
            decisions[id] = decision
            parts = decision
        case .unassign:
            storedAction = .review
            decisions[id] = .review
            if !only && !key.isEmpty {
                learn = .some(.byHand)
                aliases[key] = LearnedRule.byHand.stored
                rule = .learned(text: deposit.text, rule: .byHand)
            }
        case .clear:
            storedAction = .clear
            let old = decisions[id]
            decisions[id] = nil
            let implied: String
            switch old {
            case .assign(let m, _)?: implied = group.households[m] ?? m
            case .collective(let ms, _, _)?: implied = LearnedRule.collective(ms).stored
            case .split?: implied = ""
            case .ignore?: implied = LearnedRule.notDues.stored
            case .review?: implied = LearnedRule.byHand.stored
            case nil: throw AppError.usage(Messages.t("error.noDecision", id))
            }
            if !key.isEmpty, let current = aliases[key], current == implied || group.households[current] == implied {
                let removed = LearnedRule(stored: current)
                drop = removed
                aliases[key] = nil
                rule = .removed(text: deposit.text, rule: removed)
            }
        }
        let before = Self.describe(group: group, input.deposits, aliases: input.aliases, decisions: input.decisions, withdrawals: input.withdrawals)
        let after = Self.describe(group: group, input.deposits, aliases: aliases, decisions: decisions, withdrawals: input.withdrawals)
        var changes: [Change] = []
        for d in input.deposits where d.id != id && before[d.id] != after[d.id] {
            changes.append(Change(id: d.id, time: d.time, amount: d.amount, text: d.text, from: before[d.id] ?? .none, to: after[d.id] ?? .none))
        }
        var effect = DecisionEffect(deposit: deposit, before: before[id] ?? .none, after: after[id] ?? .none, changes: changes, rule: rule, match: nil)
        if dryRun { return effect }
        try store.decide(
            group: group, transaction: id, action: storedAction, member: member, periods: periods, reason: reason, by: by,
            rule: learn, dropRule: drop, parts: parts)
        effect.match = try rematch(group)
        return effect
    }

    /// A transfer out asked about (a refund that returns none of a member's deposits) is answered
    /// with "not dues" (looked at) or that answer withdrawn; it pays no one, and leaves no rule.
    func decideWithdrawal(_ group: Group, _ w: Deposit, _ action: Action, input: MatchInput, by: String, dryRun: Bool) throws -> DecisionEffect {
        let stored: DecisionAction
        var decisions = input.decisions
        switch action {
        case .ignore(let r):
            stored = .ignore
            decisions[w.id] = .ignore(reason: r)
        case .clear:
            guard input.decisions[w.id] != nil else { throw AppError.usage(Messages.t("error.noDecision", w.id)) }
            stored = .clear
            decisions[w.id] = nil
        default: throw StoreError.notADeposit(w.id)
        }
        func placement(_ d: [Int64: Decision]) -> Placement {
            var allocator = Allocator(group: group, learnedAliases: input.aliases)
            return allocator.run(deposits: input.deposits, decisions: d, withdrawals: input.withdrawals).withdrawalReviews[w.id] != nil ? .review : .notDues
        }
        var effect = DecisionEffect(deposit: w, before: placement(input.decisions), after: placement(decisions), changes: [], rule: .none, match: nil)
        if dryRun { return effect }
        try store.decide(
            group: group, transaction: w.id, action: stored, member: nil, periods: [],
            reason: { if case .ignore(let r) = action { return r } else { return "" } }(),
            by: by, rule: .some(nil), dropRule: nil, parts: nil)
        effect.match = try rematch(group)
        return effect
    }

    static func member(_ id: String, of group: Group) throws -> Member {
        guard let m = group.member(id) else {
            throw AppError.usage(Messages.t("error.noMemberList", id, group.id, group.members.map(\.id).joined(separator: ", ")))
        }
        return m
    }

    /// Each deposit's placement under these aliases and decisions (the allocator is deterministic).
    static func describe(
        group: Group, _ deposits: [Deposit], aliases: [String: String], decisions: [Int64: Decision],
        withdrawals: [Deposit]
    ) -> [Int64: Placement] {
        var allocator = Allocator(group: group, learnedAliases: aliases)
        return Placement.of(deposits, allocator.run(deposits: deposits, decisions: decisions, withdrawals: withdrawals))
    }
}

/// Taking back: the last decision (`undo`) or what one import or sync added (`revert`), each with
/// the deposits whose owner or periods change.
extension Ledger {
    func snapshotOfResults(_ group: Group) throws -> (MatchInput, [Int64: Placement]) {
        let input = try store.matchInput(of: group)
        return (input, Self.describe(group: group, input.deposits, aliases: input.aliases, decisions: input.decisions, withdrawals: input.withdrawals))
    }

    static func changes(from before: (MatchInput, [Int64: Placement]), to after: (MatchInput, [Int64: Placement])) -> [Change] {
        var out: [Change] = []
        let still = Set(after.0.deposits.map(\.id))
        for d in before.0.deposits {
            let to: Placement = still.contains(d.id) ? after.1[d.id] ?? .none : .removed
            if before.1[d.id] != to { out.append(Change(id: d.id, time: d.time, amount: d.amount, text: d.text, from: before.1[d.id] ?? .none, to: to)) }
        }
        return out
    }

    /// What `undo` would change, computed from the ledger as it is; nothing is written.
    public func previewUndo(_ group: Group) throws -> (plan: UndoPlan, changes: [Change])? {
        let before = try snapshotOfResults(group)
        guard let plan = try store.nextUndo(group: group) else { return nil }
        var decisions = before.0.decisions, aliases = before.0.aliases
        decisions[plan.transaction] = plan.restores
        if let text = plan.ruleText { aliases[text] = plan.ruleRestored?.stored }
        var input = before.0
        input.decisions = decisions
        input.aliases = aliases
        let after = Self.describe(group: group, input.deposits, aliases: aliases, decisions: decisions, withdrawals: input.withdrawals)
        return (plan, Self.changes(from: before, to: (input, after)))
    }

    /// Takes back the last decision; nil when there is none.
    public func undo(_ group: Group, by: String) throws -> (undone: Undone, changes: [Change], match: MatchSummary)? {
        let before = try snapshotOfResults(group)
        guard let undone = try store.undoLastDecision(group: group, by: by) else { return nil }
        let match = try rematch(group)
        return (undone, Self.changes(from: before, to: try snapshotOfResults(group)), match)
    }

    /// What reverting run `run` would change, computed from the ledger as it is; nothing is written.
    public func previewRevert(_ group: Group, run: String) throws -> (plan: RevertPlan, changes: [Change]) {
        let plan = try store.revertPlan(group: group, run: try Self.runID(run))
        let before = try snapshotOfResults(group)
        let gone = Set(plan.removing)
        var input = before.0
        input.deposits.removeAll { gone.contains($0.id) }
        input.withdrawals.removeAll { gone.contains($0.id) }
        for id in gone { input.decisions[id] = nil }
        let after = Self.describe(group: group, input.deposits, aliases: input.aliases, decisions: input.decisions, withdrawals: input.withdrawals)
        return (plan, Self.changes(from: before, to: (input, after)))
    }

    static func runID(_ run: String) throws -> Int64 {
        let digits = run.hasPrefix("r") || run.hasPrefix("R") ? String(run.dropFirst()) : run
        guard let id = Int64(digits), id > 0 else { throw StoreError.unknownRun(run) }
        return id
    }

    /// Removes the rows run `run` ("r12") added, keeping those another run also brought.
    public func revert(_ group: Group, run: String, by: String) throws -> (reverted: Reverted, changes: [Change], match: MatchSummary) {
        let id = try Self.runID(run)
        let before = try snapshotOfResults(group)
        let reverted = try store.revert(group: group, run: id, by: by)
        let match = try rematch(group)
        return (reverted, Self.changes(from: before, to: try snapshotOfResults(group)), match)
    }
}
