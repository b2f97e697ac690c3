import Foundation
import HoebiCore

/// A change to the members `hoebi.json` lists: the command line's `member add|edit|leave` and
/// the dashboard's member forms are this one mechanism, applied to the file's members array and
/// then checked as a whole file by `ConfigFile.editGroup`.
public enum MemberEdit: Sendable, Equatable {
    case add(Added)
    case edit(member: String, Edited)
    case leave(member: String, last: Period)

    public struct Added: Sendable, Equatable {
        public var name: String
        public var id: String?
        /// "2026-03", or the day they joined, "2026-03-17".
        public var joined: String?
        public var amount: Won?
        public var cycle: String?
        public var aliases: [String] = []
        public var display: String?
        public init(
            name: String, id: String? = nil, joined: String? = nil, amount: Won? = nil, cycle: String? = nil, aliases: [String] = [], display: String? = nil
        ) {
            self.name = name
            self.id = id
            self.joined = joined
            self.amount = amount
            self.cycle = cycle
            self.aliases = aliases
            self.display = display
        }
    }

    public struct Edited: Sendable, Equatable {
        public var name: String?
        /// 0 removes the member's own amount (back to the schedule's).
        public var amount: Won?
        /// "group" removes the member's own cycle.
        public var cycle: String?
        public var joined: String?
        /// "" removes the display name.
        public var display: String?
        public var addAliases: [String] = []
        /// "" says they did not leave.
        public var left: String?
        public init(
            name: String? = nil, amount: Won? = nil, cycle: String? = nil, joined: String? = nil, display: String? = nil, addAliases: [String] = [],
            left: String? = nil
        ) {
            self.name = name
            self.amount = amount
            self.cycle = cycle
            self.joined = joined
            self.display = display
            self.addAliases = addAliases
            self.left = left
        }
        var isEmpty: Bool { self == Edited() }
    }

    /// Applies the change to the file's members; returns what was done, in the reader's words.
    public func apply(to members: inout [[String: Any]], group: Group) throws -> String {
        switch self {
        case .add(let a):
            let name = Normalise.nfc(a.name).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw AppError.usage(Messages.t("error.memberName")) }
            let ids = Set(members.compactMap { $0["id"] as? String })
            let newID = a.id ?? (1...).lazy.map { "m\($0)" }.first { !ids.contains($0) } ?? "m\(ids.count + 1)"
            var m: [String: Any] = ["id": newID, "name": name]
            if let j = a.joined, !j.isEmpty { m["joined"] = j }
            if let amount = a.amount { m["amount"] = amount }
            if let c = a.cycle { m["cycle"] = c }
            if !a.aliases.isEmpty { m["aliases"] = a.aliases.map(Normalise.nfc) }
            if let d = a.display { m["display"] = d }
            members.append(m)
            let same = group.members.filter { Normalise.letters($0.name) == Normalise.letters(name) }
            return Messages.t("member.added", name, newID, group.name)
                + (same.isEmpty ? "" : Messages.t("member.sameName", same.map(\.id).joined(separator: ", ")))
        case .edit(let who, let e):
            let i = try Self.index(of: who, in: members)
            var changed: [String] = []
            if let name = e.name {
                members[i]["name"] = Normalise.nfc(name)
                changed.append(Messages.t("field.name"))
            }
            if let amount = e.amount {
                members[i]["amount"] = amount == 0 ? nil : amount
                changed.append(Messages.t("field.amount"))
            }
            if let cycle = e.cycle {
                members[i]["cycle"] = cycle == "group" ? nil : cycle
                changed.append(Messages.t("field.cycle"))
            }
            if let joined = e.joined {
                members[i]["joined"] = joined.isEmpty ? nil : joined
                changed.append(Messages.t("field.joined"))
            }
            if let display = e.display {
                members[i]["display"] = display.isEmpty ? nil : display
                changed.append(Messages.t("field.display"))
            }
            if !e.addAliases.isEmpty {
                members[i]["aliases"] = ((members[i]["aliases"] as? [String]) ?? []) + e.addAliases.map(Normalise.nfc)
                changed.append(Messages.t("field.aliases"))
            }
            if let left = e.left {
                if left.isEmpty {
                    members[i]["left"] = nil
                } else {
                    guard let p = Period(left) else { throw AppError.usage(Messages.t("error.period", "--left", left)) }
                    members[i]["left"] = p.description
                }
                changed.append(Messages.t("field.left"))
            }
            guard !changed.isEmpty else { throw AppError.usage(Messages.t("error.nothingToChange")) }
            return Messages.t("member.changed", members[i]["name"] as? String ?? who, members[i]["id"] as? String ?? who, changed.joined(separator: ", "))
        case .leave(let who, let last):
            let i = try Self.index(of: who, in: members)
            members[i]["left"] = last.description
            return Messages.t("member.leaves", members[i]["name"] as? String ?? who, members[i]["id"] as? String ?? "", last)
        }
    }

    /// By id or name, among the members as the file lists them (one in a household too).
    public static func index(of text: String, in members: [[String: Any]]) throws -> Int {
        let id = try RawMembers.id(of: text, in: members)
        guard let i = members.firstIndex(where: { $0["id"] as? String == id }) else { throw AppError.usage(Messages.t("error.household", text)) }
        return i
    }
}

/// Members as `hoebi.json` lists them (a household's members one by one, unlike `Group.members`).
public enum RawMembers {
    public static func id(of text: String, in raw: [[String: Any]]) throws -> String {
        if let m = raw.first(where: { $0["id"] as? String == text }), let id = m["id"] as? String { return id }
        let key = Normalise.letters(Normalise.nfc(text))
        let hits = raw.filter { Normalise.letters($0["name"] as? String ?? "") == key }
        guard hits.count == 1, let id = hits[0]["id"] as? String else {
            let list = (hits.isEmpty ? Array(raw.prefix(8)) : hits).map { "\($0["id"] as? String ?? "") (\($0["name"] as? String ?? ""))" }
            throw AppError.usage(Messages.t(hits.isEmpty ? "error.noRawMember" : "error.severalMembers", text, list.joined(separator: ", ")))
        }
        return id
    }

    public static func name(of id: String, in raw: [[String: Any]]) -> String {
        raw.first { $0["id"] as? String == id }?["name"] as? String ?? id
    }
}
