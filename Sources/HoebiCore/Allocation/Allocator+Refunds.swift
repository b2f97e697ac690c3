/// A transfer out to a member that gives a deposit back (`중복입금 환불`, a former member's last
/// autopay returned): the deposit it returns pays nothing. Paired before any deposit is decided,
/// so a double payment never becomes a month paid in advance.
extension Allocator {
    /// What became of a deposit that a transfer out may have returned.
    enum Refund {
        /// The transfer says so (환불, 반환, 돌려): the deposit is not dues.
        case refunded(Deposit)
        /// Same member, same amount, within a week, without a word: a person decides.
        case maybe(Deposit)
        /// A refund that says so but is smaller than the member's deposit before it: part of that
        /// deposit came back, which only a person can split.
        case partly(Deposit)
    }

    /// The one member a text names by the matcher (what refunds pair by), remembered per text.
    func namedMember(_ text: String, _ known: inout [String: String?]) -> String? {
        if let id = known[text] { return id }
        var id: String?
        if case .member(let m, _, _) = matcher.match(text) { id = m }
        known[text] = id
        return id
    }

    static let refundWords = ["환불", "반환", "돌려", "중복입금", "이중입금", "잘못입금", "오입금", "입금취소"]

    /// Pairs each transfer out naming exactly one member with that member's latest deposit of the
    /// same amount before it (31 days for a transfer that says it is a refund, 7 for one that
    /// does not). Linear in deposits and withdrawals: deposits are indexed by member and amount.
    /// `unpaired`: transfers that say they are a refund to a member and return none of their
    /// deposits (a person is asked about them: which money came back?).
    mutating func pairRefunds(_ deposits: [Deposit], order: [Int], unpaired: inout [(Deposit, String)]) -> [Int64: Refund] {
        var byText: [String: String?] = [:]
        func member(_ text: String) -> String? { namedMember(text, &byText) }
        func says(_ w: Deposit) -> Bool {
            Self.refundWords.contains { Normalise.letters(w.memo + w.text).holds($0) || Normalise.letters(w.kind).holds($0) }
        }
        // `run` keeps the withdrawals nearest first; paired oldest first here.
        let outgoing = withdrawals.reversed().compactMap { w in member(w.text).map { (w, $0, says(w)) } }
        guard !outgoing.isEmpty else { return [:] }
        struct Key: Hashable {
            var member: String
            var amount: Won
        }
        let wanted = Set(outgoing.map { Key(member: $0.1, amount: $0.0.amount) })
        let refunded = Set(outgoing.filter(\.2).map(\.1))
        var candidates: [Key: [Deposit]] = [:]  // in time order
        var byMember: [String: [Deposit]] = [:]  // members a refund names, every deposit, in time order
        for i in order {
            let d = deposits[i]
            let m = member(d.text) ?? ""
            let key = Key(member: m, amount: d.amount)
            if wanted.contains(key) { candidates[key, default: []].append(d) }
            if refunded.contains(m) { byMember[m, default: []].append(d) }
        }
        var out: [Int64: Refund] = [:]
        for (w, id, said) in outgoing {
            let window: Int64 = said ? Self.pairingWindow : 7 * 86400
            func fits(_ d: Deposit) -> Bool { out[d.id] == nil && d.time <= w.time && w.time.epochSeconds - d.time.epochSeconds <= window }
            if let d = candidates[Key(member: id, amount: w.amount)]?.last(where: fits) {
                out[d.id] = said ? .refunded(w) : .maybe(w)
            } else if said, let d = byMember[id]?.last(where: { fits($0) && $0.amount > w.amount }) {
                out[d.id] = .partly(w)
            } else if said {
                unpaired.append((w, id))
            }
        }
        return out
    }
}
