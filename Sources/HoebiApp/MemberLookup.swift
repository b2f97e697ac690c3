import HoebiCore

extension Group {
    /// A member by id, or by name (or alias) when exactly one member has it. Errors name the
    /// candidates by name, so a treasurer can pick without opening the configuration.
    public func resolveMember(_ text: String) throws -> Member {
        if let m = member(text) { return m }
        let key = Normalise.letters(Normalise.nfc(text))
        let hits = members.filter { m in ([m.name] + m.aliases).contains { Normalise.letters($0) == key } }
        if hits.count == 1 { return hits[0] }
        if hits.count > 1 {
            throw AppError.usage(Messages.t("error.severalMembers", text, hits.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")))
        }
        let near = members.filter { Normalise.letters($0.name).contains(key) || $0.id.lowercased().hasPrefix(text.lowercased()) }.prefix(5)
        let list = (near.isEmpty ? Array(members.prefix(8)) : Array(near)).map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw AppError.usage(Messages.t(near.isEmpty ? "error.noMemberList" : "error.noMemberNear", text, id, list))
    }
}
