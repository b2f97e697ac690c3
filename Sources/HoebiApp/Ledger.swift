import Foundation
import HoebiCore
import HoebiImport

/// The use cases: import a statement, re-match a group, build a report. Each is one call the CLI
/// (and later a server or scheduler) makes.
public struct Ledger: Sendable {
    public let store: any LedgerStore
    public init(store: any LedgerStore) { self.store = store }

    public struct ImportResult: Sendable {
        public var file: String
        public var layout: String
        public var counts: ImportCounts
        public var breaks: [Continuity.Break]
        public var match: MatchSummary
        /// What the rows that are not transactions were.
        public var skipped = StatementReader.Skipped()
        /// The first deposit's period when it is before anyone owes dues: those deposits can pay
        /// nothing, and the schedule's start is likely wrong (a first import after `init`).
        public var startsBeforeSchedule: (first: Period, schedule: Period)?

        /// The warning for `startsBeforeSchedule`, with what to change; nil when there is none.
        public var scheduleWarning: String? {
            startsBeforeSchedule.map { Messages.t("import.beforeSchedule", $0.first, $0.schedule) }
        }

        /// One line per member whose deposits come before they joined, with the command that fixes it.
        public var joinWarnings: [String] {
            match.beforeJoining.map { Messages.t("import.beforeJoining", $0.member.name, $0.first, $0.member.joined?.description ?? "") }
        }

        /// The skipped rows in words ("건너뛴 줄: 표 위 제목 7줄, 합계·안내 1줄, 0원 거래 1줄 ('신규')"),
        /// nil when none were skipped.
        public var skippedLine: String? {
            var parts: [String] = []
            if skipped.title > 0 { parts.append(Messages.t("import.skipped.title", skipped.title)) }
            if skipped.footer > 0 { parts.append(Messages.t("import.skipped.footer", skipped.footer)) }
            if !skipped.zeroWon.isEmpty {
                var seen = Set<String>()
                let texts = skipped.zeroWon.filter { seen.insert($0).inserted }
                let shown = texts.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (texts.count > 5 ? " …" : "")
                parts.append(Messages.t("import.skipped.zero", skipped.zeroWon.count, shown))
            }
            return parts.isEmpty ? nil : Messages.t("import.skipped", parts.joined(separator: ", "))
        }
    }

    /// Imports one statement file into the group's account (all or nothing), checks the balance
    /// chain across everything stored, and re-matches the group.
    public func importFile(
        _ url: URL, group: Group, format: String?, password: (@Sendable () throws -> String)? = nil,
        otherAccount: Bool = false, shownAs: String? = nil, progress: ((Int) -> Void)? = nil
    ) async throws -> ImportResult {
        // An uploaded file sits in a private temporary folder; runs and results name it as the user did.
        let shown = shownAs ?? url.path
        var layout: StatementLayout?
        if let format {
            guard let l = StatementLayout.named(format) else {
                throw AppError.usage(Messages.t("error.unknownFormat", format, StatementLayout.all.map(\.name).joined(separator: ", ")))
            }
            layout = l
        }
        let reader = StatementReader(
            file: url, account: group.account.key, layout: layout, password: password,
            expectedAccountNumber: group.account.number, otherAccountAllowed: otherAccount)
        var used = ""
        var fileAccount: String?
        var skipped = StatementReader.Skipped()
        var firstDeposit: SeoulTime?
        let counts: ImportCounts
        var times = StageTimes("import")
        do {
            counts = try await store.importTransactions(
                group: group, source: shown, format: format ?? "auto",
                note: {
                    guard otherAccount, let a = fileAccount, AccountNumber.matches(printed: a, configured: group.account.number) == false else { return "" }
                    return "--other-account: the file is of account \(a)"
                },
                produce: { insert in
                    var n = 0
                    let summary = try reader.read { t in
                        try insert(t)
                        if t.direction == .deposit, firstDeposit.map({ t.time < $0 }) ?? true { firstDeposit = t.time }
                        n += 1
                        if n % 50_000 == 0 { progress?(n) }
                    }
                    used = summary.layout
                    fileAccount = summary.fileAccount
                    skipped = summary.skipped
                    return summary.ignored
                })
        } catch {
            try? await store.recordFailedRun(group: group, kind: .import, source: shown, format: format ?? "auto", message: "\(error)")
            throw error
        }
        times.lap("read and store")
        let breaks = try await balanceBreaks(group)
        times.lap("balance chain")
        let match = try await rematch(group)
        times.lap("match")
        times.tell()
        var result = ImportResult(file: shown, layout: used, counts: counts, breaks: breaks, match: match, skipped: skipped)
        if let f = firstDeposit?.period.within(group.dues.cycle), f < group.firstPeriod { result.startsBeforeSchedule = (f, group.firstPeriod) }
        return result
    }

