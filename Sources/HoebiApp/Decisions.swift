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
        /// Not dues: money for the event `name`, paid by `member` when the text does not say
        /// (stored as "not dues" with the event's name as its reason and the member beside it).
        case event(name: String, member: String?)
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

    /// One deposit's decision; `changes` lists every other deposit it moves.
    public func decide(
        _ group: Group, transaction: String, _ action: Action, by: String,
        only: Bool = false, dryRun: Bool = false
    ) async throws -> DecisionEffect {
        let batch = try await decide(group, transactions: [transaction], action, by: by, only: only, dryRun: dryRun)
        var effect = batch.decided[0]
        effect.changes = batch.changes
        effect.match = batch.match
        return effect
    }

    /// Several deposits decided alike as one change: previewed together, written in one
    /// transaction, undone as one (`hoebi ignore t40 t64 t85`).
    public struct BatchEffect: Sendable {
        /// Each deposit decided, in the order given (their own `changes` are empty).
        public var decided: [DecisionEffect]
        /// Every other deposit whose owner or periods changed.
        public var changes: [Change]
        /// Nil on a dry run.
        public var match: MatchSummary?
    }

    public func decide(
        _ group: Group, transactions: [String], _ action: Action, by: String, only: Bool = false, dryRun: Bool = false
    ) async throws -> BatchEffect {
        var seen = Set<Int64>()
        let ids = try transactions.map(Self.transactionID).filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { throw AppError.usage(Messages.t("error.noTransactions")) }
        let input = try await store.matchInput(of: group)
        let deposits = Dictionary(input.deposits.map { ($0.id, $0) }) { a, _ in a }
        let withdrawals = Dictionary(input.withdrawals.map { ($0.id, $0) }) { a, _ in a }
        var decisions = input.decisions, aliases = input.aliases
        var planned: [(deposit: Deposit, write: DecisionWrite, rule: RuleNote)] = []
        for id in ids {
            if let d = deposits[id] {
                let p = try plan(group, d, action, only: only, decisions: &decisions, aliases: &aliases)
                planned.append((d, p.write, p.rule))
            } else if let w = withdrawals[id] {
                planned.append((w, try Self.planWithdrawal(w, action, decisions: &decisions), .none))
            } else {
                throw StoreError.unknownTransaction("t\(id)")
            }
        }
        func outcome(_ d: [Int64: Decision], _ a: [String: String]) -> (placements: [Int64: Placement], asked: Set<Int64>) {
            var allocator = Allocator(group: group, learnedAliases: a)
            let r = allocator.run(deposits: input.deposits, decisions: d, withdrawals: input.withdrawals)
            return (Placement.of(input.deposits, r), Set(r.withdrawalReviews.keys))
        }
        let before = outcome(input.decisions, input.aliases), after = outcome(decisions, aliases)
        func placement(_ o: (placements: [Int64: Placement], asked: Set<Int64>), _ d: Deposit) -> Placement {
            withdrawals[d.id] != nil ? (o.asked.contains(d.id) ? .review : .notDues) : o.placements[d.id] ?? .none
        }
        let changes = Self.moved(input.deposits.filter { !seen.contains($0.id) }, from: before.placements, to: after.placements)
        var effect = BatchEffect(
            decided: planned.map {
                DecisionEffect(
                    deposit: $0.deposit, before: placement(before, $0.deposit), after: placement(after, $0.deposit), changes: [], rule: $0.rule, match: nil)
            }, changes: changes, match: nil)
        if dryRun { return effect }
        try await store.decide(group: group, planned.map(\.write), by: by)
        effect.match = try await rematch(group)
        return effect
    }

    /// What deciding `deposit` writes and what it leaves on its text, applied to `decisions` and
    /// `aliases` (so the next deposit of a batch is planned after it).
    func plan(
        _ group: Group, _ deposit: Deposit, _ action: Action, only: Bool, decisions: inout [Int64: Decision], aliases: inout [String: String]
    ) throws -> (write: DecisionWrite, rule: RuleNote) {
        let id = deposit.id
        let key = Normalise.key(deposit.text)
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
        case .ignore(let r), .event(let r, _):
            storedAction = .ignore
            reason = r
            decisions[id] = .ignore(reason: r)
            if case .event(_, let m?) = action { member = try Self.member(m, of: group).id }
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
        return (
            DecisionWrite(
                transaction: id, action: storedAction, member: member, periods: periods, reason: reason, rule: learn, dropRule: drop, parts: parts),
            rule
        )
    }

    /// A transfer out asked about (a refund that returns none of a member's deposits) is answered
    /// with "not dues" (looked at) or that answer withdrawn; it pays no one, and leaves no rule.
    static func planWithdrawal(_ w: Deposit, _ action: Action, decisions: inout [Int64: Decision]) throws -> DecisionWrite {
        switch action {
        case .ignore(let r), .event(let r, _):
            decisions[w.id] = .ignore(reason: r)
            return DecisionWrite(transaction: w.id, action: .ignore, reason: r, rule: .some(nil))
        case .clear:
            guard decisions[w.id] != nil else { throw AppError.usage(Messages.t("error.noDecision", w.id)) }
            decisions[w.id] = nil
            return DecisionWrite(transaction: w.id, action: .clear, rule: .some(nil))
        default: throw StoreError.notADeposit(w.id)
        }
    }

    /// What a change to the group's settings (a member added, edited or gone) would do to every
    /// deposit, worked out before anything is written, like a decision's preview.
    public func changes(from old: Group, to new: Group) async throws -> [Change] {
        let input = try await store.matchInput(of: old)
        let before = Self.describe(group: old, input.deposits, aliases: input.aliases, decisions: input.decisions, withdrawals: input.withdrawals)
        let after = Self.describe(group: new, input.deposits, aliases: input.aliases, decisions: input.decisions, withdrawals: input.withdrawals)
        return Self.moved(input.deposits, from: before, to: after)
    }

    /// The deposits whose placement differs between two runs of the allocator.
    static func moved(_ deposits: [Deposit], from before: [Int64: Placement], to after: [Int64: Placement]) -> [Change] {
        deposits.filter { before[$0.id] != after[$0.id] }.map {
            Change(id: $0.id, time: $0.time, amount: $0.amount, text: $0.text, from: before[$0.id] ?? .none, to: after[$0.id] ?? .none)
        }
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
    func snapshotOfResults(_ group: Group) async throws -> (MatchInput, [Int64: Placement]) {
        let input = try await store.matchInput(of: group)
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
    public func previewUndo(_ group: Group) async throws -> (plan: UndoPlan, changes: [Change])? {
        let before = try await snapshotOfResults(group)
        guard let plan = try await store.nextUndo(group: group) else { return nil }
        var decisions = before.0.decisions, aliases = before.0.aliases
        // Newest first, as the store takes them back: a text two of them changed ends as it began.
        for p in [plan] + plan.together {
            decisions[p.transaction] = p.restores
            if let text = p.ruleText { aliases[text] = p.ruleRestored?.stored }
        }
        var input = before.0
        input.decisions = decisions
        input.aliases = aliases
        let after = Self.describe(group: group, input.deposits, aliases: aliases, decisions: decisions, withdrawals: input.withdrawals)
        return (plan, Self.changes(from: before, to: (input, after)))
    }

    /// Takes back the last decision; nil when there is none.
    public func undo(_ group: Group, by: String) async throws -> (undone: Undone, changes: [Change], match: MatchSummary)? {
        let before = try await snapshotOfResults(group)
        guard let undone = try await store.undoLastDecision(group: group, by: by) else { return nil }
        let match = try await rematch(group)
        return await (undone, Self.changes(from: before, to: try snapshotOfResults(group)), match)
    }

    /// What reverting run `run` would change, computed from the ledger as it is; nothing is written.
    public func previewRevert(_ group: Group, run: String) async throws -> (plan: RevertPlan, changes: [Change]) {
        let plan = try await store.revertPlan(group: group, run: try Self.runID(run))
        let before = try await snapshotOfResults(group)
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
    public func revert(_ group: Group, run: String, by: String) async throws -> (reverted: Reverted, changes: [Change], match: MatchSummary) {
        let id = try Self.runID(run)
        let before = try await snapshotOfResults(group)
        let reverted = try await store.revert(group: group, run: id, by: by)
        let match = try await rematch(group)
        return await (reverted, Self.changes(from: before, to: try snapshotOfResults(group)), match)
    }
}
