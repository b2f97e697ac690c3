import Foundation
import HoebiCore
import PostgresNIO

extension PostgresStore {
    @discardableResult
    public func register(_ group: Group, fingerprint: String) async throws -> Bool {
        let known = try await read { s in try await s.one("SELECT fingerprint FROM match_state WHERE group_id = \(group.id)", as: String.self) }
        if known == fingerprint { return false }
        // Under the account's lock: two instances registering at once take turns instead of
        // meeting each other's member rows (postgres.md §1.4.3).
        try await write(lock: Self.key(group)) { s in
            try await s.run(
                "INSERT INTO groups(id, name, account) VALUES (\(group.id), \(group.name), \(group.account.key)) ON CONFLICT(id) DO UPDATE SET name = excluded.name, account = excluded.account"
            )
            try await s.run("DELETE FROM members WHERE group_id = \(group.id)")
            let ids = group.members.map(\.id), names = group.members.map(\.name)
            try await s.run("INSERT INTO members(group_id, id, name) SELECT \(group.id), i, n FROM unnest(\(ids)::text[], \(names)::text[]) AS m(i, n)")
            try await s.run("DELETE FROM aliases WHERE group_id = \(group.id) AND source = 'config'")
            var aliases: [String] = [], owners: [String] = []
            for m in group.members {
                for a in m.aliases {
                    aliases.append(Normalise.key(a))
                    owners.append(m.id)
                }
            }
            try await s.run(
                """
                INSERT INTO aliases(group_id, alias, member_id, source, created_at)
                SELECT \(group.id), a, o, 'config', now() FROM unnest(\(aliases)::text[], \(owners)::text[]) WITH ORDINALITY AS x(a, o, n) ORDER BY n
                ON CONFLICT DO NOTHING
                """)
            try await s.run(
                """
                INSERT INTO match_state(group_id, fingerprint, generation, matched) VALUES (\(group.id), \(fingerprint), 1, 0)
                ON CONFLICT(group_id) DO UPDATE SET fingerprint = excluded.fingerprint, generation = match_state.generation + 1,
                    history = match_state.generation + 1
                """)
        }
        return true
    }

    public func isCurrent(_ group: Group, fingerprint: String) async throws -> Bool {
        try await read { s in
            guard let r = try await s.rows("SELECT fingerprint, generation, matched FROM match_state WHERE group_id = \(group.id)").first else { return false }
            let (f, generation, matched) = try r.decode((String, Int64, Int64).self)
            return f == fingerprint && matched >= generation
        }
    }

    public func matchStates() async throws -> [String: MatchStateSummary] {
        try await read { s in
            var out: [String: MatchStateSummary] = [:]
            for r in try await s.rows("SELECT group_id, fingerprint, matched < generation FROM match_state") {
                let (id, fingerprint, owes) = try r.decode((String, String, Bool).self)
                out[id] = MatchStateSummary(fingerprint: fingerprint, owesMatch: owes)
            }
            return out
        }
    }

    public func owesMatch(_ group: Group) async throws -> Bool {
        try await read { s in try await Self.owesMatch(s, group.id) }
    }

    static func owesMatch(_ s: Session, _ group: String) async throws -> Bool {
        guard let r = try await s.rows("SELECT generation, matched FROM match_state WHERE group_id = \(group)").first else { return true }
        let (generation, matched) = try r.decode((Int64, Int64).self)
        return matched < generation
    }

    static func invalidate(_ s: Session, account: String) async throws {
        try await s.run("UPDATE match_state SET generation = generation + 1 WHERE group_id IN (SELECT id FROM groups WHERE account = \(account))")
    }

    static func invalidate(_ s: Session, group: String) async throws {
        // Not new rows: the next match cannot start from the last one's carry.
        try await s.run("UPDATE match_state SET generation = generation + 1, history = generation + 1 WHERE group_id = \(group)")
    }

    public func hasRunningRuns() async throws -> Bool {
        try await read { s in try await s.one("SELECT EXISTS (SELECT 1 FROM runs WHERE status = 'running')", as: Bool.self) ?? false }
    }

    @discardableResult
    public func markInterruptedRuns() async throws -> Int {
        try await write(lock: nil) { s in
            try await s.count(
                "UPDATE runs SET status = 'interrupted', finished_at = now(), message = message || ' (the process ended before the run finished)' WHERE status = 'running' RETURNING 1"
            )
        }
    }

    // MARK: Matching

