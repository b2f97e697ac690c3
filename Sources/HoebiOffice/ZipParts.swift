import Foundation
import ZIPFoundation

/// The parts of a zip archive (an xlsx), located through the central directory and inflated with
/// ZIPFoundation's zlib binding. Written here because ZIPFoundation's own entry reader loops
/// forever on Linux when a deflate stream runs past the end of the file (a truncated or damaged
/// download): here every read stays inside the entry's stated bytes, and an entry that ends early
/// is an error. Also bounds what a part may inflate to.
public struct ZipParts {
    struct Part {
        var method: UInt16
        var crc: UInt32
        var compressed: Int
        var size: Int
        var dataStart: Int
    }
    public enum Failure: Error {
        case damaged(String)
        case tooLarge(String)
    }

    let bytes: [UInt8]
    private(set) var parts: [String: Part] = [:]

    public init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        // End of central directory: within the last 64 KB + 22 bytes (its comment is at most 64 KB).
        let low = max(0, bytes.count - 65_557)
        guard bytes.count >= 22, let eocd = stride(from: bytes.count - 22, through: low, by: -1).first(where: { signature($0) == 0x0605_4B50 }) else {
            throw Failure.damaged("no zip directory (the file is truncated or not a zip)")
        }
        let count = Int(u16(eocd + 10)), cdSize = Int(u32(eocd + 12)), cdOffset = Int(u32(eocd + 16))
        guard cdOffset != 0xFFFF_FFFF, count != 0xFFFF else { throw Failure.damaged("a ZIP64 archive, which no statement needs") }
        guard cdOffset + cdSize <= eocd else { throw Failure.damaged("the zip directory points outside the file") }
        var at = cdOffset
        for _ in 0..<count {
            guard at + 46 <= bytes.count, signature(at) == 0x0201_4B50 else { throw Failure.damaged("a zip directory entry is damaged") }
            let method = u16(at + 10), crc = u32(at + 16)
            let compressed = Int(u32(at + 20)), size = Int(u32(at + 24))
            let nameLength = Int(u16(at + 28)), extra = Int(u16(at + 30)), comment = Int(u16(at + 32))
            let local = Int(u32(at + 42))
            guard at + 46 + nameLength <= bytes.count else { throw Failure.damaged("a zip directory entry is damaged") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= bytes.count, signature(local) == 0x0403_4B50 else { throw Failure.damaged("the part \(name) is missing") }
            let dataStart = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            guard dataStart + compressed <= bytes.count else { throw Failure.damaged("the part \(name) is cut short") }
            parts[name] = Part(method: method, crc: crc, compressed: compressed, size: size, dataStart: dataStart)
            at += 46 + nameLength + extra + comment
        }
    }

    public func contains(_ name: String) -> Bool { parts[name] != nil }

    /// Hands the part over as it inflates, chunk by chunk, so a large part is never held whole;
    /// false when absent. The CRC can only be checked at the end, so a reader must not keep what
    /// it was given before this returns. Once `consume` fails, the rest is still inflated (not
    /// handed over): a damaged part is told as damaged, not as whatever its garbage made the reader
    /// say; an intact one throws the reader's own error.
    public func stream(_ name: String, limit: Int, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        guard let p = parts[name] else { return false }
        if p.size > limit { throw Failure.tooLarge(name) }
        let raw = bytes[p.dataStart..<(p.dataStart + p.compressed)]
        switch p.method {
        case 0:
            guard raw.count == p.size else { throw Failure.damaged("the part \(name) has the wrong size") }
            let d = Data(raw)
            guard d.crc32(checksum: 0) == p.crc else { throw Failure.damaged("the part \(name) fails its checksum") }
            try d.withUnsafeBytes(consume)
        case 8:
            var offset = raw.startIndex
            var inflated = 0
            let buffer = min(64 * 1024, max(4096, p.compressed))
            let crc: UInt32
            // zlib's own refusal (CompressionError.corruptedData, found by the fuzz target) is
            // told as what it means for the file; our own failures pass through.
            var refused: (any Error)?
            do {
                crc = try Data.decompress(
                    size: Int64(p.compressed), bufferSize: buffer, skipCRC32: false,
                    provider: { _, chunk in
                        // Past the entry's own bytes the stream has not ended: damaged, not "wait for more".
                        guard offset < raw.endIndex else { throw Failure.damaged("the part \(name) ends in the middle of its data") }
                        let end = min(raw.endIndex, offset + chunk)
                        defer { offset = end }
                        // Always a full chunk: the binding tells zlib the buffer holds `chunk` bytes. The
                        // zeros after a stream's end are never read; a stream that has not ended fails.
                        var d = Data(count: chunk)
                        d.withUnsafeMutableBytes { out in raw[offset..<end].withUnsafeBytes { out.copyMemory(from: $0) } }
                        return d
                    },
                    consumer: { chunk in
                        inflated += chunk.count
                        if inflated > limit { throw Failure.tooLarge(name) }
                        guard refused == nil else { return }
                        do { try chunk.withUnsafeBytes(consume) } catch { refused = error }
                    })
            } catch let f as Failure { throw f } catch {
                throw Failure.damaged("the part \(name) is damaged (its compressed data does not inflate)")
            }
            guard crc == p.crc else { throw Failure.damaged("the part \(name) fails its checksum") }
            if let refused { throw refused }
        default:
            throw Failure.damaged("the part \(name) uses zip method \(p.method), which xlsx files do not")
        }
        return true
    }

    private func signature(_ at: Int) -> UInt32 { at + 4 <= bytes.count ? u32(at) : 0 }
    private func u16(_ at: Int) -> UInt16 { at + 2 <= bytes.count ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : 0 }
    private func u32(_ at: Int) -> UInt32 {
        at + 4 <= bytes.count ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 : 0
    }
}
