import Crypto
import Foundation
import HoebiCore
import HummingbirdBcrypt

/// Secrets of the service: random tokens (sessions, API tokens, share links), their SHA-256 hashes
/// (what the store keeps), and bcrypt for passwords (hummingbird-auth).
public enum Credentials {
    /// 32 random bytes, base64url without padding (safe in a cookie, a URL and a header).
    public static func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &g) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Cost 12 (about a quarter of a second): slow for someone guessing, fine for one sign-in.
    public static func hashPassword(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }

    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Passwords a treasurer may choose: long enough that the rate limit makes guessing hopeless.
    public static func problem(with password: String) -> String? {
        password.count < 10 ? Messages.t("error.shortPassword") : nil
    }
}
