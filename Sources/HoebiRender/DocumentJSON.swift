import Foundation

/// How the API's documents (HoebiAPI's types) are written as text: keys sorted, slashes as they
/// are; pretty for the command line, compact as the service sends them (the generated server is
/// configured the same way in `HoebiServer.router`).
public enum DocumentJSON {
    public static func text<T: Encodable>(_ document: T, pretty: Bool) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(document), as: UTF8.self)
    }
}
