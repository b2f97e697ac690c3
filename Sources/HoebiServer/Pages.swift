import Foundation
import HoebiCore
import HoebiRender
import Mustache

/// Renders the dashboard's templates (`Templates`) with the layout's common values.
enum Pages {
    /// A view that does not compile, named with the parser's reason.
    struct BrokenView: Error, CustomStringConvertible {
        let name: String, problem: String
        var description: String { "the dashboard's view Views/\(name).mustache does not compile: \(problem)" }
    }

    /// Every template compiled. `hoebi serve` calls it before it listens, so a broken view stops
    /// the service at start-up with its name (and a test fails), never a blank page later.
    static func compile(_ templates: [String: String] = Templates.all) throws -> MustacheLibrary {
        var l = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do { l.register(try MustacheTemplate(string: text), named: name) } catch { throw BrokenView(name: name, problem: "\(error)") }
        }
        return l
    }

    /// The views compiled once: `HoebiServer.run` asks for it before it listens (and stops on a
    /// broken view), so pages render from the same compilation.
    static let compiled = Result { try compile() }
    static var library: MustacheLibrary { (try? compiled.get()) ?? MustacheLibrary() }

    static let css = Templates.css + ReportHTML.style + "body{margin:0}"

    /// The templates' words, `{{view.TEMPLATE.NAME}}`: the catalogue's `view.` entries in Korean,
    /// nested by template (Mustache reads a dotted name through nested dictionaries).
    static var words: [String: [String: String]] { PageLanguage.current == .ko ? koreanWords : englishWords }
    static let koreanWords = nested(.ko), englishWords = nested(.en)
    static func nested(_ lang: Language) -> [String: [String: String]] {
        Messages.section("view.", in: lang).reduce(into: [:]) { out, entry in
            let parts = entry.key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return }
            out[parts[0], default: [:]][parts[1]] = entry.value
        }
    }

    /// Whether whoever asked may only look (an auditor): set for the request by `RequireTreasurer`;
    /// every view leaves out its forms then, and says so at the top.
    @TaskLocal static var readOnly = false

    static func render(
        _ name: String, _ values: [String: Any], title: String, group: String? = nil, csrf: String? = nil,
        reviewCount: Int = 0
    ) -> String {
        var v = values
        v["title"] = title
        v["css"] = css
        v["view"] = words
        v["lang"] = PageLanguage.current.rawValue
        v["readOnly"] = readOnly
        if let group, let csrf { v["nav"] = ["group": group, "csrf": csrf, "reviewCount": reviewCount > 0 ? reviewCount : false] as [String: Any] }
        if let csrf { v["csrf"] = csrf }
        if let group { v["group"] = group }
        return library.render(v, withTemplate: name) ?? "<!doctype html><p>\(ReportHTML.escape(title))</p>"
    }

    static func plain(_ title: String, _ message: String, back: String? = nil) -> String {
        render("plain", ["message": message, "back": back ?? false], title: title)
    }

    /// "2026년 10월 25일 14:11 기준 (마지막 입출금)".
    static func asOf(_ t: SeoulTime?) -> String {
        guard let t else { return word("page.noTransactions") }
        return word("page.asOf", t.year, t.month, t.day, "\(t.hour < 10 ? "0" : "")\(t.hour):\(t.minute < 10 ? "0" : "")\(t.minute)")
    }
}
