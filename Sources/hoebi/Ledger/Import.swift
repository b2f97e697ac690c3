import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("import"),
            discussion: Self.formats + Messages.help("import.discussion"))

        /// The layouts, one line each, from the registry (`StatementLayout.all`).
        static var formats: String {
            let width = StatementLayout.all.map { $0.name.count }.max() ?? 0
            return Messages.help("import.formats") + "\n"
                + StatementLayout.all.map { l in
                    "  " + l.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Messages.helpLanguage.pick(l.summary)
                        + "\n"
                }.joined()
        }
        @OptionGroup var common: Common
        @Argument(help: h("Statement file (.xlsx or .csv).")) var file: String
        @Option(help: ArgumentHelp(tr("Force a layout instead of detecting it:") + " " + StatementLayout.all.map(\.name).joined(separator: ", ")))
        var format: String?
        @Option(help: h("File whose first line is the statement's password.")) var passwordFile: String?
        @Option(help: h("Environment variable holding the statement's password.")) var passwordEnv: String?
        @Flag(help: h("Import even when the file states another account than the group's (recorded in the audit trail).")) var otherAccount = false
        @Flag(help: h("Print the result as JSON.")) var json = false
        @Flag(help: h("Show what the import would add and decide, writing nothing (tried on a copy of the ledger).")) var dryRun = false

        /// Where the password comes from, asked only if the file is encrypted. Never logged.
        func passwordSource() throws -> (@Sendable () throws -> String)? {
            if let passwordFile {
                guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else { throw ExitCodeError.notFound(passwordFile) }
                let line = String(text.split(whereSeparator: \.isNewline).first ?? "")
                return { line }
            }
            if let passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[passwordEnv] else {
                    throw AppError.usage(Messages.t("error.passwordEnv", passwordEnv))
                }
                return { value }
            }
            guard isatty(0) != 0 else { return nil }
            let name = URL(fileURLWithPath: file).lastPathComponent
            return {
                guard let p = getpass(Messages.t("password.prompt", name)) else { throw AppError.usage(Messages.t("error.noPassword")) }
                return String(cString: p)
            }
        }

        func run() async throws {
            var preview: (workspace: Workspace, cleanup: @Sendable () -> Void)?
            if dryRun {
                preview = try await Workspace.scratch(config: common.config)
                Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: preview?.workspace.config.language)
            }
            defer { preview?.cleanup() }
            let (ws, group) = if let preview { (preview.workspace, try preview.workspace.config.group(common.group)) } else { try await common.open() }
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: url.path) else { throw ExitCodeError.notFound(file) }
            // Asked at the terminal, a mistyped password may be tried again (three tries in all).
            let asked = passwordFile == nil && passwordEnv == nil && isatty(0) != 0
            var tries = 0
            var result: Ledger.ImportResult?
            while result == nil {
                do {
                    result = try await Ledger(store: ws.store).importFile(
                        url, group: group, format: format, password: try passwordSource(),
                        otherAccount: otherAccount, shownAs: file
                    ) { n in
                        progress(Messages.t("progress.rows", n))
                    }
                } catch let e as ImportError where asked && e.problem == Messages.t("import.wrongPassword") && tries < 2 {
                    tries += 1
                    printErr(Messages.t("password.again", 3 - tries) + "\n")
                }
            }
            guard let r = result else { return }
            if isatty(2) != 0 { printErr("\r") }
            if json {
                // The API's document (`Imported` in api/openapi.json), without its message in words.
                try printDocument(JSONShapes.imported(r))
                return
            }
            if dryRun { printOut(Messages.t("import.preview") + "\n") }
            printOut(Messages.t("import.summary", file, r.layout, r.counts.new, r.counts.known, r.counts.ignored) + "\n")
            if let s = r.skippedLine { printOut(s + "\n") }
            if let w = r.scheduleWarning { printErr(Messages.t("warning", w) + "\n") }
            for w in r.joinWarnings { printErr(Messages.t("warning", w) + "\n") }
            printOut(Messages.t("match.summary", r.match.deposits, r.match.allocated, r.match.review, r.match.other) + "\n")
            if r.breaks.isEmpty {
                printOut(Messages.t("balance.continuous") + "\n")
            } else {
                printOut(Messages.t("balance.breaks", r.breaks.count) + "\n")
                for b in r.breaks.prefix(20) { printOut("  \(b)\n") }
                if r.breaks.count > 20 { printOut(Messages.t("more", r.breaks.count - 20) + "\n") }
            }
            if dryRun {
                // What a person would be asked, as `hoebi review` would list it after the import.
                let review = try await Ledger(store: ws.store).report(group, from: nil, to: nil).review
                if !review.isEmpty { printOut(ReviewList.render(Array(review.prefix(10)), names: group.displayNames())) }
                if review.count > 10 { printOut(Messages.t("more", review.count - 10) + "\n") }
                printOut(Messages.t("import.previewNext", file) + "\n")
            } else if r.counts.new > 0 {
                printOut(Messages.t("import.undoHint", r.counts.runID) + "\n")
            }
        }
    }
}
