import HoebiCore

/// A word of the pages, from the catalogue (`Catalogue+Dashboard.swift`), in Korean: the
/// dashboard and the members' page speak the treasurer's language.
func word(_ key: String, _ args: any CustomStringConvertible...) -> String {
    Messages.t(key, in: .ko, arguments: args.map(\.description))
}
