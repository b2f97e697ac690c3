import Foundation
import HoebiCore
import PostgresNIO

extension PostgresStore {
    /// The file's rows are read first (`produce` is the readers' synchronous push), then sent in
    /// one transaction: COPY into a temporary table, one INSERT … ON CONFLICT (identity) DO NOTHING
    /// in file order, one INSERT of the sightings of rows the ledger had. A bad row anywhere
    /// throws before anything is sent.
    public func importTransactions(
        group: Group, source: String, format: String, note: () -> String,
        produce: (_ insert: (Transaction) throws -> Void) throws -> Int
    ) async throws -> ImportCounts {
        var staged = StagedRows()
        let ignored = try produce { t in try staged.add(t) }
        let message = note()
        let rows = staged.rows
        return try await write(lock: Self.key(group)) { s in
            guard
                let runID = try await s.one(
                    "INSERT INTO runs(group_id, kind, source, format, started_at) VALUES (\(group.id), 'import', \(source), \(format), now()) RETURNING id",
                    as: Int64.self)
            else { throw StoreError.unknownRun("import") }
            let new = try await Self.store(s, rows, runID: runID)
            let seen = rows.count
            try await s.run(
                """
                UPDATE runs SET finished_at = now(), new_rows = \(Int64(new)), known_rows = \(Int64(seen - new)), ignored_rows = \(Int64(ignored)),
                    message = \(message) WHERE id = \(runID)
                """)
            if new > 0 { try await Self.invalidate(s, account: group.account.key) }
            return ImportCounts(runID: runID, new: new, known: seen - new, ignored: ignored)
        }
    }

    /// Stores staged rows for `runID`; returns how many were new.
    static func store(_ s: Session, _ staged: [[String?]], runID: Int64) async throws -> Int {
        guard !staged.isEmpty else { return 0 }
        try await s.run(
            """
            CREATE TEMP TABLE hoebi_stage (seq bigint, account text, identity text COLLATE "C", bank_id text, occurred_at bigint, direction text,
              amount bigint, balance bigint, kind text, text text, memo text, source text, raw text, origin text) ON COMMIT DROP
            """)
        try await Copy.rows(s, table: "hoebi_stage", columns: StagedRows.columns, staged)
        // Ids follow the file's order (ties in time are ordered by id everywhere).
        let new =
            try await s.one(
                """
                WITH added AS (
                  INSERT INTO transactions(account, identity, bank_id, occurred_at, direction, amount, balance, kind, text, memo, source, raw, origin, run_id)
                  SELECT account, identity, bank_id, to_timestamp(occurred_at), direction, amount, balance, kind, text, memo, source, to_jsonb(raw), origin, \(runID)
                  FROM hoebi_stage ORDER BY seq
                  ON CONFLICT (identity) DO NOTHING RETURNING 1)
                SELECT count(*) FROM added
                """, as: Int64.self) ?? 0
        // Rows the ledger had: this run brought them too (reverting another run keeps them).
        try await s.run(
            """
            INSERT INTO run_sightings(run_id, transaction_id)
            SELECT \(runID), t.id FROM hoebi_stage st JOIN transactions t ON t.identity = st.identity
            WHERE t.run_id IS DISTINCT FROM \(runID) ON CONFLICT DO NOTHING
            """)
        try await s.run("DROP TABLE hoebi_stage")
        return Int(new)
    }

    public func recordFailedRun(group: Group, kind: RunKind, source: String, format: String, message: String) async throws {
        try await write(lock: nil) { s in
            try await s.run(
                """
                INSERT INTO runs(group_id, kind, source, format, started_at, finished_at, status, message)
                VALUES (\(group.id), \(kind.rawValue), \(source), \(format), now(), now(), 'failed', \(message))
                """)
        }
    }

    public func continuityRows(account: String) async throws -> [Continuity.Row] {
        try await read { s in
            var out: [Continuity.Row] = []
            let rows = try await s.conn.query(
                """
                SELECT id, extract(epoch FROM occurred_at)::bigint, direction, amount, balance, text FROM transactions
                WHERE account = \(account) ORDER BY occurred_at, id
                """, logger: s.logger)
            for try await (id, time, direction, amount, balance, text) in rows.decode((Int64, Int64, String, Int64, Int64?, String).self) {
                out.append(
                    Continuity.Row(id: id, time: SeoulTime(stored: time), signedAmount: direction == "in" ? amount : -amount, balance: balance, text: text))
            }
            return out
        }
    }

    public func chainDelta(of group: Group, whole: Bool) async throws -> ChainDelta {
        try await read { s in
            var generation: Int64 = 0
            var carry: Continuity.Carry?
            var upto: Int64 = 0
            if let r = try await s.rows("SELECT generation, history, chain, chain_upto, chain_at FROM match_state WHERE group_id = \(group.id)").first {
                let (g, history, text, base, at) = try r.decode((Int64, Int64, String?, Int64?, Int64?).self)
                generation = g
                if !whole, let text, let base, let at, at >= history {
                    carry = try? JSONDecoder().decode(Continuity.Carry.self, from: Data(text.utf8))
                    upto = carry == nil ? 0 : base
                }
            }
            var out: [Continuity.Row] = []
            let rows = try await s.conn.query(
                """
                SELECT id, extract(epoch FROM occurred_at)::bigint, direction, amount, balance, text FROM transactions
                WHERE account = \(group.account.key) AND id > \(upto) ORDER BY occurred_at, id
                """, logger: s.logger)
            for try await (id, time, direction, amount, balance, text) in rows.decode((Int64, Int64, String, Int64, Int64?, String).self) {
                out.append(
                    Continuity.Row(id: id, time: SeoulTime(stored: time), signedAmount: direction == "in" ? amount : -amount, balance: balance, text: text))
            }
            return ChainDelta(carry: carry, rows: out, upto: max(upto, out.map(\.id).max() ?? 0), generation: generation)
        }
    }

