import CryptoExtras
import Foundation

/// The sandbox's CODEF RSA key pair, made at start-up: clients encrypt account passwords with the
/// public half (PKCS#1 v1.5, as CODEF requires) and the sandbox checks them with the private half.
struct CodefKeys: Sendable {
    let privateDER: Data
    let publicKeyBase64: String

    init() throws {
        let key = try _RSA.Encryption.PrivateKey(keySize: .bits2048)
        privateDER = key.derRepresentation
        publicKeyBase64 = key.publicKey.derRepresentation.base64EncodedString()
    }

    func decrypt(_ base64: String) -> String? {
        guard let data = Data(base64Encoded: base64), let key = try? _RSA.Encryption.PrivateKey(derRepresentation: privateDER),
            let plain = try? key.decrypt(data, padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}
