import Crypto
import CryptoExtras
import Foundation

/// Opens a password-protected Office document (MS-OFFCRYPTO "agile" encryption, the kind KakaoBank
/// and Toss statements use) in memory and returns the plain .xlsx bytes. The key derivation and the
/// segment layout are written here from the specification; SHA and AES come from swift-crypto.
public enum OfficeDecryptor {
    public enum Failure: Error, Equatable {
        case wrongPassword
        /// The document uses a scheme Hoebi does not decrypt (named for the user).
        case unsupported(String)
        case damaged(String)
    }

    /// - Returns: the decrypted package (a zip), never written anywhere.
    public static func decrypt(_ file: [UInt8], password: String) throws -> Data {
        let cfb: CompoundFile
        do { cfb = try CompoundFile(file) } catch let e as CompoundFile.Damaged { throw Failure.damaged(e.reason) }
        let info: [UInt8]?, package: [UInt8]?
        do {
            info = try cfb.stream("EncryptionInfo")
            package = try cfb.stream("EncryptedPackage")
        } catch let e as CompoundFile.Damaged {
            throw Failure.damaged(e.reason)
        }
        guard let info, let package else {
            throw Failure.unsupported("an Office 97–2003 document (.xls), not an encrypted .xlsx")
        }
        guard info.count >= 8 else { throw Failure.damaged("EncryptionInfo is too short") }
        let major = Int(info[0]) | Int(info[1]) << 8, minor = Int(info[2]) | Int(info[3]) << 8
        switch (major, minor) {
        case (4, 4): break
        case (2...4, 2):
            // Standard encryption (Toss Bank, Apache POI).
            let standard = try StandardEncryption(info: info)
            return try standard.decryptPackage(package, key: try standard.key(password: password))
        case (1, 1): throw Failure.unsupported("RC4 encryption (Office 97–2003)")
        case (3...4, 3): throw Failure.unsupported("extensible encryption")
        default: throw Failure.unsupported("encryption version \(major).\(minor)")
        }
        let params = try AgileParameters(xml: Data(info[8...]))
        let key = try params.secretKey(password: password)
        return try params.decryptPackage(package, key: key)
    }
}

/// The <keyData> and password <encryptedKey> of an agile EncryptionInfo.
struct AgileParameters {
    struct Cipher {
        var salt: [UInt8]
        var hash: String
        var keyBits: Int
        var blockSize: Int
        var hashSize: Int
    }
    var data: Cipher
    var key: Cipher
    var spinCount: Int
    var verifierInput: [UInt8]
    var verifierHash: [UInt8]
    var encryptedKey: [UInt8]

    static let blockVerifierInput: [UInt8] = [0xFE, 0xA7, 0xD2, 0x76, 0x3B, 0x4B, 0x9E, 0x79]
    static let blockVerifierHash: [UInt8] = [0xD7, 0xAA, 0x0F, 0x6D, 0x30, 0x61, 0x34, 0x4E]
    static let blockKey: [UInt8] = [0x14, 0x6E, 0x0B, 0xE7, 0xAB, 0xAC, 0xD0, 0xD6]

    init(xml: Data) throws {
        // Read by the same XMLStream as the workbook's parts; NUL padding after the XML, which
        // some writers leave at the stream's end, is not part of it.
        var xmlStream = XMLStream(ElementAttributes(names: ["keyData", "encryptedKey"]))
        do {
            let end = xml.lastIndex { $0 != 0 }.map { xml.index(after: $0) } ?? xml.startIndex
            try xml[..<end].withUnsafeBytes { try xmlStream.feed($0) }
            try xmlStream.finish()
        } catch let e as XMLPartError {
            throw OfficeDecryptor.Failure.damaged("EncryptionInfo \(e.problem)")
        }
        let found = xmlStream.reader.found
        // The password's key is the encryptedKey with a spinCount; a certificate's has none.
        guard let kd = found["keyData"]?.first else { throw OfficeDecryptor.Failure.damaged("EncryptionInfo has no keyData") }
        guard let pk = found["encryptedKey"]?.first(where: { $0["spinCount"] != nil }) else {
            throw OfficeDecryptor.Failure.unsupported("certificate-only encryption (no password key)")
        }
        func cipher(_ a: [String: String]) throws -> Cipher {
            guard let salt = a["saltValue"].flatMap({ Data(base64Encoded: $0) }), let hash = a["hashAlgorithm"],
                let bits = a["keyBits"].flatMap(Int.init), let block = a["blockSize"].flatMap(Int.init),
                let hashSize = a["hashSize"].flatMap(Int.init)
            else {
                throw OfficeDecryptor.Failure.damaged("EncryptionInfo is missing cipher parameters")
            }
            guard a["cipherAlgorithm"] == nil || a["cipherAlgorithm"] == "AES" else {
                throw OfficeDecryptor.Failure.unsupported("cipher \(a["cipherAlgorithm"]!)")
            }
            guard a["cipherChaining"] == nil || a["cipherChaining"] == "ChainingModeCBC" else {
                throw OfficeDecryptor.Failure.unsupported("chaining \(a["cipherChaining"]!)")
            }
            return Cipher(salt: Array(salt), hash: hash, keyBits: bits, blockSize: block, hashSize: hashSize)
        }
        data = try cipher(kd)
        key = try cipher(pk)
        func b64(_ name: String) throws -> [UInt8] {
            guard let d = pk[name].flatMap({ Data(base64Encoded: $0) }) else { throw OfficeDecryptor.Failure.damaged("EncryptionInfo lacks \(name)") }
            return Array(d)
        }
        guard let spin = pk["spinCount"].flatMap(Int.init), spin >= 0, spin <= 10_000_000 else {
            throw OfficeDecryptor.Failure.damaged("EncryptionInfo has no usable spinCount")
        }
        spinCount = spin
        verifierInput = try b64("encryptedVerifierHashInput")
        verifierHash = try b64("encryptedVerifierHashValue")
        encryptedKey = try b64("encryptedKeyValue")
    }

