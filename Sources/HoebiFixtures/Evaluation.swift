import HoebiCore

/// Measures the matcher against a labelled history (no database, no treasurer): how often an
/// automatic assignment is right, how much of what a person could assign it assigns, and how many
/// member × month statuses come out as they really are.
public struct Evaluation: Sendable {
    public struct CaseFigures: Sendable {
        public var count = 0, automatic = 0, correct = 0
        public init() {}
    }

    public var deposits = 0
    public var automatic = 0
    public var correctAutomatic = 0
    public var assignable = 0
    public var assignedAssignable = 0
    public var cells = 0
    public var agreeingCells = 0
    public var byCase: [String: CaseFigures] = [:]
    /// A few wrong automatic assignments, to read.
    public var mistakes: [String] = []

    /// Why the statuses could not be compared (the report refused the allocations), if so.
    public var reportError: String?
    /// Cells shown as 확인 필요 (a deposit in review would pay them): a question, not an answer.
    public var checkingCells = 0
    /// Statuses after a treasurer answers every question as the truth says (assign, collective
    /// payment, split, not dues): what the decisions can reach.
    public var answeredAgreeingCells = 0

    // Nothing measured is a failure, never a perfect score: a matcher that decides nothing, or a
    // report that cannot be built, must not pass the targets.
    public var precision: Double { automatic == 0 ? 0 : Double(correctAutomatic) / Double(automatic) }
    public var automaticShare: Double { assignable == 0 ? 0 : Double(assignedAssignable) / Double(assignable) }
    public var statusAgreement: Double { cells == 0 ? 0 : Double(agreeingCells) / Double(cells) }
    public var answeredAgreement: Double { cells == 0 ? 0 : Double(answeredAgreeingCells) / Double(cells) }

    /// `learned`: depositor texts the matcher is told belong to members (as a treasurer's earlier
    /// decisions would), so a test can show that a misled matcher scores badly.
    public init(_ h: LabelledHistory, learned: [String: String] = [:]) {
        var allocator = Allocator(group: h.group, learnedAliases: learned)
        let result = allocator.run(deposits: h.items.map(\.deposit), decisions: [:], withdrawals: h.withdrawals)
        var byDeposit: [Int64: [Allocation]] = [:]
        for a in result.allocations { byDeposit[a.transactionID, default: []].append(a) }
        deposits = h.items.count
        for (item, outcome) in zip(h.items, result.outcomes) {
            var figures = byCase[item.kase] ?? CaseFigures()
            figures.count += 1
            let allocs = byDeposit[item.deposit.id] ?? []
            let isAutomatic: Bool
            if case .allocated = outcome { isAutomatic = true } else { isAutomatic = false }
            if case .dues(_, _, true) = item.truth {
                assignable += 1
                if isAutomatic { assignedAssignable += 1 }
            }
            if isAutomatic {
                automatic += 1
                figures.automatic += 1
                let who = Set(allocs.map(\.memberID))
                let right: Bool
                switch item.truth {
                case .dues(let members, _, _):
                    // Whose money it is (of a couple, those who owed that month); which months it
                    // pays is what the status agreement measures.
                    let owing = members.filter { id in h.group.member(id).map { h.group.obligation(of: $0, in: item.deposit.time.period).amount > 0 } ?? false }
                    right = who == Set(owing.isEmpty ? members : owing)
                case .unclear(let member): right = member.map { who == [$0] } ?? false
                case .notDues, .split: right = false
                }
                if right {
                    correctAutomatic += 1
                    figures.correct += 1
                } else if mistakes.count < 12 {
                    mistakes.append(
                        "\(item.kase): '\(item.deposit.text)' \(item.deposit.amount.grouped) → \(who.sorted().joined(separator: ",")) (truth \(item.truth))")
                }
            }
            byCase[item.kase] = figures
        }
        // Statuses: the allocator's, against an independent simulation of what was really paid.
        var snapshot = LedgerSnapshot(transactions: h.items.count, balance: nil, allocations: result.allocations, deposits: [:], review: [], other: [])
        snapshot.holds = result.holds
        var report: Report?
        do { report = try Report(group: h.group, periods: h.periods, snapshot: snapshot) } catch { reportError = "\(error)" }
        let truth = Self.truthPaid(h)
        (cells, agreeingCells, checkingCells) = Self.agreement(report, h, truth)
        // The same history once the treasurer has answered every question.
        var decisions: [Int64: Decision] = [:]
        for (item, outcome) in zip(h.items, result.outcomes) {
            if case .allocated = outcome { continue }
            if let d = Self.answer(item) { decisions[item.deposit.id] = d }
        }
        var answering = Allocator(group: h.group, learnedAliases: learned)
        let answered = answering.run(deposits: h.items.map(\.deposit), decisions: decisions, withdrawals: h.withdrawals)
        let after = try? Report(
            group: h.group, periods: h.periods,
            snapshot: LedgerSnapshot(transactions: h.items.count, balance: nil, allocations: answered.allocations, deposits: [:], review: [], other: []))
        answeredAgreeingCells = Self.agreement(after, h, truth).agreeing
    }

