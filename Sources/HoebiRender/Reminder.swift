import HoebiCore

/// One member's personal reminder (`hoebi remind`): what is owed, for which periods, where to pay.
public enum Reminder {
    /// The periods still owed up to `period` (a yearly member's year once), oldest first.
    public static func owed(_ row: Report.MemberRow, in report: Report, through period: Period) -> [(period: Period, owed: Won)] {
        guard let i = report.periods.lastIndex(where: { $0 <= period }) else { return [] }
        return row.arrears(through: i, columns: report.periods)
    }

    public static func render(report: Report, member id: String, period: Period, maskAccount: Bool = false) -> String? {
        guard let row = report.members.first(where: { $0.id == id }) else { return nil }
        let g = report.group
        let items = owed(row, in: report, through: period)
        let account = "\(g.account.bankName) \(maskAccount ? Mask.account(g.account.number) : g.account.number)" + (g.account.holder.map { " (\($0))" } ?? "")
        var s = "[\(g.name)] \(row.name)님, 회비 안내드립니다.\n"
        if items.isEmpty {
            s += "\(period.label)까지 모두 납부하셨습니다. 감사합니다!\n"
        } else {
            let total = items.reduce(0) { Money.saturatingAdd($0, $1.owed) }
            s += "아직 확인되지 않은 회비: " + items.map { "\($0.period.label) \($0.owed.grouped)원" }.joined(separator: ", ")
            s += items.count > 1 ? " (총 \(total.grouped)원)\n" : "\n"
            s += "입금 계좌: \(account)\n"
            s += "입금자명은 '\(g.members.first { $0.id == id }?.name ?? row.name)'(으)로 해 주세요. 이미 보내셨다면 알려 주세요.\n"
        }
        if let a = report.asOf { s += "(\(a.month)월 \(a.day)일 입출금까지 반영)\n" }
        if let t = g.treasurerName ?? g.treasurer.flatMap({ g.member($0) })?.name { s += "- 총무 \(t)\n" }
        return Particle.resolve(s)
    }
}
