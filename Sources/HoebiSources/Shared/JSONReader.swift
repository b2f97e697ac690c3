import Foundation
import HoebiCore

/// What a source said, in terms a treasurer can act on. Never carries a secret.
public struct SourceError: Error, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable { case auth, rateLimit, transient, needsUser, rejected, malformed, notFound }
    public var source: String
    public var kind: Kind
    /// The API's own code (CF-99997, O0003, SYSCD03001, HTTP 503 …).
    public var code: String
    public var message: String

    public init(_ source: String, _ kind: Kind, code: String, _ message: String) {
        self.source = source
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { "\(source) \(code): \(message)" }
    /// Worth retrying after a pause.
    public var isTransient: Bool { kind == .transient || kind == .rateLimit }
}

/// Lenient access to decoded JSON: the banks send numbers as numbers, strings, zero-padded strings
/// or "910000.000", and leave fields out, empty or null.
struct JSONReader {
    let source: String
    let value: Any?

    init(source: String, _ value: Any?) {
        self.source = source
        self.value = value
    }

    static func parse(_ data: Data, source: String) throws -> JSONReader {
        do { return JSONReader(source: source, try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) } catch {
            // A truncated token answer must not land in a cron log: quote it only redacted.
            let head = Redact.body(String(decoding: data.prefix(80), as: UTF8.self))
            throw SourceError(source, .malformed, code: "JSON", Messages.t("src.notJSON", head))
        }
    }

    subscript(_ key: String) -> JSONReader { JSONReader(source: source, (value as? [String: Any])?[key]) }
    var array: [JSONReader]? { (value as? [Any])?.map { JSONReader(source: source, $0) } }
    var object: [String: Any]? { value as? [String: Any] }
    var exists: Bool { value != nil && !(value is NSNull) }

    /// The value as text ("" when absent); numbers without a fraction print as integers.
    var string: String {
        switch value {
        case let s as String: return s
        // A JSON boolean is an NSNumber of type "c" (char); on Linux it also passes `is Int`, and
        // `1` passes `is Bool`, so only the type tells `true` from 1.
        case let n as NSNumber where String(cString: n.objCType) == "c": return n.boolValue ? "true" : "false"
        case let n as NSNumber:
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : n.stringValue
        default: return ""
        }
    }

    /// Whole won from "910000.000", "000000000000002.000", 11500, "-1,000", "" (→ nil): the same
    /// decimal reading as statement files (`Money.parse`).
    func won(_ field: String) throws -> Won? {
        let s = string.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        switch Money.parse(s) {
        case .won(let v): return v
        case .notWhole: throw SourceError(source, .malformed, code: field, Messages.t("src.notWhole", string))
        case .tooLarge: throw SourceError(source, .malformed, code: field, Messages.t("src.tooLarge", string, Money.limit.grouped))
        case .notAnAmount: throw SourceError(source, .malformed, code: field, Messages.t("src.notAmount", string))
        }
    }

    /// The whole value as compact JSON, kept as the transaction's raw row.
    var rawJSON: String {
        guard let value, value is [String: Any] || value is [Any], let text = SortedJSON.text(value) else { return string }
        return text
    }
}

/// The normalised content of one raw response body.
public struct ParsedResponse: Sendable {
    public var transactions: [Transaction] = []
    /// Rows that are not won movements of a deposit account, with why.
    public var skipped: [String] = []
    /// The balance the response reports for the account now, if any.
    public var balance: Won?
    /// The date range the source says it covered (CODEF commStartDate/commEndDate).
    public var covered: (from: String, to: String)?
    /// Paging: the cursor for the next page, nil when this was the last.
    public var nextCursor: String?

    /// Adds a row; one that moves no money is not a transaction and is listed as skipped.
    mutating func add(_ t: Transaction) {
        if t.amount == 0 { skipped.append("\(t.origin): a row of 0 won") } else { transactions.append(t) }
    }
}

/// A source's response parser: pure, so `hoebi parse` and the adapters share it.
public protocol ResponseCodec: Sendable {
    var source: String { get }
    func parseTransactions(_ body: Data, account: String) throws -> ParsedResponse
}

/// Date and time fields into Seoul time: "20190531"/"2021-04-21" and "200631"/"1037".
func seoulTime(date: String, time: String, source: String) throws -> SeoulTime {
    let d = date.filter(\.isNumber), t = time.filter(\.isNumber)
    let padded = t.isEmpty ? "000000" : t.count == 4 ? t + "00" : t
    guard d.count == 8, padded.count == 6, let v = SeoulTime(parsing: d + padded) else {
        throw SourceError(source, .malformed, code: "date", Messages.t("src.notDate", date, time))
    }
    return v
}