    /// What a treasurer who knows the truth decides for a deposit left in review.
    static func answer(_ item: LabelledHistory.Item) -> Decision? {
        switch item.truth {
        case .dues(let members, let months, _) where members.count == 1: return .assign(member: members[0], periods: months)
        case .dues(let members, let months, _): return .collective(members: members, periods: months, rest: nil)
        case .split(let member, let months, let dues):
            return .split(parts: [
                DepositPart(member: member, periods: months, amount: dues), DepositPart(member: nil, amount: item.deposit.amount - dues, label: "뒷풀이")
            ])
        case .notDues: return .ignore(reason: "")
        case .unclear(let member?): return .assign(member: member, periods: [])
        case .unclear(nil): return nil
        }
    }

    /// Cells compared, cells agreeing with the truth, cells shown as 확인 필요.
    static func agreement(_ report: Report?, _ h: LabelledHistory, _ truth: [String: [Period: Won]]) -> (cells: Int, agreeing: Int, checking: Int) {
        var cells = 0, agreeingCells = 0, checking = 0
        for row in report?.members ?? [] {
            guard let m = h.group.member(row.id) else { continue }
            let c = h.group.cycle(of: m)
            for (column, cell) in zip(h.periods, row.cells) {
                let p = column.within(c)
                let paid = truth[m.id]?[p] ?? 0
                let expected: Report.Status
                switch h.group.obligation(of: m, in: p) {
                case .inactive: expected = .inactive
                case .paused: expected = .paused
                case .exempt: expected = .exempt
                case .due(let due): expected = paid >= due ? .paid : paid > 0 ? .partial : .unpaid
                }
                cells += 1
                if expected == cell.status { agreeingCells += 1 }
                if cell.status == .review { checking += 1 }
            }
        }
        return (cells, agreeingCells, checking)
    }

    /// What each member really paid per period of their own: named periods first, otherwise oldest unpaid first,
    /// a couple's money split by their dues. Written apart from `Allocator` on purpose.
    static func truthPaid(_ h: LabelledHistory) -> [String: [Period: Won]] {
        var paid: [String: [Period: Won]] = [:]
        let g = h.group
        func due(_ id: String, _ p: Period) -> Won { g.member(id).map { g.obligation(of: $0, in: p).amount } ?? 0 }
        func pay(_ id: String, _ amount: Won, months: [Period], at time: SeoulTime) {
            guard let m = g.member(id) else { return }
            let c = g.cycle(of: m)
            var left = amount
            for p in months.flatMap({ $0.periods(in: c) }) where left > 0 {
                let take = min(left, max(0, due(id, p) - (paid[id]?[p] ?? 0)))
                paid[id, default: [:]][p, default: 0] += take
                left -= take
            }
            var p = g.firstPeriod(of: m)
            let end = (h.periods.last ?? p).advanced(by: 120).within(c)
            while left > 0 && p <= end {
                if let l = m.left, p.startMonth > l.endMonth { break }
                let take = min(left, max(0, due(id, p) - (paid[id]?[p] ?? 0)))
                if take > 0 {
                    paid[id, default: [:]][p, default: 0] += take
                    left -= take
                }
                p = p.next
            }
        }
        for item in h.items {
            switch item.truth {
            case .dues(let members, let months, _):
                let dues = members.map { due($0, item.deposit.time.period) }
                let total = dues.reduce(0, +)
                for (id, d) in zip(members, dues) where total > 0 {
                    pay(id, item.deposit.amount * d / total, months: months, at: item.deposit.time)
                }
            case .unclear(let member?):
                pay(member, item.deposit.amount, months: [], at: item.deposit.time)
            case .split(let member, let months, let dues):
                pay(member, dues, months: months, at: item.deposit.time)
            default: break
            }
        }
        return paid
    }
}
