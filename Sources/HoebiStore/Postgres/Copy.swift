import NIOCore
import PostgresNIO

/// Bulk rows through `COPY … FROM STDIN` (text format, the only one postgres-nio 1.33 sends):
/// one round trip for a million rows where one INSERT each costs ~63 µs on a Unix socket
/// (postgres.md §1.4.6). Written here because no listed library formats COPY's text rows.
enum Copy {
    /// Sends `rows` (nil is NULL) into `table`'s `columns`, 8,000 rows per write.
    static func rows(_ s: Session, table: String, columns: [String], _ rows: [[String?]]) async throws {
        guard !rows.isEmpty else { return }
        try await s.conn.copyFrom(table: table, columns: columns, logger: s.logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for (i, row) in rows.enumerated() {
                line(row, into: &buffer)
                if i % 8000 == 7999 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// One row: fields separated by tabs, `\N` for NULL, and the four characters the format
    /// gives meaning to escaped (a TSV statement's raw row holds tabs).
    static func line(_ row: [String?], into buffer: inout ByteBuffer) {
        for (i, field) in row.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let field else {
                buffer.writeStaticString("\\N")
                continue
            }
            // Most fields need no escaping: written whole.
            let utf8 = field.utf8
            guard utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
                buffer.writeString(field)
                continue
            }
            for b in utf8 {
                switch b {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(b)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
