/// Makes a piece of a bank's answer safe to quote in an error, a log or the audit trail: values
/// of token-, secret- and password-like fields are dropped, and so is any long unbroken run of
/// token characters (a truncated body may have lost the field name before its token).
public enum Redact {
    static let sensitiveNames = ["token", "secret", "password", "passwd", "pin", "auth", "key", "connectedid", "signature", "cookie"]

    public static func body(_ text: String) -> String {
        var out = "", run = "", lastName = ""
        var hideNext = false
        func flush() {
            guard !run.isEmpty else { return }
            // 20+ characters of base64, JWT or hex without a space is a credential, not prose.
            out += hideNext || run.count >= 20 ? "…" : run
            lastName = run.lowercased()
            hideNext = false
            run = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isLetter || ch.isNumber || "._-+/".contains(ch)) {
                run.append(ch)
                continue
            }
            flush()
            out.append(ch)
            if ch == ":" || ch == "=" { hideNext = sensitiveNames.contains { lastName.contains($0) } }
        }
        flush()
        return out
    }
}
