import Foundation

/// One row of an account's history, normalised from whatever source brought it in.
public struct Transaction: Sendable, Equatable {
    public enum Direction: String, Sendable, Codable {
        case deposit = "in"
        case withdrawal = "out"
    }

    /// Key of the account it belongs to (`Account.key`).
    public var account: String
    /// The bank's own transaction id, when the source has one.
    public var bankID: String?
    public var time: SeoulTime
    public var direction: Direction
    /// Always positive; `direction` carries the sign.
    public var amount: Won
    /// Balance after this transaction, when the source gives it.
    public var balance: Won?
    /// The bank's transaction type (거래구분: 일반입금, 예금이자, …).
    public var kind: String
    /// Depositor or counterparty text (내용 / 적요), NFC.
    public var text: String
    public var memo: String
    /// Which format or API produced it ("kakaobank-xlsx", "csv", …).
    public var source: String
    /// The source row as read, kept beside the normalised fields.
    public var raw: String
    /// Where it came from inside the source (e.g. "sheet1!row 12"), for error messages and audit.
    public var origin: String

    public init(
        account: String, bankID: String? = nil, time: SeoulTime, direction: Direction, amount: Won,
        balance: Won?, kind: String = "", text: String, memo: String = "", source: String,
        raw: String, origin: String = ""
    ) {
        self.account = account
        self.bankID = bankID
        self.time = time
        self.direction = direction
        self.amount = amount
        self.balance = balance
        self.kind = Normalise.nfc(kind)
        self.text = Normalise.nfc(text)
        self.memo = Normalise.nfc(memo)
        self.source = source
        self.raw = raw
        self.origin = origin
    }

    public var signedAmount: Won { direction == .deposit ? amount : -amount }

    /// What makes a row itself when the bank gives no id. Two rows that agree on all of this are
    /// told apart only by their occurrence number (see `IdentityCounter`).
    public var identityBase: String { identityBase(time: time.iso8601) }

    /// `identityBase` with the time already formatted (the importer formats it once per row).
    public func identityBase(time iso: String) -> String {
        if let bankID, !bankID.isEmpty { return account + "|id|" + bankID }
        var s = account
        s.reserveCapacity(account.utf8.count + iso.utf8.count + text.utf8.count + 32)
        s += "|"
        s += iso
        s += "|"
        s += direction.rawValue
        s += "|"
        s += String(amount)
        s += "|"
        s += balance.map { String($0) } ?? "-"
        s += "|"
        s += text
        return s
    }
}

/// Numbers identical rows within one source read: the first `k` gets `k#1`, the next `k#2`, …
/// Re-reading the same statement, or an overlapping one, yields the same identities, so the store's
/// unique index drops them; two genuinely identical rows in one statement keep distinct identities.
public struct IdentityCounter {
    /// Bases seen so far, by a 128-bit fingerprint of their UTF-8 bytes. Keeping the bases
    /// themselves (a million strings in a dictionary that keeps growing) was nearly half of a
    /// 1M-row import's own time and a quarter of its memory (perf). The count only has to tell
    /// rows of one read apart, so a fingerprint seeded per process is enough: two different bases
    /// share one with a chance of about n²/2¹²⁹ (1 in 10²⁶ for a million rows).
    private var seen: [Fingerprint: Int] = [:]
    public init() {}

    public mutating func identity(of t: Transaction) -> String { identity(of: t, time: t.time.iso8601) }

    public mutating func identity(of t: Transaction, time: String) -> String {
        let base = t.identityBase(time: time)
        if t.bankID.map({ !$0.isEmpty }) == true { return base }
        // One hash lookup for the usual first occurrence; a second only for a repeated row.
        let key = Fingerprint(base)
        var n = 1
        if let previous = seen.updateValue(1, forKey: key) {
            n = previous + 1
            seen[key] = n
        }
        return base + "#" + String(n)
    }

    /// Two independent SipHash values of the bytes (Swift's `Hasher`, seeded once per process).
    struct Fingerprint: Hashable {
        let low: Int, high: Int
        init(_ text: String) {
            var t = text
            (low, high) = t.withUTF8 { b in
                var a = Hasher(), c = Hasher()
                a.combine(0 as UInt8)
                c.combine(1 as UInt8)
                a.combine(bytes: UnsafeRawBufferPointer(b))
                c.combine(bytes: UnsafeRawBufferPointer(b))
                return (a.finalize(), c.finalize())
            }
        }
    }
}
