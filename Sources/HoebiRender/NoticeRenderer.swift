import Foundation
import HoebiCore
import Mustache

/// The Korean notice a treasurer pastes into the group chat, from a Mustache template.
public enum NoticeRenderer {
    /// What members read while deposits wait in review that no one's period waits on (a name
    /// Hoebi could not read): whoever is listed as unpaid may have sent one, so they are asked
    /// to say so. The treasurer's own warning (how many wait, and the command) is printed above
    /// the notice, outside what is copied (`Ledger.openQuestions`). Added to a group's own
    /// template that does not say it.
    static let unknownLine = "❓ 누가 보냈는지 아직 확인하지 못한 입금이 {{unknownCount}}건 있습니다. 내셨는데 미납으로 나오면 총무에게 알려 주세요."

    /// The template used when none is given. Text mode: nothing is HTML-escaped.
    public static let defaultTemplate = """
        {{% CONTENT_TYPE: TEXT}}
        📢 [{{groupName}}] {{periodLabel}} {{duesWord}} 안내

        회비: {{amount}}원 · 납부 기한: {{dueDate}}{{#asOf}}
        ({{asOf}} 입출금까지 반영){{/asOf}}
        {{#hasUnpaid}}

        ❌ 아직 안 낸 분 ({{unpaidCount}}명)
        {{#unpaid}}
        - {{name}} {{owed}}원{{#hasArrears}} (밀린 회비 포함 총 {{totalOwed}}원){{/hasArrears}}
        {{/unpaid}}
        {{/hasUnpaid}}
        {{^hasUnpaid}}

        {{^hasReview}}🎉 모두 납부했습니다. 감사합니다!{{/hasReview}}
        {{/hasUnpaid}}
        {{#showPaid}}

        ✅ 낸 분 ({{paidCount}}명): {{paidNames}}
        {{/showPaid}}
        {{#hasChecking}}

        🔎 입금 확인 중 ({{checkingCount}}명): {{checkingNames}}
        {{/hasChecking}}
        {{#hasUnknown}}

        \(unknownLine)
        {{/hasUnknown}}
        {{#hasExempt}}
        🙏 면제: {{exemptNames}}
        {{/hasExempt}}

        입금 계좌: {{bankName}} {{accountNumber}}{{#accountHolder}} ({{accountHolder}}){{/accountHolder}}
        입금자명은 본인 이름으로 해 주세요.{{#treasurer}}
        - 총무 {{treasurer}}{{/treasurer}}

        """

    /// For large groups: names on one line each, arrears summarised, so 50 members fit well under
    /// 1,000 characters (a chat message people actually read).
    public static let compactTemplate = """
        {{% CONTENT_TYPE: TEXT}}
        📢 [{{groupName}}] {{periodLabel}} {{duesWord}} {{amount}}원 · 기한 {{dueDate}}{{#asOf}} · {{asOf}} 기준{{/asOf}}
        {{#hasUnpaid}}
        ❌ 미납 {{unpaidCount}}명: {{unpaidLine}}
        {{/hasUnpaid}}
        {{^hasUnpaid}}
        {{^hasReview}}🎉 모두 납부했습니다. 감사합니다!{{/hasReview}}
        {{/hasUnpaid}}
        {{#showPaid}}
        ✅ 납부 {{paidCount}}명: {{paidNames}}
        {{/showPaid}}
        {{#hasChecking}}
        🔎 확인 중 {{checkingCount}}명: {{checkingNames}}
        {{/hasChecking}}
        {{#hasUnknown}}
        ❓ 누가 보냈는지 모르는 입금 {{unknownCount}}건: 냈는데 미납이면 총무에게
        {{/hasUnknown}}
        {{#hasExempt}}
        🙏 면제: {{exemptNames}}
        {{/hasExempt}}
        입금: {{bankName}} {{accountNumber}}{{#accountHolder}} ({{accountHolder}}){{/accountHolder}}{{#treasurer}} · 총무 {{treasurer}}{{/treasurer}}

        """

