import Foundation
import HoebiCore

/// The language of the dashboard and the members' page: Korean, unless `HOEBI_LANG` (or the
/// configuration's `"language"`, set when the service starts) says English. The server's own
/// locale is not consulted: the people reading these pages are on their phones, not its shell.
enum PageLanguage {
    nonisolated(unsafe) static var current: Language = fromEnvironment(nil)

    static func fromEnvironment(_ configured: Language?) -> Language {
        if let v = ProcessInfo.processInfo.environment["HOEBI_LANG"]?.lowercased(), !v.isEmpty { return v.hasPrefix("en") ? .en : .ko }
        return configured ?? .ko
    }
}

/// A word of the pages, from the catalogue (`Catalogue+Dashboard.swift`), in the pages' language.
func word(_ key: String, _ args: any CustomStringConvertible...) -> String {
    Messages.t(key, in: PageLanguage.current, arguments: args.map(\.description))
}
