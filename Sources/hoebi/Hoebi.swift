import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiSources
import HoebiStore
import HoebiWiring

@main
struct Hoebi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoebi",
        abstract: Messages.help("hoebi"),
        discussion: Messages.help("hoebi.discussion"),

        version: "hoebi \(HoebiVersion.number) (schema \(Migration.latest))",
        subcommands: [
            Import.self, Match.self, Review.self, Assign.self, Collect.self, Split.self, Ignore.self, Unassign.self, Clear.self, Undo.self, Runs.self,
            Revert.self, History.self,
            Transactions.self, Aliases.self, Explain.self, Init.self, GroupCommand.self, DuesCommand.self, MemberCommand.self, HouseholdCommand.self,
            Remind.self,
            Report.self, Notice.self, ClosingCommand.self, EventCommand.self, CategoryCommand.self, ReceiptCommand.self, Export.self, ImportBundle.self,
            Sync.self, Serve.self, User.self, ConfigCommand.self,
            Token.self, Backup.self, CopyDB.self,
            Connect.self, Accounts.self, Sandbox.self,
            Formats.self,
            Parse.self, Evaluate.self, Demo.self, Bench.self
        ])

    /// The language is settled before any command runs (a command that opens a configuration
    /// refines it with the configuration's `"language"`).
    ///
    /// The one error handler: argument mistakes, help and `--version` as swift-argument-parser
    /// answers them; every other error as one line on stderr ("hoebi: …", in the reader's
    /// language) and the exit code its kind means (`exitCode(for:)`).
    static func fromArgumentParser(_ error: any Error) -> Bool {
        error is ExitCode || error is CleanExit || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    static func main() async {
        Messages.language = Language.from(environment: ProcessInfo.processInfo.environment)
        var command: any ParsableCommand
        do { command = try parseAsRoot(nil) } catch { exit(withError: error) }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            // The parser's own errors can surface from `run()` too (`hoebi help report` runs its
            // help command): those it prints and exits for itself, as its `main()` would.
            guard !Self.fromArgumentParser(error) else { exit(withError: error) }
            printErr("hoebi: \(error)\n")
            exit(withError: ExitCode(hoebi.exitCode(for: error)))
        }
    }
}

/// Raised with every release; `hoebi --version` also names the schema the binary writes.
enum HoebiVersion { static let number = "0.5.0" }