    /// One REPEATABLE READ snapshot: the deposits and the generation belong to the same moment.
    public func matchInput(of group: Group) async throws -> MatchInput {
        try await read { s in
            MatchInput(
                deposits: try await Self.deposits(s, group, direction: "in"), decisions: try await Self.decisions(s, group),
                aliases: try await Self.aliases(s, group),
                generation: try await s.one("SELECT generation FROM match_state WHERE group_id = \(group.id)", as: Int64.self) ?? 0,
                withdrawals: try await Self.deposits(s, group, direction: "out"))
        }
    }

    static func deposits(_ s: Session, _ group: Group, direction: String) async throws -> [Deposit] {
        var out: [Deposit] = []
        let rows = try await s.conn.query(
            """
            SELECT id, extract(epoch FROM occurred_at)::bigint, amount, text, kind, memo FROM transactions
            WHERE account = \(group.account.key) AND direction = \(direction) ORDER BY occurred_at, id
            """, logger: s.logger)
        for try await (id, time, amount, text, kind, memo) in rows.decode((Int64, Int64, Int64, String, String, String).self) {
            out.append(Deposit(id: id, time: SeoulTime(stored: time), amount: amount, text: text, kind: kind, memo: memo))
        }
        return out
    }

    static func decisions(_ s: Session, _ group: Group) async throws -> [Int64: Decision] {
        var out: [Int64: Decision] = [:]
        for r in try await s.rows("SELECT transaction_id, action, member_id, periods, reason, parts FROM decisions WHERE group_id = \(group.id) ORDER BY id") {
            let (id, action, member, periods, reason, parts) = try r.decode((Int64, String, String?, String?, String?, String?).self)
            out[id] = Store.decision(action: action, member: member, periods: periods, reason: reason, parts: parts)
        }
        return out
    }

