import Foundation
import HoebiAPI
import HoebiCore

/// The report as JSON: a contract other tools read, typed by the API's document (`Report` in
/// api/openapi.json, generated into HoebiAPI). Field meanings do not change; fields may be added.
public enum ReportJSON {
    public typealias Schemas = Components.Schemas

    public static func document(_ r: Report) -> Schemas.Report {
        Schemas.Report(
            group: r.group.id, name: r.group.name, cycle: r.group.dues.cycle.rawValue, periods: r.periods.map(\.description),
            transactions: r.transactions, balance: r.balance, expected: r.expected, collected: r.collected, outstanding: r.outstanding,
            unallocated: r.unallocated,
            members: r.members.map { m in
                Schemas.ReportMember(
                    id: m.id, name: m.name, expected: m.expected, collected: m.collected, outstanding: m.outstanding,
                    credit: m.credit, cycle: m.cycle?.rawValue,
                    periods: .init(
                        additionalProperties: Dictionary(
                            uniqueKeysWithValues: zip(r.periods, m.cells).map { ($0.description, cell($1)) })),
                    deposits: m.deposits.map { deposit($0) })
            },
            totals: r.totals.map {
                Schemas.ReportTotal(
                    period: $0.period.description, expected: $0.expected, collected: $0.collected,
                    outstanding: $0.outstanding, paid: $0.paidCount, owing: $0.owingCount)
            },
            review: r.review.map { deposit($0) }, other: r.other.map { deposit($0) }, money: money(r))
    }

    static func money(_ r: Report) -> Schemas.Money {
        let m = r.money
        func line(_ d: Report.DepositLine, label: Bool) -> Schemas.MoneyLine {
            Schemas.MoneyLine(
                id: "t\(d.id)", date: d.time.iso8601, amount: d.amount, text: d.text, memo: d.memo,
                label: label ? d.reason.map { Messages.show($0, in: .en) } : nil,
                cancelledBy: m.cancelled.first { $0.out.id == d.id }.map { "t\($0.back.id)" })
        }
        return Schemas.Money(
            opening: m.opening, income: m.income, spending: m.spending, closing: m.closing, bankBalance: m.bankBalance,
            cancelled: m.cancelled.map { .init(out: "t\($0.out.id)", back: "t\($0.back.id)", amount: $0.out.amount) },
            otherIncome: m.otherIncome.map { line($0, label: true) }, withdrawals: m.withdrawals.map { line($0, label: false) },
            prepaid: m.prepaid.map { .init(member: $0.member, period: $0.period.description, amount: $0.amount) })
    }

    /// `owed`: still owed for the member periods overlapping the column; `span`: the member's own
    /// longer period ("2026" for a yearly member in a monthly grid).
    static func cell(_ c: Report.Cell) -> Schemas.ReportCell {
        let status: Schemas.ReportCell.StatusPayload
        switch c.status {
        case .paid: status = .paid
        case .partial: status = .partial
        case .unpaid: status = .unpaid
        case .exempt: status = .exempt
        case .inactive: status = .inactive
        case .paused: status = .paused
        case .review: status = .review
        }
        return Schemas.ReportCell(due: c.due, paid: c.paid, status: status, owed: c.owed, span: c.span?.description)
    }

    /// A deposit as the report and the review queue list it. The queue always says why (an empty
    /// reason included), the report only when it has one: as they always have.
    public static func deposit(_ d: Report.DepositLine, reasonAlways: Bool = false) -> Schemas.Deposit {
        Schemas.Deposit(
            id: "t\(d.id)", date: d.time.iso8601, amount: d.amount, text: d.text,
            reason: reasonAlways ? Messages.show(d.reason ?? "", in: .en) : d.reason.map { Messages.show($0, in: .en) },
            suggestion: d.suggestion)
    }

    public static func render(_ r: Report) throws -> String { try DocumentJSON.text(document(r), pretty: true) }
}
