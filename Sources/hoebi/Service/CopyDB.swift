import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore

extension Hoebi {
    struct CopyDB: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy-db", abstract: Messages.help("copy-db"), discussion: Messages.help("copy-db.discussion"))
        @Option(name: .long, help: h("The ledger to copy: a SQLite file or a postgres:// URL.")) var from: String
        @Option(name: .long, help: h("Where to copy it: a new SQLite file or an empty PostgreSQL database's URL.")) var to: String
        @Option(name: .long, help: h("Environment variable holding the PostgreSQL password.")) var passwordEnv: String?
        @Option(name: .long, help: h("File whose first line is the PostgreSQL password.")) var passwordFile: String?
        @Flag(name: .long, help: h("Print the result as JSON.")) var json = false

        func run() async throws {
            var password: String?
            if let passwordEnv {
                guard let v = ProcessInfo.processInfo.environment[passwordEnv], !v.isEmpty else {
                    throw AppError.usage(Messages.t("src.envMissing", "--password-env", passwordEnv))
                }
                password = v
            } else if let passwordFile {
                guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                    throw AppError.usage(Messages.t("src.fileUnreadable", "--password-file", passwordFile))
                }
                password = String(text.split(whereSeparator: \.isNewline).first ?? "")
            }
            let progress: @Sendable (String) -> Void = { table in if isatty(2) != 0 { printErr("\r\u{1B}[K" + table) } }
            let result: LedgerCopy.Result
            switch (DatabaseLocation.isURL(from), DatabaseLocation.isURL(to)) {
            case (false, true):
                guard FileManager.default.fileExists(atPath: from) else { throw ExitCodeError.notFound(from) }
                result = try await LedgerCopy.copy(sqlite: from, to: try DatabaseLocation(url: to, password: password), progress: progress)
            case (true, false):
                result = try await LedgerCopy.copy(postgres: try DatabaseLocation(url: from, password: password), toSQLite: to, progress: progress)
                chmod(to, 0o600)
            default:
                throw AppError.usage(Messages.t("copy.twoEngines"))
            }
            if isatty(2) != 0 { printErr("\r\u{1B}[K") }
            let same = result.from == result.to
            if json {
                let doc: [String: Any] = [
                    "same": same,
                    "from": result.from.map { ["table": $0.name, "rows": $0.rows, "sha256": $0.sha256] },
                    "to": result.to.map { ["table": $0.name, "rows": $0.rows, "sha256": $0.sha256] }
                ]
                printOut(String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self) + "\n")
            } else {
                let width = result.from.map { DisplayWidth.of($0.name) }.max() ?? 0
                for (a, b) in zip(result.from, result.to) {
                    let name = a.name + String(repeating: " ", count: max(0, width - DisplayWidth.of(a.name)))
                    printOut(Messages.t("copy.table", name, a.rows, b.rows, a == b ? "  " + a.sha256.prefix(16) : Messages.t("copy.differs")) + "\n")
                }
                printOut(Messages.t(same ? "copy.done" : "copy.failed", result.from.count) + "\n")
            }
            if !same { throw ExitCode(1) }
        }
    }
}
