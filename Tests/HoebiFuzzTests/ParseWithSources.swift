import Foundation
import HoebiCore
import HoebiSources

/// Configurations are read as the product reads them: checked against the registry's bank APIs.
extension Configuration {
    static func parse(_ data: Data) throws -> Configuration { try parse(data, sources: BankAPI.all.map(\.name)) }
}
