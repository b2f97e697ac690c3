import HoebiCore

/// How each allocated deposit of a match was found (`MatchMethod.stored`), by deposit id: asked
/// for every allocation row written or compared with the stored one. A dictionary of a million
/// ids was a third of a full re-match's save (perf). A group's deposit ids are nearly dense (the
/// account's rows, in and out, numbered as they were stored), so they index an array of codes into
/// the few distinct texts; ids spread too thinly for that fall back to a dictionary. Both engines
/// build it the same way from the deposits and their outcomes.
struct DepositMethods: Sendable {
    private var base: Int64 = 0
    /// Dense: the code of `base + i` at `i` (0: no method).
    private var codes: [UInt32] = []
    private var sparse: [Int64: UInt32] = [:]
    private var texts: [String] = [""]

    init(deposits: [Deposit], outcomes: [Outcome]) {
        var allocated: [(id: Int64, code: UInt32)] = []
        allocated.reserveCapacity(deposits.count)
        var code: [String: UInt32] = [:]
        // Consecutive deposits are mostly found the same way: the text is made once per change.
        var last: (method: MatchMethod, code: UInt32)?
        for (d, o) in zip(deposits, outcomes) {
            guard case .allocated(_, let how) = o else { continue }
            if let l = last, l.method == how {
                allocated.append((d.id, l.code))
                continue
            }
            let text = how.stored
            let c: UInt32
            if let known = code[text] {
                c = known
            } else {
                c = UInt32(texts.count)
                texts.append(text)
                code[text] = c
            }
            last = (how, c)
            allocated.append((d.id, c))
        }
        place(allocated)
    }

    /// Ids and stored texts given directly (the diff's tests).
    init(_ methods: [Int64: String]) {
        var allocated: [(id: Int64, code: UInt32)] = []
        for (id, text) in methods.sorted(by: { $0.key < $1.key }) {
            let c = texts.firstIndex(of: text).map { UInt32($0) } ?? UInt32(texts.count)
            if c == texts.count { texts.append(text) }
            allocated.append((id, c))
        }
        place(allocated)
    }

    private mutating func place(_ allocated: [(id: Int64, code: UInt32)]) {
        guard let low = allocated.lazy.map(\.id).min(), let high = allocated.lazy.map(\.id).max() else { return }
        // Dense only while the array stays within a few times the deposits.
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < Int64(allocated.count) * 4 + 4096 {
            base = low
            codes = Array(repeating: 0, count: Int(span.partialValue) + 1)
            for a in allocated { codes[Int(a.id - low)] = a.code }
        } else {
            sparse.reserveCapacity(allocated.count)
            for a in allocated { sparse[a.id] = a.code }
        }
    }

    /// The method's stored text; "" for a deposit that was not allocated.
    subscript(id: Int64) -> String {
        if !codes.isEmpty {
            let (offset, overflow) = id.subtractingReportingOverflow(base)
            guard !overflow, offset >= 0, offset < Int64(codes.count) else { return "" }
            return texts[Int(codes[Int(offset)])]
        }
        return sparse[id].map { texts[Int($0)] } ?? ""
    }
}