    static func hash(_ algorithm: String, _ parts: [UInt8]...) throws -> [UInt8] {
        func run<H: HashFunction>(_ h: H.Type) -> [UInt8] {
            var hasher = H()
            for p in parts { hasher.update(data: p) }
            return Array(hasher.finalize())
        }
        switch algorithm {
        case "SHA512": return run(SHA512.self)
        case "SHA384": return run(SHA384.self)
        case "SHA256": return run(SHA256.self)
        case "SHA1": return run(Insecure.SHA1.self)
        default: throw OfficeDecryptor.Failure.unsupported("hash algorithm \(algorithm)")
        }
    }

    /// Truncates, or pads with 0x36, to `count` bytes (the specification's rule for keys and IVs).
    static func fit(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        bytes.count >= count ? Array(bytes.prefix(count)) : bytes + [UInt8](repeating: 0x36, count: count - bytes.count)
    }

    static func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }

    static func aes(_ bytes: [UInt8], key: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        guard !bytes.isEmpty, bytes.count % 16 == 0 else { throw OfficeDecryptor.Failure.damaged("encrypted data is not a whole number of AES blocks") }
        let out = try AES._CBC.decrypt(bytes, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: iv), noPadding: true)
        return Array(out)
    }

    /// Password → the document's secret key. The password hash is iterated `spinCount` times
    /// (H(salt ‖ password), then H(i ‖ h)); a wrong password fails the verifier check.
    func secretKey(password: String) throws -> [UInt8] {
        var utf16le: [UInt8] = []
        for u in password.utf16 { utf16le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        var h = try Self.hash(key.hash, key.salt, utf16le)
        for i in 0..<spinCount { h = try Self.hash(key.hash, Self.le32(i), h) }
        func derived(_ block: [UInt8]) throws -> [UInt8] { Self.fit(try Self.hash(key.hash, h, block), key.keyBits / 8) }
        let iv = Self.fit(key.salt, key.blockSize)
        let input = try Self.aes(verifierInput, key: try derived(Self.blockVerifierInput), iv: iv)
        let expected = try Self.aes(verifierHash, key: try derived(Self.blockVerifierHash), iv: iv)
        let actual = try Self.hash(key.hash, Array(input.prefix(key.salt.count)))
        guard Array(expected.prefix(actual.count)) == actual else { throw OfficeDecryptor.Failure.wrongPassword }
        return Array(try Self.aes(encryptedKey, key: try derived(Self.blockKey), iv: iv).prefix(data.keyBits / 8))
    }

    /// EncryptedPackage: an 8-byte little-endian plain size, then 4096-byte segments, each AES-CBC
    /// with IV = H(keyData salt ‖ segment number).
    func decryptPackage(_ package: [UInt8], key: [UInt8]) throws -> Data {
        guard package.count >= 8 else { throw OfficeDecryptor.Failure.damaged("EncryptedPackage is too short") }
        var size = 0
        for k in (0..<8).reversed() { size = size << 8 | Int(package[k]) }
        guard size >= 0, size <= package.count else {
            throw OfficeDecryptor.Failure.damaged("EncryptedPackage declares \(size) bytes but holds \(package.count - 8)")
        }
        var out = Data()
        out.reserveCapacity(size)
        var offset = 8, segment = 0
        while offset < package.count && out.count < size {
            var chunk = Array(package[offset..<min(offset + 4096, package.count)])
            chunk = Array(chunk.prefix(chunk.count - chunk.count % 16))
            let iv = Self.fit(try Self.hash(data.hash, data.salt, Self.le32(segment)), data.blockSize)
            out.append(contentsOf: try Self.aes(chunk, key: key, iv: iv))
            offset += 4096
            segment += 1
        }
        guard out.count >= size else { throw OfficeDecryptor.Failure.damaged("EncryptedPackage ends early") }
        return out.prefix(size)
    }
}
