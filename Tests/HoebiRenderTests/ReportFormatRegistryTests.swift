import Foundation
import HoebiCore
import Testing

@testable import HoebiRender

/// The report's formats are one registry (`ReportFormat.all`): every entry has its help line in
/// both languages and renders a report that says who the members are and what they paid.
@Suite struct ReportFormatRegistryTests {
    @Test func everyFormatHasItsWordsAndRendersTheReport() throws {
        let r = sampleReport()
        #expect(Set(ReportFormat.all.map(\.name)).count == ReportFormat.all.count, "two formats share a name")
        #expect(ReportFormat.all.map(\.name).starts(with: ["table"]), "the default comes first")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in ReportFormat.all {
            #expect(
                f.summary.ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } && !f.summary.en.isEmpty,
                "\(f.name): its help line, in Korean and English")
            #expect(ReportFormat.named(f.name)?.name == f.name)
            switch f.output {
            case .text(let render):
                let text = try render(r, .init())
                // The sample's members and a figure they paid, in every text format.
                #expect(text.contains("홍길동") && (text.contains("30,000") || text.contains("30000")), "\(f.name): \(text.prefix(300))")
            case .file(let defaultName, let write):
                #expect(defaultName(r.group).contains(r.group.id))
                let url = dir.appendingPathComponent(defaultName(r.group))
                try write(r, url, .init())
                let bytes = try Data(contentsOf: url)
                #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(f.name): a zip container")
            }
        }
        #expect(ReportFormat.named("pdf") == nil)
    }
}
