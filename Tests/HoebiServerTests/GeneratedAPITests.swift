import Crypto
import Foundation
import Testing

@testable import HoebiServer

/// The API's types and server protocol are generated from api/openapi.json and committed
/// (scripts/generate-api): the committed output must be the document's, and what the service
/// derives from the document (the 405 table) must say what the document says.
@Suite struct GeneratedAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each generated file names the digest of the document and the generator's configuration it
    /// came from; a document edited without running scripts/generate-api fails here.
    @Test func theGeneratedCodeIsTheDocuments() throws {
        let inputs = try ["api/openapi.json", "api/openapi-generator-config.yaml"].map { try Data(contentsOf: Self.root.appendingPathComponent($0)) }
        let digest = SHA256.hash(data: inputs.reduce(Data(), +)).map { String(format: "%02x", $0) }.joined()
        let folder = Self.root.appendingPathComponent("Sources/HoebiAPI")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("Server.swift") && files.contains("Types.swift"))
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("// source sha256: \(digest)"), "Sources/HoebiAPI/\(name) is older than api/openapi.json: run scripts/generate-api")
        }
    }

    /// The 405 answer's `Allow` comes from the document's paths: every operation there is
    /// allowed on its path, and nothing else is.
    @Test func theAllowTableIsTheDocuments() throws {
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.root.appendingPathComponent("api/openapi.json"))) as? [String: Any]
        let paths = try #require(doc?["paths"] as? [String: [String: Any]])
        #expect(paths.count == 12)
        for (path, operations) in paths {
            let concrete = path.replacingOccurrences(of: "{group}", with: "hiking")
            let allowed = try #require(APIMethods.allowed(concrete), "\(path) is not in the table")
            let expected = Set(operations.keys.map { $0.uppercased() } + (operations["get"] != nil ? ["HEAD"] : []))
            #expect(Set(allowed.map(\.rawValue)) == expected, "\(path)")
        }
        #expect(APIMethods.allowed("/api/v1/groups/hiking/nothing") == nil)
        #expect(APIMethods.allowed("/api/v1/groups/hiking/imports") == [.post])
    }
}
