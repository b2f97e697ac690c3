import Foundation
import HoebiCore

/// The club's whole book beside the dues: events, the lines of the 결산, the statement itself.
extension Ledger {
    /// Depositor rules the treasurer's decisions taught, by text key: events find payers by them too.
    func learnedMembers(_ group: Group) async throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try await store.rules(of: group) { if case .member(let id) = r.rule { out[Normalise.key(r.text)] = id } }
        return out
    }

    /// Every event's book, from the rows 60 days before the first event to 90 days after the last.
    public func eventBooks(_ group: Group) async throws -> [EventBook] {
        guard let first = group.events.map(\.date).min(), let last = group.events.map(\.date).max() else { return [] }
        let rows = try await store.bookRows(
            of: group, from: SeoulTime(epochSeconds: first.epochSeconds - 60 * 86_400), to: SeoulTime(epochSeconds: last.epochSeconds + 90 * 86_400))
        let learned = try await learnedMembers(group)
        return group.events.map { EventBook(event: $0, group: group, rows: rows, learned: learned) }
    }

    /// One event's book by its name (in any spacing); an unknown name is refused with the known ones.
    public func eventBook(_ group: Group, _ name: String) async throws -> EventBook {
        guard let e = group.event(named: name) else { throw AppError.usage(Self.unknownEvent(name, group)) }
        return try await eventBooks(group).first { $0.event.name == e.name } ?? EventBook(event: e, group: group, rows: [])
    }

    public static func unknownEvent(_ name: String, _ group: Group) -> String {
        group.events.isEmpty
            ? Messages.t("event.none", name)
            : Messages.t("event.unknown", name, group.events.map(\.name).joined(separator: ", "))
    }

    public func categories(_ group: Group, books: [EventBook]? = nil) async throws -> Categories {
        let books = if let books { books } else { try await eventBooks(group) }
        return Categories(decisions: try await store.categoryDecisions(of: group), group: group, books: books)
    }

    /// The months a 결산 covers: `from`…`to`; one of them alone means the twelve months from or up
    /// to it (a fiscal year from March is `from: 2026-03`); neither, the calendar `year`, by default
    /// the last full one (the ledger's last year when it ends earlier, its first when it begins
    /// later). Nil when `from` is after `to`.
    public func closingRange(_ group: Group, from: Period?, to: Period?, year: Int? = nil, now: SeoulTime = .now) async throws -> (Period, Period)? {
        switch (from, to) {
        case (let f?, let t?): return f <= t ? (f, t) : nil
        case (let f?, nil): return (f, f.advanced(by: 11))
        case (nil, let t?): return (t.advanced(by: -11), t)
        case (nil, nil):
            let latest = try await store.latestTime(account: group.account.key)?.year ?? now.year
            // A ledger that begins this year has no last full year: its own year then.
            let first = try await store.earliestTime(account: group.account.key)?.year ?? latest
            let y = year ?? max(min(now.year - 1, latest), min(first, latest))
            guard let f = Period(year: y, month: 1), let t = Period(year: y, month: 12) else { return nil }
            return (f, t)
        }
    }

    /// The 결산 over `from`…`to`: the report's money by line, dues and arrears, events.
    public func closing(_ group: Group, from: Period, to: Period, now: SeoulTime = .now) async throws -> Closing {
        let books = try await eventBooks(group)
        let r = try await report(group, from: from, to: to, now: now)
        var outside: (earlier: Won, later: Won) = (0, 0)
        if let first = r.periods.first, let last = r.periods.last, let start = SeoulTime(year: first.year, month: first.month, day: 1) {
            let after = Period(cycle: .monthly, containingMonth: last.endMonth + 1)
            if let end = SeoulTime(year: after.year, month: after.month, day: 1) {
                outside = try await store.duesOutside(of: group, from: start, to: end, first: first, last: last)
            }
        }
        var c = await Closing(report: r, categories: try categories(group, books: books), events: books, now: now, duesOutside: outside)
        let start = from.startMonth, end = to.endMonth
        c.gaps = Continuity.breaks(in: try await store.continuityRows(account: group.account.key)).filter {
            (start...max(start, end)).contains($0.after.time.period.startMonth)
        }
        return c
    }
}

/// The treasurer's categories: previewed like a decision (every row whose line moves, the ones
/// the same text carries along included), written as one change, undone as one.
extension Ledger {
    public struct LineChange: Sendable {
        public var row: EventMoney
        public var before: BookLine?
        public var after: BookLine?
    }

    /// Every row of the account that is not dues (all time), for listing and previews.
    public func bookRows(_ group: Group) async throws -> [EventMoney] {
        try await store.bookRows(of: group, from: SeoulTime(epochSeconds: 0), to: SeoulTime(epochSeconds: Int64(Date().timeIntervalSince1970) + 366 * 86_400))
    }

    public func line(of r: EventMoney, _ c: Categories) -> (line: BookLine, source: Categories.Source)? {
        c.line(for: r.line, spending: !r.incoming, label: r.label)
    }

    /// Files `ids` under `line` ('' takes the treasurer's line off); `dryRun` writes nothing.
    public func categorise(_ group: Group, transactions: [String], as line: String, by: String, dryRun: Bool) async throws -> [LineChange] {
        var seen = Set<Int64>()
        let ids = try transactions.map(Self.transactionID).filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { throw AppError.usage(Messages.t("error.noTransactions")) }
        let rows = try await bookRows(group)
        let known = Set(rows.map(\.line.id))
        for id in ids where !known.contains(id) { throw AppError.usage(Messages.t("category.notBook", id)) }
        let old = try await store.categoryDecisions(of: group)
        let books = try await eventBooks(group)
        let byID = Dictionary(rows.map { ($0.line.id, $0) }) { a, _ in a }
        var new = old.filter { !seen.contains($0.transaction) }
        let name = Normalise.nfc(line.trimmingCharacters(in: .whitespaces))
        if !name.isEmpty { new += ids.compactMap { byID[$0] }.map { CategoryDecision(transaction: $0.line.id, text: $0.line.text, category: name) } }
        let before = Categories(decisions: old, group: group, books: books), after = Categories(decisions: new, group: group, books: books)
        let changes = rows.compactMap { r -> LineChange? in
            let a = self.line(of: r, before)?.line, b = self.line(of: r, after)?.line
            return a == b ? nil : LineChange(row: r, before: a, after: b)
        }
        if !dryRun { _ = try await store.categorise(group: group, ids, as: name, by: by) }
        return changes
    }
}
