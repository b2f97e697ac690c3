/// A reader for OLE compound files (MS-CFB), the container Office uses for password-protected
/// documents. Written here because no listed package reads them; it does only what decryption
/// needs: find a stream by name and return its bytes, checking every offset against the file.
struct CompoundFile {
    struct Damaged: Error { let reason: String }

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let miniSectorSize: Int
    private let miniCutoff: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let entries: [(name: String, type: UInt8, start: UInt32, size: Int)]

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 512, Array(bytes[0..<8]) == Self.signature else { throw Damaged(reason: "not a compound file") }
        func u16(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 }
        func u32(_ o: Int) -> UInt32 { UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24 }
        let shift = u16(0x1E), miniShift = u16(0x20)
        guard shift == 9 || shift == 12, miniShift == 6 else { throw Damaged(reason: "unexpected sector sizes") }
        sectorSize = 1 << shift
        miniSectorSize = 1 << miniShift
        miniCutoff = Int(u32(0x38))
        let size = sectorSize
        func sector(_ n: UInt32) throws -> ArraySlice<UInt8> {
            let start = (Int(n) + 1) * size
            guard n < 0xFFFF_FFFA, start + size <= bytes.count else { throw Damaged(reason: "sector \(n) lies outside the file") }
            return bytes[start..<(start + size)]
        }
        func words(_ s: ArraySlice<UInt8>) -> [UInt32] {
            stride(from: s.startIndex, to: s.endIndex, by: 4).map { u32($0) }
        }
        // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = (0..<109).map { u32(0x4C + $0 * 4) }.filter { $0 != Self.freeSector }
        var difat = u32(0x44)
        var guardCount = 0
        while difat != Self.endOfChain && difat != Self.freeSector {
            let w = words(try sector(difat))
            fatSectors += w.dropLast().filter { $0 != Self.freeSector }
            difat = w.last!
            guardCount += 1
            if guardCount > bytes.count / size { throw Damaged(reason: "the DIFAT chain loops") }
        }
        var fat: [UInt32] = []
        for s in fatSectors { fat += words(try sector(s)) }
        self.fat = fat

        func chain(_ first: UInt32, in table: [UInt32]) throws -> [UInt32] {
            var out: [UInt32] = []
            var s = first
            while s != Self.endOfChain {
                guard Int(s) < table.count, out.count <= table.count else { throw Damaged(reason: "a sector chain is broken or loops") }
                out.append(s)
                s = table[Int(s)]
            }
            return out
        }
        func read(_ first: UInt32) throws -> [UInt8] {
            var out: [UInt8] = []
            for s in try chain(first, in: fat) { out += try sector(s) }
            return out
        }
        // Directory: 128-byte entries; the root entry (0) owns the mini stream.
        let dir = try read(u32(0x30))
        var entries: [(String, UInt8, UInt32, Int)] = []
        for o in stride(from: 0, to: dir.count - 127, by: 128) {
            let nameBytes = min(64, Int(dir[o + 64]) | Int(dir[o + 65]) << 8)
            var units: [UInt16] = []
            for k in stride(from: 0, to: max(0, nameBytes - 2), by: 2) { units.append(UInt16(dir[o + k]) | UInt16(dir[o + k + 1]) << 8) }
            let start = UInt32(dir[o + 116]) | UInt32(dir[o + 117]) << 8 | UInt32(dir[o + 118]) << 16 | UInt32(dir[o + 119]) << 24
            var size = 0
            for k in (0..<(u16(0x1A) == 3 ? 4 : 8)).reversed() { size = size << 8 | Int(dir[o + 120 + k]) }
            entries.append((String(decoding: units, as: UTF16.self), dir[o + 66], start, size))
        }
        guard let root = entries.first, root.1 == 5 else { throw Damaged(reason: "no root entry") }
        self.entries = entries.map { (name: $0.0, type: $0.1, start: $0.2, size: $0.3) }
        var miniFAT: [UInt32] = []
        if u32(0x40) > 0 {
            let raw = try read(u32(0x3C))
            miniFAT = stride(from: 0, to: raw.count, by: 4).map {
                UInt32(raw[$0]) | UInt32(raw[$0 + 1]) << 8 | UInt32(raw[$0 + 2]) << 16 | UInt32(raw[$0 + 3]) << 24
            }
        }
        self.miniFAT = miniFAT
        miniStream = root.2 == Self.endOfChain ? [] : Array(try read(root.2).prefix(root.3))
    }

    /// The bytes of the stream called `name` (anywhere in the tree), or nil if there is none.
    func stream(_ name: String) throws -> [UInt8]? {
        guard let e = entries.first(where: { $0.type == 2 && $0.name == name }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(e.size)
        var s = e.start
        var steps = 0
        let mini = e.size < miniCutoff
        let table = mini ? miniFAT : fat
        let unit = mini ? miniSectorSize : sectorSize
        while s != Self.endOfChain && out.count < e.size {
            guard Int(s) < table.count, steps <= table.count else { throw Damaged(reason: "the chain of stream \(name) is broken") }
            let start = mini ? Int(s) * unit : (Int(s) + 1) * unit
            let source = mini ? miniStream : bytes
            guard start + unit <= source.count || (start < source.count && out.count + (source.count - start) >= e.size) else {
                throw Damaged(reason: "stream \(name) runs past the end of the file")
            }
            out += source[start..<min(start + unit, source.count)]
            s = table[Int(s)]
            steps += 1
        }
        guard out.count >= e.size else { throw Damaged(reason: "stream \(name) is shorter than its directory entry says") }
        return Array(out.prefix(e.size))
    }
}
