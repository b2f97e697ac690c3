import GRDB
import HoebiCore

extension Store {
    /// Imports, syncs and decisions of a group, newest first.
    public func runs(of group: Group, limit: Int = 50) throws -> [RunEntry] {
        let names = group.displayNames()
        return try read { db in
            var out: [RunEntry] = []
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, source, started_at, new_rows, known_rows, status, message, reverted_at, reverted_by FROM runs
                    WHERE group_id = ? AND kind != 'match' ORDER BY id DESC LIMIT ?
                    """, arguments: [group.id, limit])
            {
                let reverted: String? = r[8]
                var what = Messages.t("run.what.rows", r[2] as String, r[4] as Int, r[5] as Int)
                let message: String = r[7]
                if !message.isEmpty { what += " — " + message }
                var entry = RunEntry(
                    id: "r\(r[0] as Int64)", kind: RunKind(rawValue: r[1]) ?? .import, at: r[3], by: reverted.map { _ in (r[9] as String?) ?? "" } ?? "",
                    what: what, status: reverted.map { RunStatus.reverted(at: $0) } ?? RunStatus(stored: r[6]))
                entry.newRows = r[4]
                out.append(entry)
            }
            for d in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.action, d.member_id, d.periods, d.reason, d.decided_by, d.decided_at, d.transaction_id, t.text, d.undone_at, d.undoes
                    FROM decisions d JOIN transactions t ON t.id = d.transaction_id WHERE d.group_id = ? ORDER BY d.id DESC LIMIT ?
                    """, arguments: [group.id, limit])
            {
                // In words, with the member's name (English keeps the id, as it always has).
                let member = (d[2] as String?).map { id in Messages.language == .ko ? (names[id] ?? id) : id } ?? ""
                let to: String
                switch Self.action(d[1]) {
                case .assign:
                    to = (d[3] as String).isEmpty ? member : Messages.t("run.what.assignFor", member, d[3] as String)
                case .ignore: to = Messages.t("placement.notDues") + ((d[4] as String).isEmpty ? "" : " (\(d[4] as String))")
                case .review: to = Messages.t("rule.byHand")
                case .clear: to = Messages.t("run.what.withdrawn")
                }
                var what = Messages.t("run.what.decision", d[7] as Int64, d[8] as String, to)
                if let undoes = d[10] as Int64? { what = Messages.t("run.what.undo", undoes, what) }
                out.append(
                    RunEntry(
                        id: "d\(d[0] as Int64)", kind: .decision, at: d[6], by: d[5], what: what,
                        status: (d[9] as String?).map { RunStatus.undone(at: $0) } ?? .ok))
            }
            return out.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(limit).map { $0 }
        }
    }

    public func nextUndo(group: Group) throws -> UndoPlan? {
        try read { db in
            var plans: [UndoPlan] = []
            for d in try Self.lastChange(db, group: group) {
                let id: Int64 = d[0], txn: Int64 = d[1]
                let previous = try Row.fetchOne(db, sql: Self.previousDecisionSQL, arguments: [txn, group.id, id])
                plans.append(
                    UndoPlan(
                        decision: id, transaction: txn, action: Self.action(d[2]), member: d[3],
                        restores: previous.flatMap { Self.decision(action: $0[0], member: $0[1], periods: $0[2], reason: $0[3], parts: $0[4]) },
                        ruleText: d[4], ruleRestored: (d[5] as String?).map(LearnedRule.init(stored:))))
            }
            guard var first = plans.first else { return nil }
            first.together = Array(plans.dropFirst())
            return first
        }
    }

    /// A recorded action; the schema's writers only ever store these four.
    static func action(_ stored: String) -> DecisionAction { DecisionAction(rawValue: stored) ?? .clear }

    /// The group's last change not yet undone, newest decision first: one decision, or every
    /// decision of the batch it belongs to.
    static func lastChange(_ db: Database, group: Group) throws -> [Row] {
        guard let last = try Row.fetchOne(db, sql: lastDecisionSQL, arguments: [group.id]) else { return [] }
        guard let batch = last[6] as Int64? else { return [last] }
        return try Row.fetchAll(db, sql: batchSQL, arguments: [group.id, batch])
    }

    static let columns = "id, transaction_id, action, member_id, rule_text, rule_before, batch"
    static let lastDecisionSQL = """
        SELECT \(columns) FROM decisions
        WHERE group_id = ? AND undone_at IS NULL AND undoes IS NULL ORDER BY id DESC LIMIT 1
        """
    static let batchSQL = """
        SELECT \(columns) FROM decisions
        WHERE group_id = ? AND batch = ? AND undone_at IS NULL AND undoes IS NULL ORDER BY id DESC
        """
    /// The decision in force before it: the newest earlier row for the deposit.
    static let previousDecisionSQL = """
        SELECT action, member_id, periods, reason, parts FROM decisions WHERE transaction_id = ? AND group_id = ? AND id < ? ORDER BY id DESC LIMIT 1
        """

    /// Takes back the group's last change not yet undone (one decision, or a batch of them,
    /// newest first): each deposit's decision before it is in force again (or none), and the
    /// rule on its text is put back as it was.
    public func undoLastDecision(group: Group, by: String) throws -> Undone? {
        try write { db in
            var undone: [Undone] = []
            for d in try Self.lastChange(db, group: group) {
                undone.append(try Self.undo(db, d, group: group, by: by))
            }
            try Self.invalidate(db, group: group.id)
            guard var first = undone.first else { return nil }
            first.together = Array(undone.dropFirst())
            return first
        }
    }

    static func undo(_ db: Database, _ d: Row, group: Group, by: String) throws -> Undone {
        let id: Int64 = d[0], txn: Int64 = d[1]
        let previous = try Row.fetchOne(db, sql: Self.previousDecisionSQL, arguments: [txn, group.id, id])
        let action: String = previous?[0] ?? DecisionAction.clear.rawValue
        try db.execute(
            sql: """
                INSERT INTO decisions(group_id, transaction_id, action, member_id, periods, reason, decided_by, decided_at, undoes, parts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                group.id, txn, action, previous?[1] as String?, (previous?[2] as String?) ?? "", (previous?[3] as String?) ?? "",
                by, Self.now(), id, (previous?[4] as String?) ?? ""
            ])
        let ruleText: String? = d[4], ruleBefore: String? = d[5]
        if let ruleText {
            if let ruleBefore {
                try db.execute(
                    sql: """
                        INSERT INTO aliases(group_id, alias, member_id, source, created_at, created_by) VALUES (?, ?, ?, 'learned', ?, ?)
                        ON CONFLICT(group_id, alias) DO UPDATE SET member_id = excluded.member_id, created_at = excluded.created_at, created_by = excluded.created_by
                        """, arguments: [group.id, ruleText, ruleBefore, Self.now(), by])
            } else {
                try db.execute(sql: "DELETE FROM aliases WHERE group_id = ? AND alias = ? AND source = 'learned'", arguments: [group.id, ruleText])
            }
        }
        try db.execute(sql: "UPDATE decisions SET undone_at = ? WHERE id = ?", arguments: [Self.now(), id])
        return Undone(
            decision: id, transaction: txn, action: Self.action(d[2]), member: d[3], ruleText: ruleText,
            ruleRestored: ruleBefore.map(LearnedRule.init(stored:)))
    }

    /// Removes the rows one import or sync added, except those another (not reverted) run also
    /// brought, which stay as that run's. The run is kept, marked reverted with who and when.
    public func revertPlan(group: Group, run: Int64) throws -> RevertPlan {
        try read { db in
            try Self.checkRevertable(db, group: group, run: run)
            var plan = RevertPlan(run: run)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM transactions WHERE run_id = ?", arguments: [run]) {
                if try Self.otherSighting(db, transaction: id, run: run) != nil {
                    plan.kept += 1
                    continue
                }
                plan.removing.append(id)
                plan.decisionsDropped += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions WHERE transaction_id = ?", arguments: [id]) ?? 0
            }
            return plan
        }
    }

    /// Only a finished import or sync of this group that is not reverted yet can be reverted.
    static func checkRevertable(_ db: Database, group: Group, run: Int64) throws {
        // A receipt is a file the treasurer kept, not a row the bank sent: taking the import back
        // must not lose it unnoticed.
        let receipts = try Int64.fetchAll(
            db,
            sql: """
                SELECT r.id FROM receipts r JOIN transactions t ON t.id = r.transaction_id WHERE t.run_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM run_sightings s JOIN runs o ON o.id = s.run_id
                                  WHERE s.transaction_id = t.id AND s.run_id != ?1 AND o.reverted_at IS NULL)
                ORDER BY r.id
                """, arguments: [run])
        if !receipts.isEmpty {
            throw StoreError.cannotRevert(Messages.t("revert.receipts", "r\(run)", receipts.map { "r\($0)" }.joined(separator: " ")))
        }
        guard let r = try Row.fetchOne(db, sql: "SELECT kind, reverted_at, status FROM runs WHERE id = ? AND group_id = ?", arguments: [run, group.id]) else {
            throw StoreError.unknownRun("r\(run)")
        }
        guard ["import", "sync"].contains(r[0] as String) else { throw StoreError.cannotRevert("r\(run) is a \(r[0] as String), not an import or sync") }
        if let at = r[1] as String? { throw StoreError.cannotRevert("r\(run) was already reverted (\(at.prefix(16)))") }
        if (r[2] as String) == "running" { throw StoreError.cannotRevert("r\(run) is still running") }
    }

    /// Another run (not reverted) that also brought this row: the row stays, as that run's.
    static func otherSighting(_ db: Database, transaction id: Int64, run: Int64) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT s.run_id FROM run_sightings s JOIN runs o ON o.id = s.run_id
                WHERE s.transaction_id = ? AND s.run_id != ? AND o.reverted_at IS NULL ORDER BY s.run_id LIMIT 1
                """, arguments: [id, run])
    }

    public func revert(group: Group, run: Int64, by: String) throws -> Reverted {
        try write { db in
            try Self.checkRevertable(db, group: group, run: run)
            var removed = 0, kept = 0, dropped = 0
            let rows = try Int64.fetchAll(db, sql: "SELECT id FROM transactions WHERE run_id = ?", arguments: [run])
            for id in rows {
                if let other = try Self.otherSighting(db, transaction: id, run: run) {
                    try db.execute(sql: "UPDATE transactions SET run_id = ? WHERE id = ?", arguments: [other, id])
                    try db.execute(sql: "DELETE FROM run_sightings WHERE run_id = ? AND transaction_id = ?", arguments: [other, id])
                    kept += 1
                    continue
                }
                dropped += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions WHERE transaction_id = ?", arguments: [id]) ?? 0
                for table in ["allocations", "outcomes", "holds", "decisions", "categories", "receipts", "run_sightings"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE transaction_id = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM transactions WHERE id = ?", arguments: [id])
                removed += 1
            }
            try db.execute(sql: "DELETE FROM run_sightings WHERE run_id = ?", arguments: [run])
            try db.execute(
                sql: """
                    UPDATE runs SET reverted_at = ?, reverted_by = ?, status = 'reverted',
                        message = message || CASE WHEN message = '' THEN '' ELSE '; ' END || ?
                    WHERE id = ?
                    """,
                arguments: [
                    Self.now(), by,
                    "reverted by \(by): \(removed) rows removed, \(kept) kept (also brought by another run), \(dropped) decisions on removed rows dropped", run
                ])
            try Self.invalidate(db, group: group.id)
            return Reverted(run: run, removed: removed, kept: kept, decisionsDropped: dropped)
        }
    }
}
