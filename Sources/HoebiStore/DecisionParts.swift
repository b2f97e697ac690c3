import Foundation
import HoebiCore

/// How a collective payment or a split is kept in `decisions.parts`: JSON the store alone writes
/// and reads, turned into `Decision` values at once (nothing above the store sees the text).
enum DecisionParts {
    private struct Stored: Codable {
        struct Collective: Codable {
            var members: [String]?
            var periods: [String]
            var rest: String?
        }
        struct Part: Codable {
            var member: String?
            var periods: [String]
            var amount: Int64
            var label: String
        }
        var collective: Collective?
        var split: [Part]?
    }

    /// The column text for a decision; "" for the decisions the other columns hold.
    static func encode(_ d: Decision?) -> String {
        let stored: Stored
        switch d {
        case .collective(let ms, let ps, let rest)?:
            stored = Stored(collective: .init(members: ms, periods: ps.map(\.description), rest: rest))
        case .split(let parts)?:
            stored = Stored(split: parts.map { .init(member: $0.member, periods: $0.periods.map(\.description), amount: $0.amount, label: $0.label) })
        default: return ""
        }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(stored)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    /// The decision a non-empty column holds; nil when it holds none this version reads.
    static func decode(_ text: String) -> Decision? {
        guard !text.isEmpty, let s = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else { return nil }
        if let c = s.collective { return .collective(members: c.members, periods: c.periods.compactMap(Period.init), rest: c.rest) }
        if let parts = s.split {
            return .split(parts: parts.map { DepositPart(member: $0.member, periods: $0.periods.compactMap(Period.init), amount: $0.amount, label: $0.label) })
        }
        return nil
    }
}
