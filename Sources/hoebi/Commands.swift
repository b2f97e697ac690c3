import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("import"),
            discussion: Self.formats + Messages.help("import.discussion"))

        /// The layouts, one line each, from the registry (`StatementLayout.all`).
        static var formats: String {
            let width = StatementLayout.all.map { $0.name.count }.max() ?? 0
            return Messages.help("import.formats") + "\n"
                + StatementLayout.all.map { l in
                    "  " + l.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (Messages.helpLanguage == .ko ? l.summary.ko : l.summary.en)
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
                guard let p = getpass("Password for \(name): ") else { throw AppError.usage(Messages.t("error.noPassword")) }
                return String(cString: p)
            }
        }

        func run() throws {
            let (ws, group) = try common.open()
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: url.path) else { throw ExitCodeError.notFound(file) }
            // Asked at the terminal, a mistyped password may be tried again (three tries in all).
            let asked = passwordFile == nil && passwordEnv == nil && isatty(0) != 0
            var tries = 0
            var result: Ledger.ImportResult?
            while result == nil {
                do {
                    result = try Ledger(store: ws.store).importFile(
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
            printOut(Messages.t("import.summary", file, r.layout, r.counts.new, r.counts.known, r.counts.ignored) + "\n")
            printOut(Messages.t("match.summary", r.match.deposits, r.match.allocated, r.match.review, r.match.other) + "\n")
            if r.breaks.isEmpty {
                printOut(Messages.t("balance.continuous") + "\n")
            } else {
                printOut(Messages.t("balance.breaks", r.breaks.count) + "\n")
                for b in r.breaks.prefix(20) { printOut("  \(b)\n") }
                if r.breaks.count > 20 { printOut(Messages.t("more", r.breaks.count - 20) + "\n") }
            }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("match"),
            discussion: tr("Deterministic: the same ledger, configuration and decisions always give the same result. Treasurer decisions are kept."))
        @OptionGroup var common: Common

        func run() throws {
            let (ws, group) = try common.open()
            let s = try Ledger(store: ws.store).rematch(group)
            for w in s.warnings { printErr(Messages.t("warning", w) + "\n") }
            printOut(Messages.t("match.summary", s.deposits, s.allocated, s.review, s.other) + "\n")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("review"),
            discussion: tr("Decide each with `hoebi assign TXN MEMBER` or `hoebi ignore TXN --reason …`."))
        @OptionGroup var common: Common
        @OptionGroup var listing: ListFormat

        func run() throws {
            let (ws, group) = try common.open(.read)
            let r = try Ledger(store: ws.store).report(group, from: nil, to: nil)
            for w in r.warnings { printErr(Messages.t("warning", w) + "\n") }
            if listing.json {
                try printDocument(JSONShapes.review(r.review))
            } else {
                printOut(ReviewList.render(r.review))
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("assign"),
            discussion: Messages.help("assign.discussion"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t77.")) var transaction: String
        @Argument(help: h("Member id, or the member's name when no one else has it.")) var member: String
        @Option(help: h("Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.")) var periods: String?
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            var list: [Period] = []
            for p in (periods ?? "").split(separator: ",") {
                guard let period = Period(p.trimmingCharacters(in: .whitespaces)) else { throw AppError.usage(Messages.t("error.period", "--period", p)) }
                list.append(period)
            }
            let target = try group.resolveMember(member)
            let effect = try Ledger(store: ws.store).decide(
                group, transaction: transaction, .assign(member: target.id, periods: list),
                by: decision.by, only: only, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }

    struct Ignore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("ignore"),
            discussion: tr("The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given."))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id, e.g. t80.")) var transaction: String
        @Option(help: h("Why it is not dues (shown in the report).")) var reason: String
        @Flag(help: h("Decide this deposit only; do not remember its text.")) var only = false
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let effect = try Ledger(store: ws.store).decide(
                group, transaction: transaction, .ignore(reason: reason), by: decision.by, only: only, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("clear"))
        @OptionGroup var common: Common
        @Argument(help: h("Transaction id.")) var transaction: String
        @OptionGroup var decision: DecisionOptions

        func run() throws {
            let (ws, group) = try common.open()
            let effect = try Ledger(store: ws.store).decide(group, transaction: transaction, .clear, by: decision.by, dryRun: decision.dryRun)
            printEffect(effect, group: group)
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("report"),
            discussion: Messages.help("report.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("First period: 2026-03, 2026-Q1, 2026-H1 or 2026 (default: a year or so before --to, not before the schedule's start).")) var from:
            String?
        @Option(help: h("Last period, as --from (default: the current period).")) var to: String?
        @Option(help: ReportFormatArgument.help) var format: ReportFormatArgument = .table
        @Option(help: h("Write to this file instead of the terminal (xlsx: default 회비현황-GROUP.xlsx).")) var output: String?
        @Flag(help: h("Every period, however wide (the table otherwise fits the terminal: $COLUMNS or its width).")) var wide = false
        @Flag(help: h("HTML: mask members' names and leave out deposit texts, for sharing beyond the treasurer.")) var mask = false
        @Option(help: h("CSV layout: grid (members × periods, Korean, opens in Excel) or long (a line per member and period, for scripts).")) var layout:
            ReportCSV.Layout = .grid

        func run() throws {
            let (ws, group) = try common.open(.read)
            let r = try Ledger(store: ws.store).report(group, from: try period(from, "--from"), to: try period(to, "--to"))
            for w in r.warnings { printErr(Messages.t("warning", w) + "\n") }
            func emit(_ text: String) throws {
                guard let output else {
                    printOut(text)
                    return
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                printErr(Messages.t("wrote", output) + "\n")
            }
            let options = ReportFormat.Options(width: wide || output != nil ? nil : terminalWidth(), mask: mask, csvLayout: layout)
            switch format.format.output {
            case .text(let render): try emit(try render(r, options))
            case .file(let defaultName, let write):
                let file = output ?? defaultName(group)
                try write(r, URL(fileURLWithPath: file), options)
                printOut(Messages.t("wrote.xlsx", file) + "\n")
            }
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("notice"),
            discussion: Messages.help("notice.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("Period: 2026-03, 2026-Q1, 2026-H1 or 2026 in the group's cycle (default: the current one).")) var period: String?
        @Option(help: h("Mustache template file.")) var template: String?
        @Option(help: h("auto, full or compact (auto: compact above 20 names).")) var layout: NoticeRenderer.Layout = .auto
        @Flag(help: h("Mask members' names (홍*동).")) var mask = false
        @Flag(help: h("Mask the account number too (3333-**-***4567).")) var maskAccount = false
        @Flag(help: h("List only who has not paid.")) var unpaidOnly = false

        func run() throws {
            let (ws, group) = try common.open(.read)
            var o = Ledger.NoticeOptions(
                period: try hoebi.period(period, "--period"), mask: mask, maskAccount: maskAccount,
                layout: layout, unpaidOnly: unpaidOnly)
            if let template {
                guard let t = try? String(contentsOfFile: template, encoding: .utf8) else { throw ExitCodeError.notFound(template) }
                o.template = (t, template)
            }
            printOut(try Ledger(store: ws.store).notice(group, o))
        }
    }

    struct Remind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("remind"),
            discussion: tr("Example: hoebi remind 홍길동   (a name works when no one else has it)"))
        @OptionGroup var common: Common
        @Argument(help: h("Member id or name.")) var member: String
        @Option(help: h("Up to which period (default: the current one).")) var period: String?
        @Flag(help: h("Mask the account number.")) var maskAccount = false

        func run() throws {
            let (ws, group) = try common.open(.read)
            let m = try group.resolveMember(member)
            let p = (try hoebi.period(period, "--period") ?? SeoulTime.now.period).within(group.dues.cycle)
            let r = try Ledger(store: ws.store).report(group, from: group.firstPeriod, to: p)
            guard let text = Reminder.render(report: r, member: m.id, period: p, maskAccount: maskAccount) else {
                throw AppError.usage(Messages.t("error.noMember", member))
            }
            printOut(text)
        }
    }
}

func period(_ s: String?, _ flag: String) throws -> Period? {
    guard let s else { return nil }
    guard let p = Period(s) else { throw AppError.usage(Messages.t("error.period", flag, s)) }
    return p
}

enum ExitCodeError: Error, CustomStringConvertible {
    case notFound(String)
    var description: String {
        switch self {
        case .notFound(let f): return Messages.t("error.noFile", f)
        }
    }
}

/// The terminal's width: `$COLUMNS`, or the tty's; nil when output goes to a file or pipe.
func terminalWidth() -> Int? {
    if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 20 { return c }
    guard isatty(1) != 0 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
}
