import Foundation
import HoebiCore

/// The report as JSON: a contract other tools read. Field meanings do not change; fields may be added.
public enum ReportJSON {
    struct Doc: Encodable {
        var group: String
        var name: String
        var cycle: String
        var periods: [String]
        var transactions: Int
        var balance: Won?
        var expected: Won
        var collected: Won
        var outstanding: Won
        var unallocated: Won
        var members: [MemberDoc]
        var totals: [TotalDoc]
        var review: [Line]
        var other: [Line]
    }
    struct MemberDoc: Encodable {
        var id: String
        var name: String
        var expected: Won
        var collected: Won
        var outstanding: Won
        var credit: Won
        /// Only when the member's cycle differs from the group's.
        var cycle: String?
        var periods: [String: CellDoc]
        var deposits: [Line]
    }
    /// `owed`: still owed for the member periods overlapping the column; `span`: the member's own
    /// longer period ("2026" for a yearly member in a monthly grid).
    struct CellDoc: Encodable {
        var due: Won
        var paid: Won
        var status: String
        var owed: Won
        var span: String?
    }
    struct TotalDoc: Encodable {
        var period: String
        var expected: Won
        var collected: Won
        var outstanding: Won
        var paid: Int
        var owing: Int
    }
    struct Line: Encodable {
        var id: String
        var date: String
        var amount: Won
        var text: String
        var reason: String?
        var suggestion: String?
        init(_ d: Report.DepositLine) {
            id = "t\(d.id)"
            date = d.time.iso8601
            amount = d.amount
            text = d.text
            reason = d.reason.map { Messages.show($0, in: .en) }
            suggestion = d.suggestion
        }
    }

    public static func render(_ r: Report) throws -> String {
        let doc = Doc(
            group: r.group.id, name: r.group.name, cycle: r.group.dues.cycle.rawValue, periods: r.periods.map(\.description), transactions: r.transactions,
            balance: r.balance, expected: r.expected, collected: r.collected, outstanding: r.outstanding,
            unallocated: r.unallocated,
            members: r.members.map { m in
                MemberDoc(
                    id: m.id, name: m.name, expected: m.expected, collected: m.collected, outstanding: m.outstanding,
                    credit: m.credit, cycle: m.cycle?.rawValue,
                    periods: Dictionary(
                        uniqueKeysWithValues: zip(r.periods, m.cells).map {
                            ($0.description, CellDoc(due: $1.due, paid: $1.paid, status: $1.status.rawValue, owed: $1.owed, span: $1.span?.description))
                        }),
                    deposits: m.deposits.map(Line.init))
            },
            totals: r.totals.map {
                TotalDoc(
                    period: $0.period.description, expected: $0.expected, collected: $0.collected,
                    outstanding: $0.outstanding, paid: $0.paidCount, owing: $0.owingCount)
            },
            review: r.review.map(Line.init), other: r.other.map(Line.init))
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(doc), as: UTF8.self)
    }
}
