import Foundation
import HoebiCore
import Logging

/// Log lines as JSON objects (one per line on standard error) for journald, Loki or any shipper:
/// `{"time", "level", "label", "message", …metadata}`. Written here: swift-log itself ships only
/// a text handler. Time is Seoul time, as everywhere in Hoebi.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(line.utf8)) }) {
        self.label = label; self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        var object: [String: Any] = [:]
        for (k, v) in metadata.merging(extra ?? [:], uniquingKeysWith: { _, new in new }) { object[k] = Self.json(v) }
        object["time"] = SeoulTime.now.iso8601
        object["level"] = level.rawValue
        object["label"] = label
        object["message"] = message.description
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        // One write per line, so lines from concurrent requests never interleave.
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    static func json(_ v: Logger.Metadata.Value) -> Any {
        switch v {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let a): return a.map(json)
        case .dictionary(let d): return d.mapValues(json)
        }
    }
}
