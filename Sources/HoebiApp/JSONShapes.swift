import HoebiCore

/// The JSON documents the command line prints (`--format json`) and the service's API answers:
/// one definition, so both always say the same. Reasons are English here whatever the reader's
/// language: a script's view never changes with the locale.
public enum JSONShapes {
    public static func review(_ lines: [Report.DepositLine]) -> [[String: Any]] {
        lines.map {
            var d: [String: Any] = [
                "id": "t\($0.id)", "date": $0.time.iso8601, "amount": $0.amount, "text": $0.text,
                "reason": Messages.show($0.reason ?? "", in: .en)
            ]
            if let s = $0.suggestion { d["suggestion"] = s }
            return d
        }
    }

    public static func transactions(_ lines: [LedgerLine]) -> [[String: Any]] {
        lines.map { l in
            [
                "id": "t\(l.id)", "date": l.time.iso8601, "direction": l.direction, "amount": l.amount, "text": l.text,
                "status": l.status.isEmpty ? "withdrawal" : l.status, "reason": Messages.show(l.reason ?? "", in: .en),
                "paid": l.paid.map { ["member": $0.member, "period": $0.period?.description ?? "credit", "amount": $0.amount] as [String: Any] }
            ]
        }
    }

    public static func runs(_ runs: [RunEntry]) -> [[String: Any]] {
        runs.map { ["id": $0.id, "kind": $0.kind.rawValue, "at": $0.at, "by": $0.by, "what": $0.what, "status": $0.status.description] }
    }

    public static func decision(_ e: Ledger.DecisionEffect) -> [String: Any] {
        var rule: [String: Any] = ["kind": "none"]
        switch e.rule {
        case .none: break
        case .learned(let text, let r): rule = ["kind": "learned", "text": text, "rule": r.stored]
        case .notLearned(let text, let why): rule = ["kind": "notLearned", "text": text, "why": why]
        case .removed(let text, let r): rule = ["kind": "removed", "text": text, "rule": r.stored]
        }
        var doc: [String: Any] = [
            "transaction": "t\(e.deposit.id)", "before": e.before.code, "after": e.after.code, "dryRun": e.match == nil, "rule": rule,
            "changes": e.changes.map {
                ["id": "t\($0.id)", "date": $0.time.iso8601, "amount": $0.amount, "text": $0.text, "from": $0.from.code, "to": $0.to.code] as [String: Any]
            }
        ]
        if let m = e.match { doc["match"] = ["allocated": m.allocated, "review": m.review, "other": m.other] }
        return doc
    }

    public static func imported(_ r: Ledger.ImportResult) -> [String: Any] {
        [
            "file": r.file, "layout": r.layout, "run": "r\(r.counts.runID)", "new": r.counts.new, "known": r.counts.known, "ignored": r.counts.ignored,
            "breaks": r.breaks.map(\.description), "match": ["allocated": r.match.allocated, "review": r.match.review, "other": r.match.other]
        ]
    }
}
