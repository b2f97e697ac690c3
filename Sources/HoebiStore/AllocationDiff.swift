import HoebiCore

/// A full re-match's allocations set against those already stored, deposit by deposit, so a save
/// rewrites only the deposits whose allocations changed. A re-match mostly gives every deposit
/// what it had (a decision or a rule moves a few), and deleting and re-inserting every row with
/// its two indexes was half of a full re-match of a million deposits (`HOEBI_TIMING`). Compared
/// exactly, field by field, never by a digest: a stale row left by a collision would be a wrong
/// 완납. Both engines feed it the stored rows the same way.
struct AllocationDiff {
    /// One deposit's new allocations in `sorted`, and what its stored rows showed.
    private struct Run {
        var transaction: Int64
        var start: Int
        var count: Int
        var same = false
    }

    /// The new allocations by deposit id, each deposit's in the order the result gave them. The
    /// stored rows arrive in the same order, so the two are merged without a dictionary (three
    /// dictionaries of a million entries were most of the save, perf). A result lists deposits in
    /// time order, which is nearly id order, and Swift's sort is fast on such runs.
    private let sorted: [Allocation]
    private var runs: [Run] = []
    private let method: [Int64: String]
    /// The run the stored rows are in, and how far they agree with it.
    private var next = 0
    private var current: Int64?
    private var run: Int?
    private var position = 0
    private var matches = true
    /// Deposits with stored rows that go (they changed, or the result has none for them).
    private(set) var removed: [Int64] = []

    init(_ allocations: [Allocation], method: [Int64: String]) {
        self.method = method
        let order = allocations.indices.sorted { (allocations[$0].transactionID, $0) < (allocations[$1].transactionID, $1) }
        sorted = order.map { allocations[$0] }
        for (i, a) in sorted.enumerated() {
            if let last = runs.last, last.transaction == a.transactionID {
                runs[runs.count - 1].count += 1
            } else {
                runs.append(Run(transaction: a.transactionID, start: i, count: 1))
            }
        }
    }

    /// One stored row, in order of deposit id and then of row id.
    mutating func stored(transaction: Int64, member: String, period: String?, amount: Won, method stored: String) {
        if transaction != current {
            close()
            current = transaction
            position = 0
            matches = true
            while next < runs.count && runs[next].transaction < transaction { next += 1 }
            run = next < runs.count && runs[next].transaction == transaction ? next : nil
        }
        if matches, let r = run, position < runs[r].count {
            let a = sorted[runs[r].start + position]
            matches = a.memberID == member && a.amount == amount && a.period?.description == period && (method[transaction] ?? "") == stored
        } else {
            matches = false
        }
        position += 1
    }

    private mutating func close() {
        guard let id = current else { return }
        current = nil
        if let r = run, matches, position == runs[r].count {
            runs[r].same = true
        } else {
            removed.append(id)
        }
    }

    /// After the last stored row: the allocations to write (those of changed or new deposits).
    mutating func added() -> [Allocation] {
        close()
        var out: [Allocation] = []
        for r in runs where !r.same { out += sorted[r.start..<(r.start + r.count)] }
        return out
    }
}
