import Crypto
import CryptoExtras
import Foundation

/// ECMA-376 "Standard" encryption (MS-OFFCRYPTO 2.3.4.5–2.3.4.9): AES-128/192/256 in ECB mode,
/// key from SHA-1 over salt and password iterated 50,000 times. Apache POI writes it, and so
/// Toss Bank's statements use it. Written here beside the agile scheme; no listed package reads it.
struct StandardEncryption {
    var keyBits: Int
    var salt: [UInt8]
    var encryptedVerifier: [UInt8]
    var encryptedVerifierHash: [UInt8]

    /// `info`: the whole EncryptionInfo stream (version 2…4.2).
    init(info: [UInt8]) throws {
        func u32(_ o: Int) throws -> Int {
            guard o >= 0, o + 4 <= info.count else { throw OfficeDecryptor.Failure.damaged("EncryptionInfo is too short") }
            return Int(info[o]) | Int(info[o + 1]) << 8 | Int(info[o + 2]) << 16 | Int(info[o + 3]) << 24
        }
        let flags = try u32(4)
        let headerSize = try u32(8)
        guard headerSize >= 32, headerSize < info.count else { throw OfficeDecryptor.Failure.damaged("EncryptionInfo header size \(headerSize)") }
        let algorithm = try u32(12 + 8), hash = try u32(12 + 12)
        // fCryptoAPI (bit 2) without fAES (bit 5) is RC4 CryptoAPI inside OOXML: not seen in any bank's file.
        guard flags & 0x20 != 0, [0x660E, 0x660F, 0x6610].contains(algorithm) else {
            throw OfficeDecryptor.Failure.unsupported("standard encryption with RC4 (CryptoAPI)")
        }
        guard hash == 0x8004 || hash == 0 else { throw OfficeDecryptor.Failure.unsupported("standard encryption with hash 0x\(String(hash, radix: 16))") }
        keyBits = try u32(12 + 16)
        guard [128, 192, 256].contains(keyBits) else { throw OfficeDecryptor.Failure.damaged("key size \(keyBits)") }
        let v = 12 + headerSize
        let saltSize = try u32(v)
        guard saltSize == 16, v + 4 + 16 + 16 + 4 + 32 <= info.count else { throw OfficeDecryptor.Failure.damaged("EncryptionVerifier is damaged") }
        salt = Array(info[(v + 4)..<(v + 20)])
        encryptedVerifier = Array(info[(v + 20)..<(v + 36)])
        encryptedVerifierHash = Array(info[(v + 40)..<(v + 72)])
    }

    static let spinCount = 50_000

    /// Password → key (2.3.4.7), checked against the verifier (2.3.4.9).
    func key(password: String) throws -> [UInt8] {
        var utf16le: [UInt8] = []
        for u in password.utf16 { utf16le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        var h = Array(Insecure.SHA1.hash(data: salt + utf16le))
        for i in 0..<Self.spinCount { h = Array(Insecure.SHA1.hash(data: AgileParameters.le32(i) + h)) }
        let final = Array(Insecure.SHA1.hash(data: h + AgileParameters.le32(0)))
        var x1 = [UInt8](repeating: 0x36, count: 64), x2 = [UInt8](repeating: 0x5C, count: 64)
        for i in 0..<final.count {
            x1[i] ^= final[i]
            x2[i] ^= final[i]
        }
        let key = Array((Array(Insecure.SHA1.hash(data: x1)) + Array(Insecure.SHA1.hash(data: x2))).prefix(keyBits / 8))
        let verifier = try Self.ecb(encryptedVerifier, key: key)
        let verifierHash = try Self.ecb(encryptedVerifierHash, key: key)
        guard Array(Insecure.SHA1.hash(data: verifier)) == Array(verifierHash.prefix(20)) else { throw OfficeDecryptor.Failure.wrongPassword }
        return key
    }

    /// EncryptedPackage: an 8-byte little-endian plain size, then the package in AES-ECB.
    func decryptPackage(_ package: [UInt8], key: [UInt8]) throws -> Data {
        guard package.count >= 24 else { throw OfficeDecryptor.Failure.damaged("EncryptedPackage is too short") }
        var size = 0
        for k in (0..<8).reversed() { size = size << 8 | Int(package[k]) }
        let body = Array(package[8...].prefix((package.count - 8) / 16 * 16))
        guard size >= 0, size <= body.count else { throw OfficeDecryptor.Failure.damaged("EncryptedPackage declares \(size) bytes but holds \(body.count)") }
        return Data(try Self.ecb(body, key: key).prefix(size))
    }

    /// AES-ECB from swift-crypto's CBC: CBC with a zero IV gives D(Cᵢ) ⊕ Cᵢ₋₁ for each block, so
    /// xoring the previous ciphertext block back in leaves ECB's D(Cᵢ), in one pass.
    static func ecb(_ bytes: [UInt8], key: [UInt8]) throws -> [UInt8] {
        var out = try AgileParameters.aes(bytes, key: key, iv: [UInt8](repeating: 0, count: 16))
        for i in stride(from: 16, to: out.count, by: 1) { out[i] ^= bytes[i - 16] }
        return out
    }
}