    public enum Layout: String, Sendable, CaseIterable {
        case auto, full, compact
    }

    /// Variables a template may use; inside `{{#unpaid}}` / `{{#paid}}` also `itemVariables`.
    public static let variables: Set<String> = [
        "groupName", "period", "periodLabel", "dueDate", "amount", "paid", "paidNames", "paidCount", "unpaid", "unpaidCount",
        "unpaidLine", "hasUnpaid", "showPaid", "exemptNames", "hasExempt", "bankName", "accountNumber", "accountHolder",
        "treasurer", "collected", "expected", "balance", "reviewCount", "asOf", "hasReview", "hasChecking", "checkingCount",
        "checkingNames", "checking", "duesWord", "unknownCount", "hasUnknown"
    ]
    public static let itemVariables: Set<String> = ["name", "owed", "totalOwed", "paid", "hasArrears"]

    /// `name` names the template in errors (its file). `auto` picks the compact layout when more
    /// than 20 people would be listed.
    public static func render(
        _ n: Notice, template: String? = nil, name: String = "notice template",
        layout: Layout = .auto, unpaidOnly: Bool = false
    ) throws -> String {
        let listed = n.unpaid.count + (unpaidOnly ? 0 : n.paid.count)
        let compact = layout == .compact || (layout == .auto && listed > 20)
        let text = template ?? (compact ? compactTemplate : defaultTemplate)
        if template != nil {
            try TemplateCheck.check(text, name: name, variables: variables, items: ["unpaid", "paid", "checking"], itemVariables: itemVariables)
        }
        let tmpl: MustacheTemplate
        do { tmpl = try MustacheTemplate(string: text) } catch let e as MustacheTemplate.ParserError {
            throw TemplateError(name: name, line: e.context.lineNumber, column: e.context.columnNumber, problem: TemplateError.words(e.error))
        }
        let weekdays = ["일", "월", "화", "수", "목", "금", "토"]
        let unpaid: [[String: Any]] = n.unpaid.map {
            [
                "name": $0.name, "owed": $0.owed.grouped, "totalOwed": $0.totalOwed.grouped,
                "paid": $0.paid.grouped, "hasArrears": $0.totalOwed > $0.owed
            ]
        }
        // Names under the amount each owes, so no layout reads as the whole year owed: "20,000원씩
        // 김솔, 이하늘(총 60,000) · 10,000원 박지민" (part paid, a monthly payer in a yearly club).
        var byAmount: [(owed: Won, names: [String])] = []
        for p in n.unpaid {
            let name = p.totalOwed > p.owed ? "\(p.name)(총 \(p.totalOwed.grouped))" : p.name
            if let i = byAmount.firstIndex(where: { $0.owed == p.owed }) { byAmount[i].names.append(name) } else { byAmount.append((p.owed, [name])) }
        }
        let unpaidLine = byAmount.sorted { ($0.names.count, $0.owed) > ($1.names.count, $1.owed) }.map {
            "\($0.owed.grouped)원\($0.names.count > 1 ? "씩" : "") " + $0.names.joined(separator: ", ")
        }.joined(separator: " · ")
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
            "unpaidLine": unpaidLine,
            "unpaidCount": n.unpaid.count,
            "hasUnpaid": !n.unpaid.isEmpty,
            "showPaid": !unpaidOnly,
            "exemptNames": n.exempt.joined(separator: ", "),
            "hasExempt": !n.exempt.isEmpty,
            "bankName": n.bankName,
            "accountNumber": n.accountNumber,
            "collected": n.collected.grouped,
            "expected": n.expected.grouped,
            "reviewCount": n.reviewCount,
            // What the dues are called in the cycle's words: 연회비 for a yearly club (a quarter's
            // label already says 분기: "2026년 3분기 회비").
            "duesWord": n.period.cycle == .yearly ? "연회비" : "회비",
            "hasReview": n.reviewCount > 0,
            "unknownCount": n.unknownCount,
            "hasUnknown": n.unknownCount > 0,
            "checking": n.checking.map { ["name": $0.name, "owed": $0.owed.grouped, "totalOwed": $0.totalOwed.grouped, "paid": $0.paid.grouped] },
            "checkingNames": n.checking.map(\.name).joined(separator: ", "),
            "checkingCount": n.checking.count,
            "hasChecking": !n.checking.isEmpty
        ]
        // Absent keys, not nil values: a missing key is what makes a Mustache section skip.
        if let h = n.accountHolder { context["accountHolder"] = h }
        if let t = n.treasurer { context["treasurer"] = t }
        if let b = n.balance { context["balance"] = b.grouped }
        if let a = n.asOf { context["asOf"] = "\(a.month)월 \(a.day)일 \(a.hour < 10 ? "0" : "")\(a.hour):\(a.minute < 10 ? "0" : "")\(a.minute)" }
        var out = tmpl.render(context)
        // A group's own template that says nothing of open questions still says them: a notice
        // must never look final while deposits wait in review.
        if template != nil, n.unknownCount > 0, !["hasReview", "reviewCount", "hasUnknown", "unknownCount"].contains(where: text.contains) {
            out += (out.hasSuffix("\n") ? "" : "\n") + unknownLine.replacingOccurrences(of: "{{unknownCount}}", with: "\(n.unknownCount)") + "\n"
        }
        return out
    }
}

