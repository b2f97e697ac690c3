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
            Import.self, Match.self, Review.self, Assign.self, Ignore.self, Unassign.self, Clear.self, Undo.self, Runs.self, Revert.self, History.self,
            Transactions.self, Aliases.self, Explain.self, Init.self, MemberCommand.self, Remind.self,
            Report.self, Notice.self, Sync.self, Serve.self, User.self, Token.self, Backup.self, Connect.self, Accounts.self, Sandbox.self, Formats.self,
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

struct Common: ParsableArguments {
    @Option(name: .long, help: h("Configuration file (default: $HOEBI_CONFIG or ./hoebi.json)."))
    var config: String?

    @Option(name: .long, help: h("Group id from the configuration (optional when there is only one)."))
    var group: String?

    /// Readers (`.read`) open the ledger read-only, so they never wait for or block a writer.
    func open(_ access: Workspace.Access = .write) throws -> (Workspace, Group) {
        let ws = try Workspace.open(config: config, access: access)
        Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
        for w in ws.store.warnings + ws.notes { printErr(Messages.t("warning", w) + "\n") }
        return (ws, try ws.config.group(group))
    }

    /// The ledger without choosing a group (treasurers and tokens belong to the ledger).
    func openAny(_ access: Workspace.Access = .write) throws -> (Workspace, Configuration) {
        let ws = try Workspace.open(config: config, access: access)
        Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
        for w in ws.store.warnings + ws.notes { printErr(Messages.t("warning", w) + "\n") }
        return (ws, ws.config)
    }
}

/// What every command that changes a decision takes: who decides (for the audit trail) and
/// whether only to show what would change.
struct DecisionOptions: ParsableArguments {
    @Flag(help: h("Show what would change, change nothing.")) var dryRun = false
    @Option(help: h("Who decided (recorded in the audit trail).")) var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, html, xlsx
}

/// `--format` of the listing commands (runs, review, history, …): a table for people or JSON for
/// scripts. The report's other formats are refused with where they belong.
struct ListFormat: ParsableArguments {
    @Option(help: h("table or json.")) var format: OutputFormat = .table
    var json: Bool { format == .json }

    func validate() throws {
        guard format == .table || format == .json else { throw ValidationError(Messages.t("error.formatList", format.rawValue)) }
    }
}

extension ReportCSV.Layout: ExpressibleByArgument {}
extension NoticeRenderer.Layout: ExpressibleByArgument {}

/// `--format` of `hoebi report`: a name from the registry of report formats (`ReportFormat.all`).
struct ReportFormatArgument: ExpressibleByArgument {
    let format: ReportFormat
    init(_ format: ReportFormat) { self.format = format }
    init?(argument: String) {
        guard let f = ReportFormat.named(argument) else { return nil }
        format = f
    }
    static var allValueStrings: [String] { ReportFormat.all.map(\.name) }
    var defaultValueDescription: String { format.name }
    static let table = ReportFormatArgument(ReportFormat.all[0])

    /// Each format's line, in the reader's language.
    static var help: ArgumentHelp {
        ArgumentHelp(
            ReportFormat.all.map { f in f.name + ": " + (Messages.helpLanguage == .ko ? f.summary.ko : f.summary.en) }.joined(separator: "; ") + ".")
    }
}

/// The exit code each kind of error means (sysexits.h where one fits).
func exitCode(for error: any Error) -> Int32 {
    switch error {
    case is ImportError: return 65
    case is TemplateError: return 65
    case is ExitCodeError: return 66
    case let e as AppError:
        switch e {
        case .noConfig: return 66
        case .badConfig, .noMigrations: return 78
        case .usage: return 64
        case .busy: return 75
        }
    case is ConfigError, is ConfigErrors: return 78
    case let e as StoreError:
        switch e {
        case .busy, .syncRunning: return 75
        case .newerSchema, .migrationFailed, .noMigrations: return 78
        case .readOnlyFile, .readOnlyStore: return 77
        case .full, .io: return 74
        default: return 65
        }
    case is Money.Overflow: return 65
    case is SourceError: return 65
    default: return 1
    }
}

/// Writes to stdout. When the reader has gone (`hoebi report | head`), stop quietly instead of
/// trapping, as Foundation's non-throwing write does on a broken pipe.
func printOut(_ s: String) {
    do { try FileHandle.standardOutput.write(contentsOf: Data(s.utf8)) } catch { exit(0) }
}

/// One of the API's documents (HoebiAPI's types), as the service would send it but pretty.
func printDocument<T: Encodable>(_ document: T) throws {
    printOut(try JSONShapes.pretty(document) + "\n")
}

/// A JSON document for scripts: pretty, keys sorted (stable output to diff).
func printJSON(_ object: Any) throws {
    printOut(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n")
}

/// Option help in the reader's language (see `Messages.tr`).
func h(_ english: String) -> ArgumentHelp { ArgumentHelp(Messages.tr(english)) }
func tr(_ english: String) -> String { Messages.tr(english) }

func printErr(_ s: String) {
    try? FileHandle.standardError.write(contentsOf: Data(s.utf8))
}

func progress(_ s: String) {
    // Progress goes to stderr so that stdout stays clean for scripts.
    if isatty(2) != 0 { printErr("\r\(s)") }
}
