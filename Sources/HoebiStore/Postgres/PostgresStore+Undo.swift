import HoebiCore
import PostgresNIO

extension PostgresStore {
    public func ledger(of group: Group, _ filter: LedgerFilter) async throws -> [LedgerLine] {
        var sql = """
            SELECT t.id, extract(epoch FROM t.occurred_at)::bigint, t.direction, t.amount, t.text, o.status, o.reason FROM transactions t
            LEFT JOIN outcomes o ON o.transaction_id = t.id AND o.group_id = $1
            WHERE t.account = $2
            """
        var binds = PostgresBindings()
        binds.append(group.id)
        binds.append(group.account.key)
        func add(_ condition: (String) -> String, _ value: some PostgresEncodable & Sendable) throws {
            try binds.append(value)
            sql += " AND " + condition("$\(binds.count)")
        }
        if let f = filter.from { try add({ "t.occurred_at >= to_timestamp(\($0))" }, f.epochSeconds) }
        if let t = filter.to { try add({ "t.occurred_at < to_timestamp(\($0))" }, t.epochSeconds + 86400) }
        if let a = filter.amount { try add({ "t.amount = \($0)" }, a) }
        if let text = filter.text {
            // SQLite's LIKE folds ASCII letters only; ILIKE does the same for them (Hangul has no case).
            let pattern =
                "%"
                + Normalise.nfc(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            try add({ "(t.text ILIKE \($0) OR t.memo ILIKE \($0))" }, pattern)
        }
        if let m = filter.member {
            binds.append(group.id)
            try add({ "EXISTS (SELECT 1 FROM allocations a WHERE a.transaction_id = t.id AND a.group_id = $\(binds.count - 1) AND a.member_id = \($0))" }, m)
        }
        binds.append(Int64(filter.limit))
        sql += " ORDER BY t.occurred_at, t.id LIMIT $\(binds.count)"
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await read { s in
            var lines: [LedgerLine] = []
            for r in try await s.rows(query) {
                let (id, time, direction, amount, text, status, reason) = try r.decode((Int64, Int64, String, Int64, String, String?, String?).self)
                lines.append(
                    LedgerLine(
                        id: id, time: SeoulTime(stored: time), direction: direction, amount: amount, text: text,
                        status: direction == "out" ? "" : status ?? "allocated", reason: reason, paid: []))
            }
            let ids = lines.map(\.id)
            var byID: [Int64: [(member: String, period: Period?, amount: Won)]] = [:]
            for r in try await s.rows(
                "SELECT transaction_id, member_id, period, amount FROM allocations WHERE group_id = \(group.id) AND transaction_id = ANY(\(ids)) ORDER BY id")
            {
                let (id, member, period, amount) = try r.decode((Int64, String, String?, Int64).self)
                byID[id, default: []].append((member, period.flatMap(Period.init), amount))
            }
            for i in lines.indices { lines[i].paid = byID[lines[i].id] ?? [] }
            return lines
        }
    }

    // MARK: The audit trail

    public func runs(of group: Group, limit: Int) async throws -> [RunEntry] {
        let names = group.displayNames()
        let language = Messages.language
        return try await read { s in
            var out: [RunEntry] = []
            for r in try await s.rows(
                """
                SELECT id, kind, source, extract(epoch FROM started_at)::bigint, new_rows, known_rows, status, message,
                       extract(epoch FROM reverted_at)::bigint, reverted_by FROM runs
                WHERE group_id = \(group.id) AND kind != 'match' ORDER BY id DESC LIMIT \(Int64(limit))
                """)
            {
                let (id, kind, source, started, new, known, status, message, reverted, revertedBy) = try r.decode(
                    (Int64, String, String, Int64, Int64, Int64, String, String, Int64?, String?).self)
                var what = Messages.t("run.what.rows", source, Int(new), Int(known))
                if !message.isEmpty { what += " — " + message }
                let revertedAt = reverted.map { SeoulTime(stored: $0).iso8601 }
                var entry = RunEntry(
                    id: "r\(id)", kind: RunKind(rawValue: kind) ?? .import, at: SeoulTime(stored: started).iso8601,
                    by: revertedAt.map { _ in revertedBy ?? "" } ?? "", what: what,
                    status: revertedAt.map { RunStatus.reverted(at: $0) } ?? RunStatus(stored: status))
                entry.newRows = Int(new)
                out.append(entry)
            }
            for d in try await s.rows(
                """
                SELECT d.id, d.action, d.member_id, d.periods, d.reason, d.decided_by, extract(epoch FROM d.decided_at)::bigint, d.transaction_id, t.text,
                       extract(epoch FROM d.undone_at)::bigint, d.undoes
                FROM decisions d JOIN transactions t ON t.id = d.transaction_id WHERE d.group_id = \(group.id) ORDER BY d.id DESC LIMIT \(Int64(limit))
                """)
            {
                let (id, action, memberID, periods, reason, by, at, txn, text, undone, undoes) = try d.decode(
                    (Int64, String, String?, String, String, String, Int64, Int64, String, Int64?, Int64?).self)
                let member = memberID.map { id in language == .ko ? (names[id] ?? id) : id } ?? ""
                let to: String
                switch Store.action(action) {
                case .assign: to = periods.isEmpty ? member : Messages.t("run.what.assignFor", member, periods)
                case .ignore: to = Messages.t("placement.notDues") + (reason.isEmpty ? "" : " (\(reason))")
                case .review: to = Messages.t("rule.byHand")
                case .clear: to = Messages.t("run.what.withdrawn")
                }
                var what = Messages.t("run.what.decision", txn, text, to)
                if let undoes { what = Messages.t("run.what.undo", undoes, what) }
                out.append(
                    RunEntry(
                        id: "d\(id)", kind: .decision, at: SeoulTime(stored: at).iso8601, by: by, what: what,
                        status: undone.map { RunStatus.undone(at: SeoulTime(stored: $0).iso8601) } ?? .ok))
            }
            return out.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(limit).map { $0 }
        }
    }

    /// The last change not yet undone: (id, transaction, action, member, rule text, rule before).
    typealias ChangeRow = (id: Int64, transaction: Int64, action: String, member: String?, ruleText: String?, ruleBefore: String?)

    static func lastChange(_ s: Session, group: Group) async throws -> [ChangeRow] {
        let columns = "id, transaction_id, action, member_id, rule_text, rule_before, batch"
        guard
            let last = try await s.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT \(columns) FROM decisions WHERE group_id = $1 AND undone_at IS NULL AND undoes IS NULL ORDER BY id DESC LIMIT 1",
                    binds: binds(group.id))
            ).first
        else { return [] }
        func change(_ r: PostgresRow) throws -> (ChangeRow, Int64?) {
            let (id, txn, action, member, ruleText, ruleBefore, batch) = try r.decode((Int64, Int64, String, String?, String?, String?, Int64?).self)
            return ((id, txn, action, member, ruleText, ruleBefore), batch)
        }
        let (first, batch) = try change(last)
        guard let batch else { return [first] }
        var b = binds(group.id)
        b.append(batch)
        return try await s.rows(
            PostgresQuery(
                unsafeSQL: "SELECT \(columns) FROM decisions WHERE group_id = $1 AND batch = $2 AND undone_at IS NULL AND undoes IS NULL ORDER BY id DESC",
                binds: b)
        ).map { try change($0).0 }
    }

    /// The decision in force before `id` on its deposit: (action, member, periods, reason, parts).
    static func previousDecision(_ s: Session, transaction: Int64, group: Group, before id: Int64) async throws -> (
        String, String?, String?, String?, String?
    )? {
        try await s.rows(
            """
            SELECT action, member_id, periods, reason, parts FROM decisions WHERE transaction_id = \(transaction) AND group_id = \(group.id) AND id < \(id)
            ORDER BY id DESC LIMIT 1
            """
        ).first?.decode((String, String?, String?, String?, String?).self)
    }

    public func nextUndo(group: Group) async throws -> UndoPlan? {
        try await read { s in
            var plans: [UndoPlan] = []
            for d in try await Self.lastChange(s, group: group) {
                let previous = try await Self.previousDecision(s, transaction: d.transaction, group: group, before: d.id)
                plans.append(
                    UndoPlan(
                        decision: d.id, transaction: d.transaction, action: Store.action(d.action), member: d.member,
                        restores: previous.flatMap { Store.decision(action: $0.0, member: $0.1, periods: $0.2, reason: $0.3, parts: $0.4) },
                        ruleText: d.ruleText, ruleRestored: d.ruleBefore.map(LearnedRule.init(stored:))))
            }
            guard var first = plans.first else { return nil }
            first.together = Array(plans.dropFirst())
            return first
        }
    }

    public func undoLastDecision(group: Group, by: String) async throws -> Undone? {
        try await write(lock: Self.key(group)) { s in
            var undone: [Undone] = []
            for d in try await Self.lastChange(s, group: group) {
                let previous = try await Self.previousDecision(s, transaction: d.transaction, group: group, before: d.id)
                let action = previous?.0 ?? DecisionAction.clear.rawValue
                try await s.run(
                    """
                    INSERT INTO decisions(group_id, transaction_id, action, member_id, periods, reason, decided_by, decided_at, undoes, parts)
                    VALUES (\(group.id), \(d.transaction), \(action), \(previous?.1), \(previous?.2 ?? ""), \(previous?.3 ?? ""), \(by), now(), \(d.id),
                            \(previous?.4 ?? ""))
                    """)
                if let ruleText = d.ruleText {
                    if let ruleBefore = d.ruleBefore {
                        try await s.run(
                            """
                            INSERT INTO aliases(group_id, alias, member_id, source, created_at, created_by) VALUES (\(group.id), \(ruleText), \(ruleBefore), 'learned', now(), \(by))
                            ON CONFLICT(group_id, alias) DO UPDATE SET member_id = excluded.member_id, created_at = excluded.created_at, created_by = excluded.created_by
                            """)
                    } else {
                        try await s.run("DELETE FROM aliases WHERE group_id = \(group.id) AND alias = \(ruleText) AND source = 'learned'")
                    }
                }
                try await s.run("UPDATE decisions SET undone_at = now() WHERE id = \(d.id)")
                undone.append(
                    Undone(
                        decision: d.id, transaction: d.transaction, action: Store.action(d.action), member: d.member, ruleText: d.ruleText,
                        ruleRestored: d.ruleBefore.map(LearnedRule.init(stored:))))
            }
            try await Self.invalidate(s, group: group.id)
            guard var first = undone.first else { return nil }
            first.together = Array(undone.dropFirst())
            return first
        }
    }

    // MARK: Revert, set-based (one statement per table, not per row: a run may hold a million rows)

    /// The run's rows that no other (not reverted) run also brought, and the ones that stay.
    static let revertRows = """
        WITH mine AS (SELECT id FROM transactions WHERE run_id = $1),
        other AS (SELECT m.id, (SELECT s.run_id FROM run_sightings s JOIN runs o ON o.id = s.run_id
                               WHERE s.transaction_id = m.id AND s.run_id != $1 AND o.reverted_at IS NULL ORDER BY s.run_id LIMIT 1) AS keeper
                  FROM mine m)
        """

    static func checkRevertable(_ s: Session, group: Group, run: Int64) async throws {
        let receipts = try await s.rows(
            """
            SELECT r.id FROM receipts r JOIN transactions t ON t.id = r.transaction_id WHERE t.run_id = \(run)
              AND NOT EXISTS (SELECT 1 FROM run_sightings s JOIN runs o ON o.id = s.run_id
                              WHERE s.transaction_id = t.id AND s.run_id != \(run) AND o.reverted_at IS NULL)
            ORDER BY r.id
            """
        ).map { try $0.decode(Int64.self) }
        if !receipts.isEmpty {
            throw StoreError.cannotRevert(Messages.t("revert.receipts", "r\(run)", receipts.map { "r\($0)" }.joined(separator: " ")))
        }
        guard
            let r = try await s.rows(
                "SELECT kind, extract(epoch FROM reverted_at)::bigint, status FROM runs WHERE id = \(run) AND group_id = \(group.id)"
            ).first
        else { throw StoreError.unknownRun("r\(run)") }
        let (kind, reverted, status) = try r.decode((String, Int64?, String).self)
        guard ["import", "sync"].contains(kind) else { throw StoreError.cannotRevert("r\(run) is a \(kind), not an import or sync") }
        if let reverted { throw StoreError.cannotRevert("r\(run) was already reverted (\(SeoulTime(stored: reverted).iso8601.prefix(16)))") }
        if status == "running" { throw StoreError.cannotRevert("r\(run) is still running") }
    }

    public func revertPlan(group: Group, run: Int64) async throws -> RevertPlan {
        try await read { s in
            try await Self.checkRevertable(s, group: group, run: run)
            var plan = RevertPlan(run: run)
            var b = PostgresBindings()
            b.append(run)
            for r in try await s.rows(
                PostgresQuery(
                    unsafeSQL: Self.revertRows
                        + " SELECT o.id, o.keeper, (SELECT count(*) FROM decisions d WHERE d.transaction_id = o.id) FROM other o ORDER BY o.id", binds: b))
            {
                let (id, keeper, decisions) = try r.decode((Int64, Int64?, Int64).self)
                if keeper != nil {
                    plan.kept += 1
                } else {
                    plan.removing.append(id)
                    plan.decisionsDropped += Int(decisions)
                }
            }
            return plan
        }
    }

    public func revert(group: Group, run: Int64, by: String) async throws -> Reverted {
        try await write(lock: Self.key(group)) { s in
            try await Self.checkRevertable(s, group: group, run: run)
            try await s.run(
                """
                CREATE TEMP TABLE hoebi_revert ON COMMIT DROP AS
                WITH mine AS (SELECT id FROM transactions WHERE run_id = \(run))
                SELECT m.id, (SELECT s.run_id FROM run_sightings s JOIN runs o ON o.id = s.run_id
                              WHERE s.transaction_id = m.id AND s.run_id != \(run) AND o.reverted_at IS NULL ORDER BY s.run_id LIMIT 1) AS keeper
                FROM mine m
                """)
            // Rows another run also brought stay, as that run's.
            let kept = try await s.count(
                "UPDATE transactions t SET run_id = r.keeper FROM hoebi_revert r WHERE t.id = r.id AND r.keeper IS NOT NULL RETURNING 1")
            try await s.run(
                "DELETE FROM run_sightings s USING hoebi_revert r WHERE s.transaction_id = r.id AND s.run_id = r.keeper")
            let dropped =
                try await s.one(
                    "SELECT count(*) FROM decisions d JOIN hoebi_revert r ON r.id = d.transaction_id WHERE r.keeper IS NULL", as: Int64.self) ?? 0
            for table in ["allocations", "outcomes", "holds", "decisions", "categories", "receipts", "run_sightings"] {
                try await s.run(
                    PostgresQuery(unsafeSQL: "DELETE FROM \(table) x USING hoebi_revert r WHERE x.transaction_id = r.id AND r.keeper IS NULL"))
            }
            let removed = try await s.count("DELETE FROM transactions t USING hoebi_revert r WHERE t.id = r.id AND r.keeper IS NULL RETURNING 1")
            try await s.run("DELETE FROM run_sightings WHERE run_id = \(run)")
            let note = "reverted by \(by): \(removed) rows removed, \(kept) kept (also brought by another run), \(dropped) decisions on removed rows dropped"
            try await s.run(
                """
                UPDATE runs SET reverted_at = now(), reverted_by = \(by), status = 'reverted',
                    message = message || CASE WHEN message = '' THEN '' ELSE '; ' END || \(note)
                WHERE id = \(run)
                """)
            try await Self.invalidate(s, group: group.id)
            return Reverted(run: run, removed: removed, kept: kept, decisionsDropped: Int(dropped))
        }
    }
}
