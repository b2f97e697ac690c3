import HoebiCore

/// A full re-match's allocations set against those already stored, deposit by deposit, so a save
/// rewrites only the deposits whose allocations changed. A re-match mostly gives every deposit
/// what it had (a decision or a rule moves a few), and deleting and re-inserting every row with
/// its two indexes was half of a full re-match of a million deposits (`HOEBI_TIMING`). Compared
/// exactly, field by field, never by a digest: a stale row left by a collision would be a wrong
/// 완납. Both engines feed it the stored rows the same way.
struct AllocationDiff {
    /// Where one deposit's new allocations sit in `grouped`, and what the stored rows showed.
    private struct Span {
        var start: Int
        var count: Int
        var state = State.unseen
    }
    private enum State { case unseen, same, differs }

    /// The new allocations, each deposit's together, in the order the result gave them.
    private var grouped: [Allocation] = []
    private var spans: [Int64: Span] = [:]
    /// Deposits in first-appearance order, so the rows written follow the result's order.
    private var order: [Int64] = []
    private let method: [Int64: String]
    private var current: Int64?
    private var position = 0
    private var matches = true
    /// Deposits with stored rows that go (they changed, or the result has none for them).
    private(set) var removed: [Int64] = []

    init(_ allocations: [Allocation], method: [Int64: String]) {
        self.method = method
        var counts: [Int64: Int] = [:]
        for a in allocations {
            if counts[a.transactionID, default: 0] == 0 { order.append(a.transactionID) }
            counts[a.transactionID, default: 0] += 1
        }
        var next = 0
        for id in order {
            let n = counts[id] ?? 0
            spans[id] = Span(start: next, count: n)
            next += n
        }
        var fill = spans.mapValues(\.start)
        grouped = Array(repeating: Allocation(transactionID: 0, memberID: "", period: nil, amount: 0), count: allocations.count)
        for a in allocations {
            let i = fill[a.transactionID] ?? 0
            grouped[i] = a
            fill[a.transactionID] = i + 1
        }
    }

    /// One stored row, in order of deposit and then of id (each deposit's rows together).
    mutating func stored(transaction: Int64, member: String, period: String?, amount: Won, method stored: String) {
        if transaction != current {
            close()
            current = transaction
            position = 0
            matches = true
        }
        if matches, let span = spans[transaction], position < span.count {
            let a = grouped[span.start + position]
            matches = a.memberID == member && a.amount == amount && a.period?.description == period && (method[transaction] ?? "") == stored
        } else {
            matches = false
        }
        position += 1
    }

    private mutating func close() {
        guard let id = current else { return }
        current = nil
        guard var span = spans[id] else { return removed.append(id) }
        span.state = matches && position == span.count ? .same : .differs
        spans[id] = span
        if span.state == .differs { removed.append(id) }
    }

    /// After the last stored row: the allocations to write (those of changed or new deposits).
    mutating func added() -> [Allocation] {
        close()
        var out: [Allocation] = []
        for id in order {
            guard let span = spans[id], span.state != .same else { continue }
            out += grouped[span.start..<(span.start + span.count)]
        }
        return out
    }
}
