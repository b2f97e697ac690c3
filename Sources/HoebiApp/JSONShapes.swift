import Foundation
import HoebiAPI
import HoebiCore
import HoebiRender

/// The JSON documents the command line prints (`--format json`) and the service's API answers,
/// as the types generated from `api/openapi.json` (HoebiAPI): one definition, so both always say
/// what the document says. Reasons are English here whatever the reader's language: a script's
/// view never changes with the locale.
public enum JSONShapes {
    public typealias Schemas = Components.Schemas

    public static func review(_ lines: [Report.DepositLine]) -> [Schemas.Deposit] {
        lines.map { ReportJSON.deposit($0, reasonAlways: true) }
    }

    public static func transactions(_ lines: [LedgerLine]) -> [Schemas.LedgerLine] {
        lines.map { l in
            Schemas.LedgerLine(
                id: "t\(l.id)", date: l.time.iso8601, direction: l.direction == "out" ? .out : ._in, amount: l.amount, text: l.text,
                // An unknown status would be a store bug; shown as a question, never as settled.
                status: l.status.isEmpty ? .withdrawal : Schemas.LedgerLine.StatusPayload(rawValue: l.status) ?? .review,
                reason: Messages.show(l.reason ?? "", in: .en),
                paid: l.paid.map { Schemas.Paid(member: $0.member, period: $0.period?.description ?? "credit", amount: $0.amount) })
        }
    }

    public static func runs(_ runs: [RunEntry]) -> [Schemas.Run] {
        runs.map {
            // Case by case, so that a new kind of run does not compile until the document has it.
            let kind: Schemas.Run.KindPayload
            switch $0.kind {
            case .import: kind = ._import
            case .sync: kind = .sync
            case .match: kind = .match
            case .decision: kind = .decision
            }
            return Schemas.Run(id: $0.id, kind: kind, at: $0.at, by: $0.by, what: $0.what, status: $0.status.description)
        }
    }

    public static func decision(_ e: Ledger.DecisionEffect) -> Schemas.DecisionEffect {
        let rule: Schemas.LearnedRuleChange
        switch e.rule {
        case .none: rule = .init(kind: .none)
        case .learned(let text, let r): rule = .init(kind: .learned, text: text, rule: r.stored)
        case .notLearned(let text, let why): rule = .init(kind: .notLearned, text: text, why: why)
        case .removed(let text, let r): rule = .init(kind: .removed, text: text, rule: r.stored)
        }
        return Schemas.DecisionEffect(
            transaction: "t\(e.deposit.id)", before: e.before.code, after: e.after.code, dryRun: e.match == nil, rule: rule,
            changes: e.changes.map {
                Schemas.Change(id: "t\($0.id)", date: $0.time.iso8601, amount: $0.amount, text: $0.text, from: $0.from.code, to: $0.to.code)
            },
            match: e.match.map { Schemas.MatchCounts(allocated: $0.allocated, review: $0.review, other: $0.other) })
    }

    /// `message` is the service's: the summary in the treasurer's words, for the dashboard.
    public static func imported(_ r: Ledger.ImportResult, message: String? = nil) -> Schemas.Imported {
        Schemas.Imported(
            file: r.file, layout: r.layout, run: "r\(r.counts.runID)", new: r.counts.new, known: r.counts.known, ignored: r.counts.ignored,
            breaks: r.breaks.map(\.description),
            match: Schemas.MatchCounts(allocated: r.match.allocated, review: r.match.review, other: r.match.other), message: message)
    }

    public static func groups(_ groups: [Group]) -> [Schemas.GroupSummary] {
        groups.map { .init(id: $0.id, name: $0.name, cycle: $0.dues.cycle.rawValue, members: $0.members.count, sync: $0.sync != nil) }
    }
}
