import HoebiCore

/// A full re-match's allocations set against those already stored, deposit by deposit, so a save
/// rewrites only the deposits whose allocations changed. A re-match mostly gives every deposit
/// what it had (a decision or a rule moves a few), and deleting and re-inserting every row with
/// its two indexes was half of a full re-match of a million deposits (`HOEBI_TIMING`). Compared
/// exactly, field by field, never by a digest: a stale row left by a collision would be a wrong
/// 완납. Both engines feed it the stored rows the same way.
struct AllocationDiff {
    /// The new allocations by deposit id, each deposit's in the order the result gave them. The
    /// stored rows arrive in the same order, so the two are merged in one pass with nothing built
    /// per deposit (dictionaries and arrays of a million entries were most of the save, perf). A
    /// result lists deposits in time order, which is usually id order already, and is then used as
    /// it is.
    private let sorted: [Allocation]
    private let method: DepositMethods
    /// The stored method text the current deposit's rows must carry.
    private var currentMethod = ""
    /// Periods' texts, made once each (a million `description`s showed in the save, perf).
    private var periodText: [Period: String] = [:]
    /// The new allocations not yet passed by the stored rows.
    private var next = 0
    /// The stored deposit being compared, its new allocations, and how far they agree.
    private var current: Int64?
    private var span = 0..<0
    private var position = 0
    private var matches = true
    /// Deposits with stored rows that go (they changed, or the result has none for them).
    private(set) var removed: [Int64] = []
    private var out: [Allocation] = []

    init(_ allocations: [Allocation], method: DepositMethods) {
        self.method = method
        let inOrder = zip(allocations, allocations.dropFirst()).allSatisfy { $0.transactionID <= $1.transactionID }
        sorted =
            inOrder
            ? allocations
            : allocations.indices.sorted { (allocations[$0].transactionID, $0) < (allocations[$1].transactionID, $1) }.map { allocations[$0] }
    }

    /// One stored row, in order of deposit id and then of row id.
    mutating func stored(transaction: Int64, member: String, period: String?, amount: Won, method stored: String) {
        if transaction != current {
            close()
            current = transaction
            // Deposits the ledger has no rows for are new: all of theirs is written.
            let from = next
            while next < sorted.count && sorted[next].transactionID < transaction { next += 1 }
            out += sorted[from..<next]
            let start = next
            while next < sorted.count && sorted[next].transactionID == transaction { next += 1 }
            span = start..<next
            currentMethod = method[transaction]
            position = 0
            matches = true
        }
        if matches, position < span.count {
            let a = sorted[span.lowerBound + position]
            matches = a.memberID == member && a.amount == amount && currentMethod == stored && text(of: a.period) == period
        } else {
            matches = false
        }
        position += 1
    }

    private mutating func text(of period: Period?) -> String? {
        guard let period else { return nil }
        if let t = periodText[period] { return t }
        let t = period.description
        periodText[period] = t
        return t
    }

    private mutating func close() {
        guard let id = current else { return }
        current = nil
        if !(matches && position == span.count) {
            removed.append(id)
            out += sorted[span]
        }
    }

    /// After the last stored row: the allocations to write (those of changed or new deposits).
    mutating func added() -> [Allocation] {
        close()
        out += sorted[next...]
        next = sorted.count
        return out
    }
}