    @discardableResult
    public func saveChain(group: Group, carry: Continuity.Carry, upto: Int64, generation: Int64) async throws -> Bool {
        let text = String(decoding: try JSONEncoder().encode(carry), as: UTF8.self)
        return try await write(lock: nil) { s in
            try await s.count(
                """
                UPDATE match_state SET chain = \(text), chain_upto = \(upto), chain_at = \(generation)
                WHERE group_id = \(group.id) AND history <= \(generation) RETURNING 1
                """) > 0
        }
    }

    // MARK: Sync runs

    public func beginRun(group: Group, kind: RunKind, source: String) async throws -> Int64 {
        try await write(lock: nil) { s in
            guard
                let id = try await s.one(
                    """
                    INSERT INTO runs(group_id, kind, source, format, started_at, status, pid)
                    VALUES (\(group.id), \(kind.rawValue), \(source), \(source), now(), 'running', \(Int64(getpid()))) RETURNING id
                    """, as: Int64.self)
            else { throw StoreError.unknownRun(source) }
            return id
        }
    }

    public func finishRun(_ id: Int64, new: Int, known: Int, status: RunStatus, message: String) async throws {
        try await write(lock: nil) { s in
            try await s.run(
                """
                UPDATE runs SET finished_at = now(), new_rows = \(Int64(new)), known_rows = \(Int64(known)), status = \(status.stored),
                    message = \(message) WHERE id = \(id)
                """)
        }
    }

    public func insertPage(
        runID: Int64, transactions: [Transaction], counter: inout IdentityCounter, seenPages: inout Set<String>
    ) async throws -> PageResult {
        var own = IdentityCounter()
        let content = transactions.map { own.identity(of: $0) }.sorted().joined(separator: "\n")
        if !transactions.isEmpty, !seenPages.insert(content).inserted {
            return PageResult(new: 0, known: 0, repeated: true)
        }
        var staged = StagedRows(counter: counter)
        for t in transactions { try staged.add(t) }
        let rows = staged.rows
        let lock = transactions.first.map { Self.key(account: $0.account) }
        let new = try await write(lock: lock) { s in
            let n = try await Self.store(s, rows, runID: runID)
            if n > 0, let account = transactions.first?.account { try await Self.invalidate(s, account: account) }
            return n
        }
        counter = staged.counter
        return PageResult(new: new, known: transactions.count - new, repeated: false)
    }

    public func coveredUntil(account: String, source: String) async throws -> String? {
        try await read { s in try await s.one("SELECT covered_until FROM sync_state WHERE account = \(account) AND source = \(source)", as: String.self) }
    }

    public func setCoveredUntil(account: String, source: String, _ day: String) async throws {
        try await write(lock: Self.key(account: account)) { s in
            try await s.run(
                """
                INSERT INTO sync_state(account, source, covered_until, updated_at) VALUES (\(account), \(source), \(day), now())
                ON CONFLICT(account, source) DO UPDATE SET covered_until = GREATEST(sync_state.covered_until, excluded.covered_until), updated_at = excluded.updated_at
                """)
        }
    }

    public func lastSuccessfulSync(of group: Group) async throws -> SeoulTime? {
        try await read { s in
            try await s.one(
                "SELECT extract(epoch FROM started_at)::bigint FROM runs WHERE group_id = \(group.id) AND kind = 'sync' AND status = 'ok' ORDER BY id DESC LIMIT 1",
                as: Int64.self
            ).map(SeoulTime.init(stored:))
        }
    }
}

extension PostgresStore: CredentialStore {
    public func credential(_ key: String) async throws -> (value: String, expires: Date?)? {
        try await read { s in
            guard let r = try await s.rows("SELECT value, expires_at FROM credentials WHERE key = \(key)").first else { return nil }
            let (value, expires) = try r.decode((String, Double?).self)
            return (value, expires.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func setCredential(_ key: String, value: String, expires: Date?) async throws {
        try await write(lock: nil) { s in
            try await s.run(
                """
                INSERT INTO credentials(key, value, expires_at) VALUES (\(key), \(value), \(expires?.timeIntervalSince1970))
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                """)
        }
    }
}

/// Transactions turned into staging rows: identity numbered as the SQLite path numbers it, the
/// plausibility check applied, times as epoch seconds.
struct StagedRows {
    static let columns = [
        "seq", "account", "identity", "bank_id", "occurred_at", "direction", "amount", "balance", "kind", "text", "memo", "source", "raw", "origin"
    ]
    var rows: [[String?]] = []
    var counter = IdentityCounter()

    init(counter: IdentityCounter = IdentityCounter()) { self.counter = counter }

    mutating func add(_ t: Transaction) throws {
        try RowInserter.checkPlausible(t)
        let time = t.time.iso8601
        let identity = counter.identity(of: t, time: time)
        rows.append([
            String(rows.count), t.account, identity, t.bankID, String(t.time.epochSeconds), t.direction.rawValue, String(t.amount),
            t.balance.map { String($0) }, t.kind, t.text, t.memo, t.source, t.raw, t.origin
        ])
    }
}