    /// The balance chain's breaks across everything stored: checked on from what the last check
    /// left when only later rows came since, else from the first row (and kept for the next).
    public func balanceBreaks(_ group: Group) async throws -> [Continuity.Break] { try await balanceCheck(group).breaks }

    /// The balance chain's check: its breaks and the last row with the balance it left (what the
    /// ledger says the account holds).
    public func balanceCheck(_ group: Group) async throws -> Continuity.Carry {
        let delta = try await store.chainDelta(of: group, whole: false)
        if let carry = delta.carry, let next = Continuity.resume(carry, with: delta.rows) {
            _ = try await store.saveChain(group: group, carry: next, upto: delta.upto, generation: delta.generation)
            return next
        }
        let all = delta.carry == nil ? delta : try await store.chainDelta(of: group, whole: true)
        let carry = Continuity.carry(all.rows)
        _ = try await store.saveChain(group: group, carry: carry, upto: all.upto, generation: all.generation)
        return carry
    }

    public struct MatchSummary: Sendable, Equatable {
        public var deposits: Int
        public var allocated: Int
        public var review: Int
        public var other: Int
        /// What the treasurer should fix: rules naming members no longer configured.
        public var warnings: [String] = []
        /// Members whose deposits wait in review from before the period they joined: the
        /// earliest such period each (a join date set too late by hand or by `init`).
        public var beforeJoining: [BeforeJoining] = []
        /// How many deposits this match decided when it decided only the new ones; nil when it
        /// matched everything.
        public var newOnly: Int?
        public struct BeforeJoining: Sendable, Equatable {
            public var member: Member
            public var first: Period
        }
    }

    /// Brings the group's allocations up to date: only the rows new since the last match when
    /// nothing else changed and they can be decided alone (`Allocator.resume`), else every
    /// allocation again from the deposits, decisions and aliases (always, with `full`).
    @discardableResult
    public func rematch(_ group: Group, full: Bool = false) async throws -> MatchSummary {
        if !full, let delta = try await store.matchDelta(of: group) {
            var allocator = Allocator(group: group, learnedAliases: delta.aliases)
            let resumed = allocator.resume(
                from: delta.carry, deposits: delta.deposits, withdrawals: delta.withdrawals, recentWithdrawals: delta.recentWithdrawals,
                recentDeposits: delta.recentDeposits)
            if case .refused(let why) = resumed, ProcessInfo.processInfo.environment["HOEBI_TIMING"] != nil {
                FileHandle.standardError.write(Data("re-match: in full (\(why.rawValue))\n".utf8))
            }
            if let result = resumed.result {
                var tally = delta.carry.tally
                tally.add(MatchTally(group: group, deposits: delta.deposits, outcomes: result.outcomes))
                let last = delta.deposits.last
                let carry = allocator.carry(
                    lastTime: last?.time.epochSeconds ?? delta.carry.lastTime, lastID: last?.id ?? delta.carry.lastID, tally: tally)
                let save = MatchSave(kind: .added(base: delta.base, baseUpto: delta.baseUpto), generation: delta.generation, carry: carry, upto: delta.upto)
                // False when another match saved first: then everything is matched again below.
                if try await store.saveMatch(group: group, deposits: delta.deposits, result: result, save: save) {
                    var s = summary(group, tally, result)
                    s.newOnly = delta.deposits.count
                    return s
                }
            }
        }
        var times = StageTimes("re-match")
        let input = try await store.matchInput(of: group)
        let deposits = input.deposits
        times.lap("load")
        var allocator = Allocator(group: group, learnedAliases: input.aliases)
        let result = allocator.run(deposits: deposits, decisions: input.decisions, withdrawals: input.withdrawals)
        times.lap("allocate")
        let tally = MatchTally(group: group, deposits: deposits, outcomes: result.outcomes)
        let last = deposits.max { ($0.time, $0.id) < ($1.time, $1.id) }
        let carry = allocator.carry(lastTime: last?.time.epochSeconds, lastID: last?.id, tally: tally)
        let upto = max(deposits.map(\.id).max() ?? 0, input.withdrawals.map(\.id).max() ?? 0)
        // False when a racing re-match of a later input saved first: its result stands, and it
        // is at least as new as ours.
        _ = try await store.saveMatch(
            group: group, deposits: deposits, result: result, save: MatchSave(kind: .full, generation: input.generation, carry: carry, upto: upto))
        times.lap("save")
        times.tell()
        return summary(group, tally, result)
    }

