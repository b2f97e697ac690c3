import Foundation

/// JSON text of a decoded JSON value (`JSONSerialization`'s objects), keys sorted, slashes as they
/// are: the raw row a bank API sent, kept with each transaction, and the sandbox's answers.
/// Written by hand because Foundation's `.sortedKeys` on Linux sorts every object by insertion
/// over boxed keys: half of a sync's time went there (perf, issue 26). Output is valid JSON that
/// reads back to the same value; it is not promised to match Foundation's byte for byte.
public enum SortedJSON {
    /// nil when `value` is not made of JSON values only.
    public static func text(_ value: Any) -> String? {
        var out = ""
        guard write(value, into: &out) else { return nil }
        return out
    }

    static func write(_ value: Any, into out: inout String) -> Bool {
        // Containers before numbers: asking a Swift dictionary whether it is an NSNumber bridges
        // it to an NSDictionary first (a quarter of a sync's time, perf).
        switch value {
        case let s as String: string(s, into: &out)
        case let o as [String: Any]:
            out += "{"
            for (k, key) in o.keys.sorted().enumerated() {
                if k > 0 { out += "," }
                string(key, into: &out)
                out += ":"
                guard write(o[key]!, into: &out) else { return false }
            }
            out += "}"
        case let a as [Any]:
            out += "["
            for (k, v) in a.enumerated() {
                if k > 0 { out += "," }
                guard write(v, into: &out) else { return false }
            }
            out += "]"
        case is NSNull: out += "null"
        default: return scalar(value, into: &out)
        }
        return true
    }

    static func scalar(_ value: Any, into out: inout String) -> Bool {
        if type(of: value) is NSNumber.Type, let n = value as? NSNumber {
            // What JSONSerialization decodes: a boolean is an NSNumber of a char.
            if String(cString: n.objCType) == "c" {
                out += n.boolValue ? "true" : "false"
            } else if let i = value as? Int64 {
                out += String(i)
            } else {
                return number(n.doubleValue, into: &out)
            }
            return true
        }
        // Values built in Swift (the sandbox's answers).
        switch value {
        case let b as Bool: out += b ? "true" : "false"
        case let i as Int: out += String(i)
        case let i as Int64: out += String(i)
        case let d as Double: return number(d, into: &out)
        default: return false
        }
        return true
    }

    static func number(_ d: Double, into out: inout String) -> Bool {
        guard d.isFinite else { return false }
        out += d == d.rounded() && abs(d) < 9e15 ? String(Int64(d)) : "\(d)"
        return true
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    /// By UTF-8 bytes of a native copy: strings JSONSerialization decodes are bridged, and reading
    /// their scalars one by one went through UTF-16 (half of this writer's time, perf).
    public static func string(_ s: String, into out: inout String) {
        var s = s
        s.makeContiguousUTF8()
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(s.utf8.count + 2)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), b]
            case UInt8(ascii: "\\"): bytes += [b, b]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        out += String(decoding: bytes, as: UTF8.self)
    }
}