    static func aliases(_ s: Session, _ group: Group) async throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try await s.rows("SELECT alias, member_id FROM aliases WHERE group_id = \(group.id)") {
            let (a, m) = try r.decode((String, String).self)
            out[a] = m
        }
        return out
    }

    /// Saves a match result (see `Store.saveMatch`). `FOR UPDATE` on the group's match state is
    /// the compare-and-set: a second save waits, then sees the first one's generation and stands
    /// back if its input is older, or, for new rows, if the match it started from is gone
    /// (postgres.md §1.4.3).
    @discardableResult
    public func saveMatch(group: Group, deposits: [Deposit], result: Allocator.Result, save: MatchSave) async throws -> Bool {
        let started = Self.now()
        let rows = MatchRows(group: group, deposits: deposits, result: result, added: save.kind != .full)
        let carry = try save.carry.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let upto = save.carry == nil ? nil : save.upto
        return try await write(lock: Self.key(group)) { s in
            guard let state = try await s.rows("SELECT matched, carried_upto FROM match_state WHERE group_id = \(group.id) FOR UPDATE").first else {
                return false
            }
            let (matched, carriedUpto) = try state.decode((Int64, Int64?).self)
            switch save.kind {
            case .full:
                if matched > save.generation { return false }
                // Allocations are rewritten only where they changed (below); the few outcome and
                // hold rows are replaced whole.
                for table in ["outcomes", "holds"] {
                    try await s.run(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE group_id = $1", binds: Self.binds(group.id)))
                }
            case .added(let base, let baseUpto):
                guard matched == base, carriedUpto == baseUpto else { return false }
            }
            try await Copy.rows(
                s, table: "outcomes", columns: ["transaction_id", "group_id", "status", "member_id", "method", "reason", "suggestion", "amount", "label"],
                rows.outcomes)
            var allocations = rows.allocations
            if save.kind == .full {
                var diff = AllocationDiff(result.allocations, method: rows.method)
                let stored = try await s.conn.query(
                    "SELECT transaction_id, member_id, period, amount, method FROM allocations WHERE group_id = \(group.id) ORDER BY transaction_id, id",
                    logger: s.logger)
                for try await (t, member, period, amount, method) in stored.decode((Int64, String, String?, Int64, String).self) {
                    diff.stored(transaction: t, member: member, period: period, amount: amount, method: method)
                }
                allocations = MatchRows.allocationRows(group: group, diff.added(), method: rows.method)
                if !diff.removed.isEmpty {
                    try await s.run("DELETE FROM allocations WHERE group_id = \(group.id) AND transaction_id = ANY(\(diff.removed))")
                }
            }
            try await Copy.rows(s, table: "allocations", columns: ["group_id", "transaction_id", "member_id", "period", "amount", "method"], allocations)
            try await Copy.rows(s, table: "holds", columns: ["group_id", "transaction_id", "member_id", "period", "amount"], rows.holds)
            try await s.run(
                """
                INSERT INTO runs(group_id, kind, source, started_at, finished_at, new_rows, message)
                VALUES (\(group.id), 'match', \(save.kind == .full ? "rematch" : "new rows"), to_timestamp(\(started)), now(),
                    \(Int64(result.allocations.count)), \(rows.summary))
                """)
            try await s.run(
                "UPDATE match_state SET matched = \(save.generation), carry = \(carry), carried_upto = \(upto) WHERE group_id = \(group.id)")
            return true
        }
    }

    public func matchDelta(of group: Group) async throws -> MatchDelta? {
        try await read { s in
            guard let state = try await s.rows("SELECT matched, generation, history, carry, carried_upto FROM match_state WHERE group_id = \(group.id)").first
            else { return nil }
            let (matched, generation, history, text, upto) = try state.decode((Int64, Int64, Int64, String?, Int64?).self)
            guard let text, let baseUpto = upto, history <= matched, let carry = try? JSONDecoder().decode(MatchCarry.self, from: Data(text.utf8))
            else { return nil }
            var deposits: [Deposit] = [], withdrawals: [Deposit] = []
            let rows = try await s.conn.query(
                """
                SELECT id, extract(epoch FROM occurred_at)::bigint, amount, text, kind, memo, direction FROM transactions
                WHERE id > \(baseUpto) AND account = \(group.account.key) ORDER BY occurred_at, id
                """, logger: s.logger)
            for try await (id, time, amount, text, kind, memo, direction) in rows.decode((Int64, Int64, Int64, String, String, String, String).self) {
                let d = Deposit(id: id, time: SeoulTime(stored: time), amount: amount, text: text, kind: kind, memo: memo)
                if direction == "in" { deposits.append(d) } else { withdrawals.append(d) }
            }
            // Older rows a new one could pair with: from the pairing window before the first.
            func older(_ direction: String, after first: Deposit?) async throws -> [Deposit] {
                guard let first else { return [] }
                let from = first.time.epochSeconds - Allocator.pairingWindow
                var out: [Deposit] = []
                let rows = try await s.conn.query(
                    """
                    SELECT id, extract(epoch FROM occurred_at)::bigint, amount, text, kind, memo FROM transactions
                    WHERE account = \(group.account.key) AND direction = \(direction) AND occurred_at >= to_timestamp(\(from)) AND id <= \(baseUpto)
                    """, logger: s.logger)
                for try await (id, time, amount, text, kind, memo) in rows.decode((Int64, Int64, Int64, String, String, String).self) {
                    out.append(Deposit(id: id, time: SeoulTime(stored: time), amount: amount, text: text, kind: kind, memo: memo))
                }
                return out
            }
            return MatchDelta(
                carry: carry, base: matched, baseUpto: baseUpto, generation: generation, deposits: deposits, withdrawals: withdrawals,
                recentWithdrawals: try await older("out", after: deposits.first), recentDeposits: try await older("in", after: withdrawals.first),
                aliases: try await Self.aliases(s, group))
        }
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var b = PostgresBindings()
        for v in values { b.append(v) }
        return b
    }

    // MARK: Decisions

    public func decide(group: Group, _ writes: [DecisionWrite], by: String) async throws {
        try await write(lock: Self.key(group)) { s in
            var batch: Int64?
            for w in writes {
                let id = try await Self.recordDecision(s, group: group, w, by: by, batch: batch)
                if writes.count > 1, batch == nil {
                    batch = id
                    try await s.run("UPDATE decisions SET batch = \(id) WHERE id = \(id)")
                }
            }
            try await Self.invalidate(s, group: group.id)
        }
    }

    static func recordDecision(_ s: Session, group: Group, _ w: DecisionWrite, by: String, batch: Int64?) async throws -> Int64 {
        let id = w.transaction
        guard let row = try await s.rows("SELECT direction, text, account FROM transactions WHERE id = \(id)").first else {
            throw StoreError.unknownTransaction("t\(id)")
        }
        let (direction, text, account) = try row.decode((String, String, String).self)
        guard account == group.account.key else { throw StoreError.unknownTransaction("t\(id)") }
        guard direction == "in" || w.action == .ignore || w.action == .clear else { throw StoreError.notADeposit(id) }
        let key = Normalise.key(text)
        let ruleBefore = try await s.one(
            "SELECT member_id FROM aliases WHERE group_id = \(group.id) AND alias = \(key) AND source = 'learned'", as: String.self)
        let periods = w.periods.map(\.description).joined(separator: ",")
        guard
            let decision = try await s.one(
                """
                INSERT INTO decisions(group_id, transaction_id, action, member_id, periods, reason, decided_by, decided_at, rule_before, parts, batch)
                VALUES (\(group.id), \(id), \(w.action.rawValue), \(w.member), \(periods), \(w.reason), \(by), now(), \(ruleBefore),
                        \(DecisionParts.encode(w.parts)), \(batch))
                RETURNING id
                """, as: Int64.self)
        else { throw StoreError.unknownTransaction("t\(id)") }
        var ruleChanged = false
        let learn: LearnedRule? = w.rule ?? w.action.impliedRule(member: w.member)
        if let learn, !key.isEmpty {
            try await s.run(
                """
                INSERT INTO aliases(group_id, alias, member_id, source, created_at, created_by) VALUES (\(group.id), \(key), \(learn.stored), 'learned', now(), \(by))
                ON CONFLICT(group_id, alias) DO UPDATE SET member_id = excluded.member_id, source = 'learned',
                    created_at = excluded.created_at, created_by = excluded.created_by
                """)
            ruleChanged = true
        }
        if let dropRule = w.dropRule, !key.isEmpty {
            let dropped = try await s.count(
                "DELETE FROM aliases WHERE group_id = \(group.id) AND alias = \(key) AND member_id = \(dropRule.stored) AND source = 'learned' RETURNING 1")
            ruleChanged = ruleChanged || dropped > 0
        }
        if ruleChanged { try await s.run("UPDATE decisions SET rule_text = \(key) WHERE id = \(decision)") }
        return decision
    }

    public func rules(of group: Group) async throws -> [TextRule] {
        try await read { s in
            try await s.rows(
                """
                SELECT alias, member_id, source, extract(epoch FROM created_at)::bigint, created_by FROM aliases WHERE group_id = \(group.id)
                ORDER BY source, alias
                """
            ).map { r in
                let (text, rule, source, at, by) = try r.decode((String, String, String, Int64, String).self)
                return TextRule(text: text, rule: LearnedRule(stored: rule), source: source, createdAt: SeoulTime(stored: at).iso8601, createdBy: by)
            }
        }
    }

    @discardableResult
    public func removeRule(group: Group, text: String) async throws -> Bool {
        try await write(lock: Self.key(group)) { s in
            let removed =
                try await s.count(
                    "DELETE FROM aliases WHERE group_id = \(group.id) AND alias = \(Normalise.key(text)) AND source = 'learned' RETURNING 1") > 0
            if removed { try await Self.invalidate(s, group: group.id) }
            return removed
        }
    }
}

