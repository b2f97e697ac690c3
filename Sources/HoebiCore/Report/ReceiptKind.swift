/// What a receipt file is, from its first bytes (never from its name or the type a browser
/// claims): the photos a phone's camera takes and the PDFs a shop emails. Anything else is refused.
public enum ReceiptKind {
    /// At most 10 MB: a phone photo is 2–5 MB; a receipt is never larger.
    public static let limit = 10 << 20

    public static func mediaType(of bytes: [UInt8]) -> String? {
        func starts(_ m: [UInt8], at o: Int = 0) -> Bool { bytes.count >= o + m.count && Array(bytes[o..<(o + m.count)]) == m }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        // ISO media (HEIC from iPhones): "ftyp" then a brand at byte 8.
        if starts(Array("ftyp".utf8), at: 4), bytes.count >= 12 {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if ["heic", "heix", "mif1", "heim", "heis"].contains(brand) { return "image/heic" }
        }
        return nil
    }

    /// The refusal in words, or nil when the file may be kept.
    public static func problem(_ bytes: [UInt8], name: String) -> String? {
        if bytes.isEmpty { return Messages.t("receipt.empty", name) }
        if bytes.count > limit { return Messages.t("receipt.tooLarge", name, bytes.count >> 20) }
        if mediaType(of: bytes) == nil { return Messages.t("receipt.kind", name) }
        return nil
    }
}