/// A template that cannot be used, with where and why.
public struct TemplateError: Error, CustomStringConvertible, Equatable {
    public var name: String
    public var line: Int
    public var column: Int
    public var problem: String
    public var description: String { "\(name), line \(line), column \(column): \(problem)" }

    static func words(_ e: any Error) -> String {
        switch e {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a closing {{/…}} does not match the section it closes"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished (missing }})"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section {{#…}} is never closed with {{/…}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a delimiter change {{=… =}} is badly written"
        default: return "\(e)"
        }
    }
}

/// Checks every `{{name}}` of a template against the variables the notice offers: a misspelt
/// variable is an error with its line, not a blank in the text people read.
enum TemplateCheck {
    static func check(_ text: String, name: String, variables: Set<String>, items: Set<String>, itemVariables: Set<String>) throws {
        var sections: [String] = []
        var line = 1, column = 1
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("{{"), let close = text[i...].range(of: "}}") {
                var tag = String(text[text.index(i, offsetBy: 2)..<close.lowerBound])
                if tag.hasPrefix("{"), text[close.upperBound...].hasPrefix("}") { tag.removeFirst() }
                let kind = tag.first
                var key = tag
                if let k = kind, "#^/&".contains(k) { key.removeFirst() }
                key = key.trimmingCharacters(in: .whitespaces)
                let first = String(key.split(separator: ".").first ?? "")
                if kind == "!" || kind == "%" || kind == "=" || kind == ">" || kind == "<" || kind == "$" || key == "." || first.isEmpty {
                    // comments, pragmas, delimiters, partials, the implicit iterator
                } else if kind == "/" {
                    if sections.last == first { sections.removeLast() }
                } else {
                    let inItem = sections.contains { items.contains($0) }
                    if !variables.contains(first) && !(inItem && itemVariables.contains(first)) {
                        let known = (inItem ? itemVariables.union(variables) : variables).sorted()
                        let near = known.min { EditDistance.between(first, $0) < EditDistance.between(first, $1) }
                        throw TemplateError(
                            name: name, line: line, column: column,
                            problem: "unknown variable '\(first)'" + (near.map { EditDistance.between(first, $0) <= 3 ? "; did you mean '\($0)'?" : "" } ?? "")
                                + " (known: \(known.joined(separator: ", ")))")
                    }
                    if kind == "#" || kind == "^" { sections.append(first) }
                }
            }
            if text[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i = text.index(after: i)
        }
    }
}
