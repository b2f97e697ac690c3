import Foundation
import HoebiApp
import HoebiCore

/// `hoebi group show` and `hoebi dues`: the group's settings in words, or as JSON.
enum GroupView {
    static func lines(_ g: Group) -> [String] {
        let shown = g.displayNames()
        var out = ["\(g.name) (\(g.id))"]
        func row(_ label: String, _ value: String) { out.append("  " + DisplayWidth.padRight(Messages.t(label), to: 14) + value) }
        let holder = g.account.holder.map { Messages.t("group.holderOf", $0) } ?? Messages.t("group.noHolder")
        row("group.label.account", "\(g.account.bankName) \(g.account.number) \(holder)")
        row("group.label.treasurer", g.treasurer.map { t in g.treasurerName.map { "\($0) (\(t))" } ?? t } ?? Messages.t("group.noTreasurer"))
        row("group.label.dues", duesLine(g))
        if let a = g.dues.advanceMonths { row("group.label.advance", Messages.t("group.advance", a)) }
        let households = Dictionary(grouping: g.households, by: \.value)
        for (hh, parts) in households.sorted(by: { $0.key < $1.key }) {
            let unit = g.members.first { $0.id == hh }
            let amount = unit?.amount.map { " " + Messages.t("member.amount", $0.grouped) } ?? ""
            row("group.label.household", "\(hh): " + (unit?.name ?? parts.map(\.key).joined(separator: "·")) + amount)
        }
        row("group.label.words", g.nonDuesKeywords.isEmpty ? Messages.t("group.none") : g.nonDuesKeywords.joined(separator: ", "))
        if !g.fees.isEmpty {
            row("group.label.fees", g.fees.sorted { $0.key < $1.key }.map { "\($0.key) " + Messages.t("money.won", $0.value.grouped) }.joined(separator: ", "))
        }
        row("group.label.members", Messages.t("group.members", g.members.count, g.members.prefix(6).map { shown[$0.id] ?? $0.name }.joined(separator: ", ")))
        return out
    }

    /// "월 20,000원 (2026-06부터), 25,000원 (2027-01부터) · 매달 10일까지"
    static func duesLine(_ g: Group) -> String {
        let cycle = Messages.language == .ko ? g.dues.cycle.korean : g.dues.cycle.rawValue
        let rates = g.dues.schedule.map { Messages.t("group.rate", $0.amount.grouped, $0.from) }.joined(separator: ", ")
        return "\(cycle) \(rates) · " + Messages.t("group.dueDay", g.dues.dueDay)
    }

    static func json(_ g: Group) -> [String: Any] {
        var account: [String: Any] = ["bank": g.account.bank, "number": g.account.number]
        if let h = g.account.holder { account["holder"] = h }
        var dues: [String: Any] = [
            "cycle": g.dues.cycle.rawValue, "dueDay": g.dues.dueDay, "start": g.firstPeriod.description,
            "schedule": g.dues.schedule.map { ["from": $0.from.description, "amount": $0.amount] as [String: Any] }
        ]
        if let a = g.dues.advanceMonths { dues["advanceMonths"] = a }
        var out: [String: Any] = [
            "id": g.id, "name": g.name, "account": account, "dues": dues, "members": g.members.count,
            "nonDuesKeywords": g.nonDuesKeywords, "fees": g.fees,
            "households": Dictionary(grouping: g.households, by: \.value).map { ["id": $0.key, "members": $0.value.map(\.key).sorted()] as [String: Any] }
        ]
        if let t = g.treasurer { out["treasurer"] = ["id": t, "name": g.treasurerName ?? t] }
        return out
    }
}
