import Foundation
import HoebiCore

/// Faults the sandbox can inject, armed by `--fault`, by `POST /_sandbox/faults`, or per request
/// with an `X-Sandbox-Fault` header.
public struct Fault: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case serverError = "5xx"
        case slow, expired
        case rateLimit = "ratelimit"
        case malformed, endless
        /// A pager that sends the previous page again under a new cursor (KFTC, Koscom).
        case repeatPage = "repeat"
    }
    public var kind: Kind
    /// How many matching requests it affects (then it disarms).
    public var count: Int
    /// Matching requests to let through untouched first (to fail a sync at page N).
    public var after: Int
    /// Only requests whose path contains this (default: data calls, not token calls).
    public var path: String
    public var milliseconds: Int

    public init(kind: Kind, count: Int = 1, after: Int = 0, path: String = "", milliseconds: Int = 1500) {
        self.kind = kind
        self.count = count
        self.after = after
        self.path = path
        self.milliseconds = milliseconds
    }

    /// "5xx", "5xx:3", "slow:2000", "ratelimit:2@transaction", "5xx:100+4" (after 4 requests).
    public init?(spec: String) {
        var s = Substring(spec)
        var path = ""
        if let at = s.firstIndex(of: "@") {
            path = String(s[s.index(after: at)...])
            s = s[..<at]
        }
        var after = 0
        if let plus = s.firstIndex(of: "+") {
            after = Int(s[s.index(after: plus)...]) ?? 0
            s = s[..<plus]
        }
        let parts = s.split(separator: ":")
        guard let first = parts.first, let kind = Kind(rawValue: String(first)) else { return nil }
        let n = parts.count > 1 ? Int(parts[1]) : nil
        self.init(kind: kind, count: kind == .slow ? 1 : (n ?? 1), after: after, path: path, milliseconds: kind == .slow ? (n ?? 1500) : 1500)
    }
}

/// Everything the sandbox remembers between requests.
actor SandboxState {
    let history: SandboxHistory
    private var tokens: [String: (source: String, expires: Date)] = [:]
    private var refreshTokens: [String: Date] = [:]
    private var codes: Set<String> = []
    private var bankTranIDs: Set<String> = []
    private var faults: [Fault] = []
    private var counter = 0
    var connectedIds: Set<String> = []
    /// How long issued access tokens live (shortened by tests to exercise refresh).
    var tokenLifetime: TimeInterval = 7_775_999
    private(set) var requests: [String] = []
    /// The port the sandbox listens on, for URLs it hands out (Koscom's account endpoint).
    private(set) var port = 0
    func setPort(_ p: Int) { port = p }

    init(history: SandboxHistory, faults: [Fault]) {
        self.history = history
        self.faults = faults
    }

    func next(_ prefix: String) -> String {
        counter += 1
        return prefix + String(format: "%08d", counter)
    }

    func issueToken(source: String, lifetime: TimeInterval? = nil) -> String {
        let t = next("\(source)-token-")
        tokens[t] = (source, Date().addingTimeInterval(lifetime ?? tokenLifetime))
        return t
    }

    func issueRefresh() -> String {
        let t = next("kftc-refresh-")
        refreshTokens[t] = Date().addingTimeInterval(tokenLifetime + 864_000)
        return t
    }

    func useRefresh(_ t: String) -> Bool { (refreshTokens[t].map { $0 > Date() }) == true }

    enum TokenCheck { case ok, unknown, expired }
    func check(token: String, source: String) -> TokenCheck {
        guard let t = tokens[token], t.source == source else { return .unknown }
        return t.expires > Date() ? .ok : .expired
    }

    func issueCode() -> String {
        let c = next("code")
        codes.insert(c)
        return c
    }
    func useCode(_ c: String) -> Bool { codes.remove(c) != nil }

    /// A bank_tran_id may be used once a day (KFTC A0326).
    func useBankTranID(_ id: String) -> Bool { bankTranIDs.insert(id).inserted }

    func arm(_ f: Fault) { faults.append(f) }
    func disarm() { faults.removeAll() }
    var armed: Int { faults.count }
    func setTokenLifetime(_ s: TimeInterval) { tokenLifetime = s }
    /// Keeps the newest 10,000 (a sandbox serving a long demo or load run must not grow without end).
    func log(_ line: String) {
        requests.append(line)
        if requests.count > 10_000 { requests.removeFirst(requests.count - 10_000) }
    }

    /// The fault this request meets, if any (consuming one use of it).
    func fault(for path: String, header: String?) -> Fault? {
        if let header, let f = Fault(spec: header) { return f }
        // (An empty filter matches everything: Foundation's contains("") is false on Linux.)
        for i in faults.indices where (faults[i].path.isEmpty || path.contains(faults[i].path)) && !path.contains("/oauth") && !path.contains("/_sandbox") {
            if faults[i].after > 0 {
                faults[i].after -= 1
                return nil
            }
            let f = faults[i]
            faults[i].count -= 1
            if faults[i].count <= 0 { faults.remove(at: i) }
            return f
        }
        return nil
    }
}
