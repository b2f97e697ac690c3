import Foundation
import HoebiCore
import Mustache

/// The Korean notice a treasurer pastes into the group chat, from a Mustache template.
public enum NoticeRenderer {
    /// The template used when none is given. Text mode: nothing is HTML-escaped.
    public static let defaultTemplate = """
    {{% CONTENT_TYPE: TEXT}}
    📢 [{{groupName}}] {{periodLabel}} 회비 안내

    회비: {{amount}}원 · 납부 기한: {{dueDate}}
    {{#hasUnpaid}}

    ❌ 아직 안 낸 분 ({{unpaidCount}}명)
    {{#unpaid}}
    - {{name}} {{owed}}원{{#hasArrears}} (밀린 회비 포함 총 {{totalOwed}}원){{/hasArrears}}
    {{/unpaid}}
    {{/hasUnpaid}}
    {{^hasUnpaid}}

    🎉 모두 납부했습니다. 감사합니다!
    {{/hasUnpaid}}

    ✅ 낸 분 ({{paidCount}}명): {{paidNames}}
    {{#hasExempt}}
    🙏 면제: {{exemptNames}}
    {{/hasExempt}}

    입금 계좌: {{bankName}} {{accountNumber}}{{#accountHolder}} ({{accountHolder}}){{/accountHolder}}
    입금자명은 본인 이름으로 해 주세요.{{#treasurer}}
    - 총무 {{treasurer}}{{/treasurer}}

    """

    public static func render(_ n: Notice, template: String? = nil) throws -> String {
        let tmpl = try MustacheTemplate(string: template ?? defaultTemplate)
        let weekdays = ["일", "월", "화", "수", "목", "금", "토"]
        let unpaid: [[String: Any]] = n.unpaid.map {
            ["name": $0.name, "owed": $0.owed.grouped, "totalOwed": $0.totalOwed.grouped,
             "paid": $0.paid.grouped, "hasArrears": $0.totalOwed > $0.owed]
        }
        var context: [String: Any] = [
            "groupName": n.groupName,
            "period": n.period.description,
            "periodLabel": n.period.label,
            "dueDate": "\(n.dueDate.month)월 \(n.dueDate.day)일(\(weekdays[n.dueDate.weekday]))",
            "amount": n.amount.grouped,
            "paid": n.paid.map { ["name": $0.name, "paid": $0.paid.grouped] },
            "paidNames": n.paid.isEmpty ? "없음" : n.paid.map(\.name).joined(separator: ", "),
            "paidCount": n.paid.count,
            "unpaid": unpaid,
            "unpaidCount": n.unpaid.count,
            "hasUnpaid": !n.unpaid.isEmpty,
            "exemptNames": n.exempt.joined(separator: ", "),
            "hasExempt": !n.exempt.isEmpty,
            "bankName": n.bankName,
            "accountNumber": n.accountNumber,
            "collected": n.collected.grouped,
            "expected": n.expected.grouped,
            "reviewCount": n.reviewCount,
        ]
        // Absent keys, not nil values: a missing key is what makes a Mustache section skip.
        if let h = n.accountHolder { context["accountHolder"] = h }
        if let t = n.treasurer { context["treasurer"] = t }
        if let b = n.balance { context["balance"] = b.grouped }
        return tmpl.render(context)
    }
}