    /// The summary of a match: the whole group's counts, the warnings of this run.
    private func summary(_ group: Group, _ tally: MatchTally, _ result: Allocator.Result) -> MatchSummary {
        var s = MatchSummary(
            deposits: tally.deposits, allocated: tally.allocated, review: tally.review, other: tally.other,
            warnings: Self.warnings(result.staleRules) + BankCheck.warnings(group) + result.conflicts.map { Messages.t("warning.ruleConflict", $0) })
        s.beforeJoining = tally.early.compactMap { id, p in group.members.first { $0.id == id }.map { MatchSummary.BeforeJoining(member: $0, first: p) } }
            .sorted { $0.member.id < $1.member.id }
        return s
    }

    static func warnings(_ stale: [(text: String, member: String)]) -> [String] {
        stale.map { Messages.t("warning.staleRule", $0.text, $0.member) }
    }

    /// Re-matches when the ledger owes one (an import or sync was interrupted before matching, or
    /// the configuration changed). Returns whether it did.
    @discardableResult
    public func matchIfOwed(_ group: Group) async throws -> Bool {
        guard try await store.owesMatch(group) else { return false }
        try await rematch(group)
        return true
    }

    /// The report over `from`…`to` in the group's periods; by default the last year or so (12
    /// months, 8 quarters, 4 halves, 3 years) up to the latest transaction's period (the current
    /// one for an empty ledger), not before the schedule's start.
    /// Every period from the schedule's start through `to` (default: where `report` would end):
    /// what a member owes in all, the one figure the notice, `remind` and the overview give.
    public func wholeReport(_ group: Group, to: Period? = nil, now: SeoulTime = .now) async throws -> Report {
        var end = to ?? now.period
        if to == nil, let latest = try await store.latestTime(account: group.account.key) { end = latest.period }
        end = end.within(group.dues.cycle)
        return try await report(group, from: min(group.firstPeriod, end), to: end, now: now)
    }

    public func report(_ group: Group, from: Period?, to: Period?, now: SeoulTime = .now) async throws -> Report {
        let c = group.dues.cycle
        let latestTime = try await store.latestTime(account: group.account.key)
        let latest = latestTime?.period
        // By default the window ends with the ledger: a statement that ends last year shows last
        // year, not a year of empty months up to the machine's clock.
        let end = (to ?? latest ?? now.period).within(c)
        let start = from?.within(c) ?? max(group.firstPeriod, end.advanced(by: -(c.reportSpan - 1)))
        guard start <= end else { throw AppError.usage(Messages.t("error.fromAfterTo", start, end)) }
        let periods = Period.range(start, end)
        var times = StageTimes("report")
        let snapshot = try await store.snapshot(of: group, periods: periods)
        times.lap("read")
        var report = try Report(group: group, periods: periods, snapshot: snapshot)
        times.lap("model")
        report.asOf = latestTime
        report.receipted = Set(try await store.receipts(of: group).map(\.transaction))
        let members = Set(group.members.map(\.id))
        report.warnings = Self.warnings(
            try await store.rules(of: group).compactMap { r in
                guard case .member(let id) = r.rule, !members.contains(id) else { return nil }
                return (text: r.text, member: id)
            })
        times.lap("receipts and rules")
        times.tell()
        return report
    }

    /// Parses "t42" or "42".
    public static func transactionID(_ s: String) throws -> Int64 {
        guard let id = number(s, prefix: "t") else { throw StoreError.unknownTransaction(s) }
        return id
    }

    /// A row's number as people write it: "t42", "T42" or "42" (prefix "t"; receipts use "r").
    public static func number(_ s: String, prefix: Character) -> Int64? {
        let digits = s.first?.lowercased() == String(prefix) ? String(s.dropFirst()) : s
        guard let id = Int64(digits), id > 0 else { return nil }
        return id
    }
}

extension SeoulTime {
    public static var now: SeoulTime { SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970)) }
}
