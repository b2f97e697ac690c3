import HoebiCore

/// Walks a cursor-paged listing (KFTC `befor_inquiry_trace_info`, Koscom `page`) and decides when
/// it has ended: no next cursor, a cursor already seen, or a pager going round — one that answers
/// with the cursor it was given and the same rows again; that page is not stored, since its rows
/// would look like genuine repeats. Past `maxPages` it gives up with an error.
struct CursorPager {
    let source: String
    let maxPages: Int
    /// The cursor to send next (nil on the first page).
    private(set) var cursor: String?
    /// Pages accepted so far.
    private(set) var pages = 0
    private var seen = Set<String>()
    private var previous: [String] = []

    init(source: String, maxPages: Int) {
        self.source = source
        self.maxPages = maxPages
    }

    /// Whether this answer is a new page (to store); false when the pager is going round.
    mutating func accept(_ parsed: ParsedResponse) -> Bool {
        let rows = parsed.transactions.map(\.raw)
        if cursor != nil, parsed.nextCursor == cursor, rows == previous { return false }
        previous = rows
        pages += 1
        return true
    }

    /// Moves on to `next`; false when the listing has ended.
    mutating func advance(to next: String?) throws -> Bool {
        guard let next, seen.insert(next).inserted || next == cursor else { return false }
        guard pages < maxPages else {
            throw SourceError(source, .malformed, code: "paging", Messages.t("src.paging", maxPages))
        }
        cursor = next
        return true
    }
}
