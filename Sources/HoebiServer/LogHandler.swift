import Foundation
import HoebiCore
import Logging

/// The service's log lines on standard error, in Seoul time as everywhere in Hoebi (swift-log's
/// own handler writes the machine's zone): text (`time level label: message key=value …`) or one
/// JSON object per line for journald, Loki or any shipper (`{"time", "level", "label",
/// "message", …fields}`). Written here: swift-log ships neither.
public struct HoebiLogHandler: LogHandler {
    public enum Format: String, Sendable { case text, json }
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let format: Format
    let write: @Sendable (String) -> Void

    public init(
        label: String, format: Format,
        write: @escaping @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(line.utf8)) }
    ) {
        self.label = label
        self.format = format
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level, message = event.message, extra = event.metadata
        let fields = metadata.merging(extra ?? [:], uniquingKeysWith: { _, new in new })
        guard format == .json else {
            let pairs = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            write("\(SeoulTime.now.iso8601) \(level) \(label): \(message)\(pairs.isEmpty ? "" : " " + pairs)\n")
            return
        }
        var object: [String: Any] = [:]
        for (k, v) in fields { object[k] = Self.json(v) }
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
