import Foundation
import Testing

@testable import HoebiServer

/// The dashboard's views are files (Sources/HoebiServer/Views) embedded at build time: every
/// template compiles, every template a page or a partial names exists, and a broken one is named.
@Suite struct ViewTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theEmbeddedFilesAreTheFilesAndCompile() throws {
        let folder = Self.root.appendingPathComponent("Sources/HoebiServer/Views")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.contains("overview.mustache") && names.contains("dashboard.css") && names.contains("app.js"))
        for name in names {
            var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            #expect(EmbeddedFiles.files[name] == text, "Views/\(name) is not what the binary carries")
        }
        #expect(throws: Never.self) { _ = try Pages.compile() }
        #expect(Templates.all.count == names.filter { $0.hasSuffix(".mustache") }.count && !Templates.css.isEmpty && !Script.app.isEmpty)
    }

    @Test func everyTemplateThatIsNamedExists() throws {
        var named = Set<String>()
        let sources = Self.root.appendingPathComponent("Sources/HoebiServer")
        // The routes live in the folder and in Controllers/: every Swift file below it.
        for file in FileManager.default.subpaths(atPath: sources.path) ?? [] where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for m in text.matches(of: /Pages\.render\(\s*"([a-z]+)"/) { named.insert(String(m.1)) }
        }
        for (_, text) in Templates.all { for m in text.matches(of: /\{\{> ?([a-z]+)\}\}/) { named.insert(String(m.1)) } }
        #expect(named.count > 10)
        for name in named { #expect(Templates.all[name] != nil, "'\(name)' is rendered but there is no Views/\(name).mustache") }
    }

    /// The templates' words come from the catalogue (`view.TEMPLATE.NAME`): a word a template names
    /// must be there (Mustache would render nothing), and every word there is used by a template.
    @Test func everyWordATemplateNamesIsInTheCatalogue() {
        var named = Set<String>()
        for (_, text) in Templates.all { for m in text.matches(of: /\{\{view\.([a-z]+)\.([A-Za-z]+)\}\}/) { named.insert("\(m.1).\(m.2)") } }
        #expect(named.count > 60)
        let known = Set(Pages.words.flatMap { template, words in words.keys.map { "\(template).\($0)" } })
        #expect(named.subtracting(known).isEmpty, "named in a template, not in Catalogue+Views: \(named.subtracting(known).sorted())")
        #expect(known.subtracting(named).isEmpty, "in Catalogue+Views, used by no template: \(known.subtracting(named).sorted())")
        // Rendered, the words are there in Korean.
        let page = Pages.render("review", ["items": [] as [Any], "count": 0], title: "t", group: "g", csrf: "c")
        #expect(page.contains("확인이 필요한 입금 0건") && page.contains("확인할 입금이 없습니다.") && page.contains(">로그아웃<"), "\(page)")
    }

    @Test func aBrokenViewIsNamed() {
        let error = #expect(throws: Pages.BrokenView.self) { _ = try Pages.compile(["fine": "{{a}}", "review": "{{#open}} never closed"]) }
        #expect(error?.name == "review" && error?.description.contains("Views/review.mustache") == true)
    }
}