/// A match result as the rows of its three tables, in COPY's text form, built before the
/// transaction so the lock is held only while they are sent.
struct MatchRows: Sendable {
    var outcomes: [[String?]] = []
    var allocations: [[String?]] = []
    var holds: [[String?]] = []
    var summary: String
    /// How each allocated deposit was matched, stored beside its allocations.
    var method: DepositMethods

    static func allocationRows(group: Group, _ allocations: [Allocation], method: DepositMethods) -> [[String?]] {
        allocations.map { [group.id, String($0.transactionID), $0.memberID, $0.period?.description, String($0.amount), method[$0.transactionID]] }
    }

    init(group: Group, deposits: [Deposit], result: Allocator.Result, added: Bool = false) {
        let method = DepositMethods(deposits: deposits, outcomes: result.outcomes)
        func outcome(_ id: Int64, _ status: String, _ reason: String, suggestion: String? = nil, amount: Won? = nil, label: String? = nil) -> [String?] {
            [String(id), group.id, status, nil, "", reason, suggestion, amount.map { String($0) }, label]
        }
        var outcomes: [[String?]] = []
        for (d, o) in zip(deposits, result.outcomes) {
            switch o {
            case .allocated:
                if let part = result.otherParts[d.id] {
                    outcomes.append(outcome(d.id, "other", Messages.ref("reason.part", part.label), amount: part.amount, label: part.label))
                }
            case .review(let reason, let suggestion): outcomes.append(outcome(d.id, "review", reason, suggestion: suggestion))
            case .other(let reason): outcomes.append(outcome(d.id, "other", reason))
            }
        }
        for (id, reason) in result.withdrawalReviews.sorted(by: { $0.key < $1.key }) { outcomes.append(outcome(id, "review", reason)) }
        self.outcomes = outcomes
        self.method = method
        // A full save writes only the allocations that changed, worked out inside its transaction.
        allocations = added ? Self.allocationRows(group: group, result.allocations, method: method) : []
        holds = result.holds.compactMap { h in
            h.period.map { [group.id, String(h.transactionID), h.memberID, $0.description, String(h.amount)] }
        }
        let review = result.outcomes.filter { if case .review = $0 { return true } else { return false } }.count
        summary = "\(deposits.count) \(added ? "new " : "")deposits, \(review) to review"
    }
}
