import Foundation
import GRDB
import HoebiCore

extension Store {
    public func matchInput(of group: Group) throws -> MatchInput {
        try read { db in
            MatchInput(
                deposits: try Self.deposits(db, group), decisions: try Self.decisions(db, group), aliases: try Self.aliases(db, group),
                generation: try Int64.fetchOne(db, sql: "SELECT generation FROM match_state WHERE group_id = ?", arguments: [group.id]) ?? 0,
                withdrawals: try Self.deposits(db, group, direction: "out"))
        }
    }

    public func matchDelta(of group: Group) throws -> MatchDelta? {
        try read { db in
            guard
                let state = try Row.fetchOne(
                    db, sql: "SELECT matched, generation, history, carry, carried_upto FROM match_state WHERE group_id = ?", arguments: [group.id]),
                let text = state[3] as String?, let baseUpto = state[4] as Int64?, (state[2] as Int64) <= (state[0] as Int64),
                let carry = try? JSONDecoder().decode(MatchCarry.self, from: Data(text.utf8))
            else { return nil }
            // By id, not by the account's index: the new rows are the few above the last match.
            var deposits: [Deposit] = [], withdrawals: [Deposit] = []
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT id, occurred_at, amount, text, kind, memo, direction FROM transactions WHERE id > ? AND +account = ? ORDER BY occurred_at, id",
                arguments: [baseUpto, group.account.key])
            while let r = try rows.next() {
                let d = Deposit(id: r[0], time: try Self.time(r[1]), amount: r[2], text: r[3], kind: r[4], memo: r[5])
                if (r[6] as String) == "in" { deposits.append(d) } else { withdrawals.append(d) }
            }
            // Older rows a new one could pair with: from the pairing window before the first.
            func older(_ direction: String, after first: Deposit?) throws -> [Deposit] {
                guard let first else { return [] }
                let from = SeoulTime(epochSeconds: first.time.epochSeconds - Allocator.pairingWindow)
                var out: [Deposit] = []
                let rows = try Row.fetchCursor(
                    db,
                    sql:
                        "SELECT id, occurred_at, amount, text, kind, memo FROM transactions WHERE account = ? AND direction = ? AND occurred_at >= ? AND id <= ?",
                    arguments: [group.account.key, direction, from.iso8601, baseUpto])
                while let r = try rows.next() { out.append(Deposit(id: r[0], time: try Self.time(r[1]), amount: r[2], text: r[3], kind: r[4], memo: r[5])) }
                return out
            }
            return MatchDelta(
                carry: carry, base: state[0], baseUpto: baseUpto, generation: state[1], deposits: deposits, withdrawals: withdrawals,
                recentWithdrawals: try older("out", after: deposits.first), recentDeposits: try older("in", after: withdrawals.first),
                aliases: try Self.aliases(db, group))
        }
    }

    /// Every deposit into the group's account, for a full re-match.
    public func deposits(of group: Group) throws -> [Deposit] { try read { try Self.deposits($0, group) } }
    public func decisions(of group: Group) throws -> [Int64: Decision] { try read { try Self.decisions($0, group) } }
    public func aliases(of group: Group) throws -> [String: String] { try read { try Self.aliases($0, group) } }

    static func deposits(_ db: Database, _ group: Group, direction: String = "in") throws -> [Deposit] {
        do {
            var out: [Deposit] = []
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT id, occurred_at, amount, text, kind, memo FROM transactions WHERE account = ? AND direction = ? ORDER BY occurred_at, id",
                arguments: [group.account.key, direction])
            while let r = try cursor.next() {
                out.append(Deposit(id: r[0], time: try Self.time(r[1]), amount: r[2], text: r[3], kind: r[4], memo: r[5]))
            }
            return out
        }
    }

    /// The decision in force for each deposit (the newest; a `clear` removes an earlier one).
    static func decisions(_ db: Database, _ group: Group) throws -> [Int64: Decision] {
        do {
            var out: [Int64: Decision] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT transaction_id, action, member_id, periods, reason, parts FROM decisions WHERE group_id = ? ORDER BY id",
                arguments: [group.id])
            for r in rows { out[r[0]] = decision(action: r[1], member: r[2], periods: r[3], reason: r[4], parts: r[5]) }
            return out
        }
    }

    /// A stored decision row as the allocator takes it; `clear` (and anything unknown) is none.
    static func decision(action: String, member: String?, periods: String?, reason: String?, parts: String? = nil) -> Decision? {
        switch DecisionAction(rawValue: action) {
        case .assign? where !(parts ?? "").isEmpty:
            return DecisionParts.decode(parts ?? "")
        case .assign?:
            guard let member else { return nil }
            return .assign(member: member, periods: (periods ?? "").split(separator: ",").compactMap { Period(String($0)) })
        case .ignore?: return .ignore(reason: reason ?? "")
        case .review?: return .review
        case .clear?, nil: return nil
        }
    }

    /// Normalised depositor text → member id, from the config and from past decisions.
    static func aliases(_ db: Database, _ group: Group) throws -> [String: String] {
        do {
            var out: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT alias, member_id FROM aliases WHERE group_id = ?", arguments: [group.id]) {
                out[r[0]] = r[1]
            }
            return out
        }
    }

    /// Saves a match result in one transaction and records the generation of the input it was
    /// computed from. A full result replaces the group's outcomes and allocations, unless one of a
    /// later input was saved first (two re-matches racing); a result for new rows is added, only
    /// while the match it started from is still the one stored. Returns whether it was saved.
    @discardableResult
    public func saveMatch(group: Group, deposits: [Deposit], result: Allocator.Result, save: MatchSave) throws -> Bool {
        let started = Self.now()
        let carry = try save.carry.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try write { db in
            guard let state = try Row.fetchOne(db, sql: "SELECT matched, carried_upto FROM match_state WHERE group_id = ?", arguments: [group.id])
            else { return false }
            let matched: Int64 = state[0]
            switch save.kind {
            case .full:
                if matched > save.generation { return false }
                // Allocations are rewritten only where they changed (below); the few outcome and
                // hold rows are replaced whole.
                try db.execute(sql: "DELETE FROM outcomes WHERE group_id = ?", arguments: [group.id])
                try db.execute(sql: "DELETE FROM holds WHERE group_id = ?", arguments: [group.id])
            case .added(let base, let baseUpto):
                guard matched == base, (state[1] as Int64?) == baseUpto else { return false }
            }
            let method = DepositMethods(deposits: deposits, outcomes: result.outcomes)
            let outcome = RowBinder(
                statement: try db.makeStatement(
                    sql:
                        "INSERT INTO outcomes(transaction_id, group_id, status, member_id, method, reason, suggestion, amount, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                ))
            /// One outcome row; `amount`/`label` only for the part of a deposit that is not dues.
            func writeOutcome(_ id: Int64, _ status: String, _ reason: String, suggestion: String? = nil, amount: Won? = nil, label: String? = nil) throws {
                outcome.reset()
                outcome.bind(1, id)
                outcome.bind(2, group.id)
                outcome.bind(3, status)
                outcome.bind(5, "")
                outcome.bind(6, reason)
                outcome.bind(7, suggestion)
                outcome.bind(8, amount)
                outcome.bind(9, label)
                _ = try outcome.step(db)
            }
            // Allocated deposits are told by their allocations (member, method); only the deposits
            // left in review or found not to be dues get an outcome row.
            for (d, o) in zip(deposits, result.outcomes) {
                switch o {
                case .allocated:
                    // The part of it that is not dues is listed with the other money, by its amount.
                    if let part = result.otherParts[d.id] {
                        try writeOutcome(d.id, "other", Messages.ref("reason.part", part.label), amount: part.amount, label: part.label)
                    }
                case .review(let reason, let suggestion): try writeOutcome(d.id, "review", reason, suggestion: suggestion)
                case .other(let reason): try writeOutcome(d.id, "other", reason)
                }
            }
            var written = result.allocations
            if save.kind == .full { written = try Self.changedAllocations(db, group: group, result.allocations, method: method) }
            let alloc = RowBinder(
                statement: try db.makeStatement(
                    sql: "INSERT INTO allocations(group_id, transaction_id, member_id, period, amount, method) VALUES (?, ?, ?, ?, ?, ?)"))
            for a in written {
                alloc.reset()
                alloc.bind(1, group.id)
                alloc.bind(2, a.transactionID)
                alloc.bind(3, a.memberID)
                alloc.bind(4, a.period?.description)
                alloc.bind(5, a.amount)
                alloc.bind(6, method[a.transactionID])
                _ = try alloc.step(db)
            }
            // Transfers out a person must look at are listed with the deposits in review.
            for (id, reason) in result.withdrawalReviews.sorted(by: { $0.key < $1.key }) { try writeOutcome(id, "review", reason) }
            let hold = RowBinder(
                statement: try db.makeStatement(sql: "INSERT INTO holds(group_id, transaction_id, member_id, period, amount) VALUES (?, ?, ?, ?, ?)"))
            for h in result.holds {
                guard let p = h.period else { continue }
                hold.reset()
                hold.bind(1, group.id)
                hold.bind(2, h.transactionID)
                hold.bind(3, h.memberID)
                hold.bind(4, p.description)
                hold.bind(5, h.amount)
                _ = try hold.step(db)
            }
            let review = result.outcomes.filter { if case .review = $0 { return true } else { return false } }.count
            try db.execute(
                sql: "INSERT INTO runs(group_id, kind, source, started_at, finished_at, new_rows, message) VALUES (?, 'match', ?, ?, ?, ?, ?)",
                arguments: [
                    group.id, save.kind == .full ? "rematch" : "new rows", started, Self.now(), result.allocations.count,
                    "\(deposits.count) \(save.kind == .full ? "" : "new ")deposits, \(review) to review"
                ])
            try db.execute(
                sql: "UPDATE match_state SET matched = ?, carry = ?, carried_upto = ? WHERE group_id = ?",
                arguments: [save.generation, carry, save.carry == nil ? nil : save.upto, group.id])
            return true
        }
    }

    /// Deletes the stored allocations of deposits whose allocations changed and returns the
    /// allocations to insert (see `AllocationDiff`). The stored rows are read by the deposit index,
    /// in the order the diff takes them.
    static func changedAllocations(_ db: Database, group: Group, _ allocations: [Allocation], method: DepositMethods) throws -> [Allocation] {
        var diff = AllocationDiff(allocations, method: method)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT transaction_id, member_id, period, amount, method FROM allocations WHERE +group_id = ? ORDER BY transaction_id, id",
            arguments: [group.id])
        while let r = try rows.next() { diff.stored(transaction: r[0], member: r[1], period: r[2], amount: r[3], method: r[4]) }
        let added = diff.added()
        let remove = RowBinder(statement: try db.makeStatement(sql: "DELETE FROM allocations WHERE transaction_id = ? AND group_id = ?"))
        for id in diff.removed {
            remove.reset()
            remove.bind(1, id)
            remove.bind(2, group.id)
            _ = try remove.step(db)
        }
        return added
    }

    /// Records a treasurer's decisions. The whole decision history is kept; the newest row is in
    /// force. Each write's `rule` is what to remember for its deposit's whole text; `dropRule`
    /// removes the text's learned rule when it says exactly that (withdrawing a decision takes
    /// back the rule it left). All in one transaction; several rows carry the first one's id as
    /// their `batch`, so `undo` takes them back together.
    public func decide(group: Group, _ writes: [DecisionWrite], by: String) throws {
        try write { db in
            var batch: Int64?
            for w in writes {
                let id = try Self.recordDecision(db, group: group, w, by: by, batch: batch)
                if writes.count > 1, batch == nil {
                    batch = id
                    try db.execute(sql: "UPDATE decisions SET batch = ? WHERE id = ?", arguments: [id, id])
                }
            }
            try Self.invalidate(db, group: group.id)
        }
    }

    static func recordDecision(_ db: Database, group: Group, _ w: DecisionWrite, by: String, batch: Int64?) throws -> Int64 {
        let id = w.transaction
        guard let row = try Row.fetchOne(db, sql: "SELECT direction, text, account FROM transactions WHERE id = ?", arguments: [id]),
            (row[2] as String) == group.account.key
        else {
            throw StoreError.unknownTransaction("t\(id)")
        }
        // A transfer out takes only "looked at, not dues" (a refund asked about) or its withdrawal.
        guard (row[0] as String) == "in" || w.action == .ignore || w.action == .clear else { throw StoreError.notADeposit(id) }
        let key = Normalise.key(row[1] as String)
        // The rule as it was, so `undo` can put it back.
        let ruleBefore = try String.fetchOne(
            db, sql: "SELECT member_id FROM aliases WHERE group_id = ? AND alias = ? AND source = 'learned'",
            arguments: [group.id, key])
        try db.execute(
            sql:
                "INSERT INTO decisions(group_id, transaction_id, action, member_id, periods, reason, decided_by, decided_at, rule_before, parts, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                group.id, id, w.action.rawValue, w.member, w.periods.map(\.description).joined(separator: ","), w.reason, by, now(), ruleBefore,
                DecisionParts.encode(w.parts), batch
            ])
        let decision = db.lastInsertedRowID
        var ruleChanged = false
        // Without an explicit choice, every decision but a withdrawal leaves a rule on the text.
        let learn: LearnedRule? = w.rule ?? w.action.impliedRule(member: w.member)
        if let learn, !key.isEmpty {
            try db.execute(
                sql: """
                    INSERT INTO aliases(group_id, alias, member_id, source, created_at, created_by) VALUES (?, ?, ?, 'learned', ?, ?)
                    ON CONFLICT(group_id, alias) DO UPDATE SET member_id = excluded.member_id, source = 'learned',
                        created_at = excluded.created_at, created_by = excluded.created_by
                    """, arguments: [group.id, key, learn.stored, now(), by])
            ruleChanged = true
        }
        if let dropRule = w.dropRule, !key.isEmpty {
            try db.execute(
                sql: "DELETE FROM aliases WHERE group_id = ? AND alias = ? AND member_id = ? AND source = 'learned'",
                arguments: [group.id, key, dropRule.stored])
            ruleChanged = ruleChanged || db.changesCount > 0
        }
        // Only a rule this decision changed is put back by `undo`.
        if ruleChanged { try db.execute(sql: "UPDATE decisions SET rule_text = ? WHERE id = ?", arguments: [key, decision]) }
        return decision
    }
}

extension Store {
    public func rules(of group: Group) throws -> [TextRule] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT alias, member_id, source, created_at, created_by FROM aliases WHERE group_id = ? ORDER BY source, alias",
                arguments: [group.id]
            ).map { TextRule(text: $0[0], rule: LearnedRule(stored: $0[1]), source: $0[2], createdAt: $0[3], createdBy: $0[4]) }
        }
    }

    /// Removes a learned rule (given aliases live in the configuration). Returns whether one existed.
    @discardableResult
    public func removeRule(group: Group, text: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM aliases WHERE group_id = ? AND alias = ? AND source = 'learned'", arguments: [group.id, Normalise.key(text)])
            let removed = db.changesCount > 0
            if removed { try Self.invalidate(db, group: group.id) }
            return removed
        }
    }
}
