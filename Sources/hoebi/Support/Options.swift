import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiSources
import HoebiStore
import HoebiWiring

struct Common: ParsableArguments {
    @Option(name: .long, help: h("Configuration file (default: $HOEBI_CONFIG or ./hoebi.json)."))
    var config: String?

    @Option(name: .long, help: h("Group id from the configuration (optional when there is only one)."))
    var group: String?

    /// Readers (`.read`) open the ledger read-only, so they never wait for or block a writer.
    func open(_ access: Workspace.Access = .write) async throws -> (Workspace, Group) {
        let ws = try await Workspace.open(config: config, access: access)
        Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
        for w in ws.notes { printErr(Messages.t("warning", w) + "\n") }
        return (ws, try ws.config.group(group))
    }

    /// The ledger without choosing a group (treasurers and tokens belong to the ledger).
    func openAny(_ access: Workspace.Access = .write) async throws -> (Workspace, Configuration) {
        let ws = try await Workspace.open(config: config, access: access)
        Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
        for w in ws.notes { printErr(Messages.t("warning", w) + "\n") }
        return (ws, ws.config)
    }
}

/// What every command that changes a decision takes: who decides (for the audit trail) and
/// whether only to show what would change.
struct DecisionOptions: ParsableArguments {
    @Flag(help: h("Show what would change, change nothing.")) var dryRun = false
    @Option(help: h("Who decided (recorded in the audit trail).")) var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"
}

/// `--format` of the listing commands (runs, review, history, …): a table for people or JSON for
/// scripts. The report's other formats parse, so that `validate` can say where they belong.
struct ListFormat: ParsableArguments {
    struct Value: ExpressibleByArgument {
        let name: String
        private init(name: String) { self.name = name }
        init?(argument: String) {
            guard Self.allValueStrings.contains(argument) || ReportFormat.named(argument) != nil else { return nil }
            name = argument
        }
        static var allValueStrings: [String] { ["table", "json"] }
        var defaultValueDescription: String { name }
        static let table = Value(name: "table")
    }

    @Option(help: h("table or json.")) var format: Value = .table
    var json: Bool { format.name == "json" }

    func validate() throws {
        guard Value.allValueStrings.contains(format.name) else { throw ValidationError(Messages.t("error.formatList", format.name)) }
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
            ReportFormat.all.map { f in f.name + ": " + Messages.helpLanguage.pick(f.summary) }.joined(separator: "; ") + ".")
    }
}
