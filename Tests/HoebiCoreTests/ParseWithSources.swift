import Foundation

@testable import HoebiCore

/// The core's tests read configurations as the product does, with the bank APIs' names (the
/// registry, `BankAPI.all`, is in HoebiSources, which the core and its tests do not link).
extension Configuration {
    static let bankSources = ["woori", "codef", "kftc", "koscom"]
    static func parse(_ data: Data) throws -> Configuration { try parse(data, sources: bankSources) }
}
