import Foundation
import Testing

@testable import HoebiImport

/// The statement layouts are one registry (`StatementLayout.all`): each entry carries its labels
/// and how to export the file in both languages, and each has a fixture that reads as it.
@Suite struct LayoutRegistryTests {
    static let passwords = ["kakaobank-canon-encrypted.xlsx": "123456", "toss-encrypted.xlsx": "990101", "toss-standard-encrypted.xlsx": "990101"]

    @Test func everyLayoutHasItsWordsAndAFixtureThatReadsAsIt() throws {
        let dir = fixture("kakaobank.xlsx").deletingLastPathComponent()
        var readAs: [String: [String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
            let password = Self.passwords[name]
            let source: (@Sendable () throws -> String)? = password.map { p in { @Sendable in p } }
            // Files refused on purpose (damaged, no header, old encryption) read as no layout.
            guard let s = try? StatementReader(file: dir.appendingPathComponent(name), account: "x:1", password: source).read({ _ in }) else { continue }
            readAs[s.layout, default: []].append(name)
        }
        #expect(Set(StatementLayout.all.map(\.name)).count == StatementLayout.all.count, "two layouts share a name")
        for l in StatementLayout.all {
            #expect(readAs[l.name] != nil, "no fixture reads as the \(l.name) layout (\(readAs))")
            #expect(
                l.export.ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } && !l.export.en.isEmpty,
                "\(l.name): how to export it, in Korean and English")
            #expect(
                l.summary.ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } && !l.summary.en.isEmpty,
                "\(l.name): its help line, in Korean and English")
            #expect(l.required.allSatisfy { l.labels[$0] != nil }, "\(l.name): a required role without labels")
        }
    }
}
