import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiServer
import HoebiWiring
import Logging

extension Hoebi {
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.help("backup"), discussion: Messages.help("backup.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("The copy to write (must not exist yet).")) var file: String
        func run() async throws {
            let (ws, _) = try await common.openAny(.read)
            guard !FileManager.default.fileExists(atPath: file) else { throw AppError.usage(Messages.t("error.exists", file)) }
            try await ws.store.backup(to: file)
            chmod(file, 0o600)
            printOut(Messages.t("backup.done", file) + "\n")
        }
    }
}
