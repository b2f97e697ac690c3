import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender

extension Hoebi {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("import"),
            discussion: """
            Formats (recognised from the header row's labels; --format to force one):
              kakaobank  KakaoBank 거래내역 .xlsx (also 모임통장), password-protected or not
              toss       Toss Bank 거래내역 .xlsx (password-protected) or .csv
              kb         KB국민 personal ("엑셀 저장", an HTML file named .xls) and 기업
              shinhan    신한 거래내역 (incl. the 거래내역조회 .xls)
              nh         NH농협 거래내역 (both layouts)
              hana       하나 거래내역
              woori      우리 최근거래내역조회 and the older 거래내역조회 (.xlsx, .xls or CSV)
              ibk        IBK기업 기업뱅킹 거래내역조회
              jeonbuk    전북은행 예금거래내역조회
              auto       any other bank whose labels are the usual ones (새마을금고, 케이뱅크, …)
              csv        Hoebi's generic CSV (see the README)
            Files are known by their content, not their name: .xlsx, old .xls, HTML tables, CSV or
            tab-separated text (UTF-8, UTF-16 or CP949). A file that states another account than the
            group's is refused (--other-account imports it anyway).
            Password-protected files are decrypted in memory; nothing
            decrypted is written to disk. Rows already stored are skipped, so importing the same or an
            overlapping statement again adds nothing. A bad row stops the import with its row and
            column, and nothing from that file is stored.
            """)
        @OptionGroup var common: Common
        @Argument(help: "Statement file (.xlsx or .csv).") var file: String
        @Option(help: "Force a layout instead of detecting it: kakaobank, toss, kb, shinhan, nh, hana, woori or csv.") var format: String?
        @Option(help: "File whose first line is the statement's password.") var passwordFile: String?
        @Option(help: "Environment variable holding the statement's password.") var passwordEnv: String?
        @Flag(help: "Import even when the file states another account than the group's (recorded in the audit trail).") var otherAccount = false
        @Flag(help: "Print the result as JSON.") var json = false

        /// Where the password comes from, asked only if the file is encrypted. Never logged.
        func passwordSource() throws -> (@Sendable () throws -> String)? {
            if let passwordFile {
                guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else { throw ExitCodeError.notFound(passwordFile) }
                let line = String(text.split(whereSeparator: \.isNewline).first ?? "")
                return { line }
            }
            if let passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[passwordEnv] else {
                    throw AppError.usage("--password-env \(passwordEnv): that environment variable is not set")
                }
                return { value }
            }
            guard isatty(0) != 0 else { return nil }
            let name = URL(fileURLWithPath: file).lastPathComponent
            return {
                guard let p = getpass("Password for \(name): ") else { throw AppError.usage("no password given") }
                return String(cString: p)
            }
        }

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                let url = URL(fileURLWithPath: file)
                guard FileManager.default.fileExists(atPath: url.path) else { throw ExitCodeError.notFound(file) }
                // Asked at the terminal, a mistyped password may be tried again (three tries in all).
                let asked = passwordFile == nil && passwordEnv == nil && isatty(0) != 0
                var tries = 0
                var result: Ledger.ImportResult?
                while result == nil {
                    do {
                        result = try Ledger(store: ws.store).importFile(url, group: group, format: format, password: try passwordSource(),
                                                                        otherAccount: otherAccount) { n in
                            progress("read \(n) rows…")
                        }
                    } catch let e as ImportError where asked && e.problem == "wrong password" && tries < 2 {
                        tries += 1
                        printErr("wrong password; try again (\(3 - tries) left)\n")
                    }
                }
                guard let r = result else { return }
                if isatty(2) != 0 { printErr("\r") }
                if json {
                    let doc: [String: Any] = ["file": file, "layout": r.layout, "new": r.counts.new, "known": r.counts.known,
                                              "ignored": r.counts.ignored, "breaks": r.breaks.map(\.description),
                                              "allocated": r.match.allocated, "review": r.match.review, "other": r.match.other]
                    try printJSON(doc)
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
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("match"),
            discussion: "Deterministic: the same ledger, configuration and decisions always give the same result. Treasurer decisions are kept.")
        @OptionGroup var common: Common

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                let s = try Ledger(store: ws.store).rematch(group)
                for w in s.warnings { printErr("hoebi: warning: \(w)\n") }
                printOut(Messages.t("match.summary", s.deposits, s.allocated, s.review, s.other) + "\n")
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("review"),
            discussion: "Decide each with `hoebi assign TXN MEMBER` or `hoebi ignore TXN --reason …`.")
        @OptionGroup var common: Common
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() throws {
            try hoebi.run {
                guard format == .table || format == .json else { throw AppError.usage("review: --format table or json (\(format.rawValue) is for `hoebi report`)") }
                let (ws, group) = try common.open(.read)
                let r = try Ledger(store: ws.store).report(group, from: nil, to: nil)
                for w in r.warnings { printErr("hoebi: warning: \(w)\n") }
                if format == .json {
                    let items: [[String: Any]] = r.review.map {
                        var d: [String: Any] = ["id": "t\($0.id)", "date": $0.time.iso8601, "amount": $0.amount, "text": $0.text, "reason": $0.reason ?? ""]
                        if let s = $0.suggestion { d["suggestion"] = s }
                        return d
                    }
                    try printJSON(items)
                } else {
                    printOut(ReviewList.render(r.review))
                }
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("assign"),
            discussion: """
            The depositor text is remembered for next time, unless it fits several members (same
            name), reads as another member's name, or --only is given: then only this deposit is
            decided. Deposits with their own decision are never moved by a remembered text.
            Example: hoebi assign t77 hong --periods 2026-03,2026-04   (or the member's name: 홍길동)
            """)
        @OptionGroup var common: Common
        @Argument(help: "Transaction id, e.g. t77.") var transaction: String
        @Argument(help: "Member id, or the member's name when no one else has it.") var member: String
        @Option(help: "Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.") var periods: String?
        @Flag(help: "Decide this deposit only; do not remember its text.") var only = false
        @Flag(help: "Show what would change, change nothing.") var dryRun = false
        @Option(help: "Who decided (recorded in the audit trail).") var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                var list: [Period] = []
                for p in (periods ?? "").split(separator: ",") {
                    guard let period = Period(p.trimmingCharacters(in: .whitespaces)) else { throw AppError.usage("'\(p)' is not a period; write 2026-03, 2026-Q1, 2026-H1 or 2026") }
                    list.append(period)
                }
                let target = try group.resolveMember(member)
                let effect = try Ledger(store: ws.store).decide(group, transaction: transaction, .assign(member: target.id, periods: list),
                                                                by: by, only: only, dryRun: dryRun)
                printEffect(effect, group: group)
            }
        }
    }

    struct Ignore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("ignore"),
            discussion: "The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given.")
        @OptionGroup var common: Common
        @Argument(help: "Transaction id, e.g. t80.") var transaction: String
        @Option(help: "Why it is not dues (shown in the report).") var reason: String
        @Flag(help: "Decide this deposit only; do not remember its text.") var only = false
        @Flag(help: "Show what would change, change nothing.") var dryRun = false
        @Option(help: "Who decided.") var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                let effect = try Ledger(store: ws.store).decide(group, transaction: transaction, .ignore(reason: reason), by: by, only: only, dryRun: dryRun)
                printEffect(effect, group: group)
            }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("clear"))
        @OptionGroup var common: Common
        @Argument(help: "Transaction id.") var transaction: String
        @Flag(help: "Show what would change, change nothing.") var dryRun = false
        @Option(help: "Who decided.") var by: String = ProcessInfo.processInfo.environment["USER"] ?? "treasurer"

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open()
                let effect = try Ledger(store: ws.store).decide(group, transaction: transaction, .clear, by: by, dryRun: dryRun)
                printEffect(effect, group: group)
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("report"),
            discussion: """
                Statuses: paid (완납), partial (일부), unpaid (미납), exempt (면제), paused (휴회, on leave),                 inactive (-, not a member then).
                Columns are the group's periods (dues.cycle): months 2026-03, quarters 2026-Q1, halves                 2026-H1 or years 2026. A member with their own cycle (e.g. yearly) is marked (연납); their                 money counts in the column where their period begins, their status shows in every column it covers.
                """)
        @OptionGroup var common: Common
        @Option(help: "First period: 2026-03, 2026-Q1, 2026-H1 or 2026 (default: a year or so before --to, not before the schedule's start).") var from: String?
        @Option(help: "Last period, as --from (default: the current period).") var to: String?
        @Option(help: "table, csv, json, html or xlsx (a workbook: grid with colours, deposits, expenses).") var format: OutputFormat = .table
        @Option(help: "Write to this file instead of the terminal (xlsx: default 회비현황-GROUP.xlsx).") var output: String?
        @Flag(help: "Every period, however wide (the table otherwise fits the terminal: $COLUMNS or its width).") var wide = false
        @Flag(help: "HTML: mask members' names and leave out deposit texts, for sharing beyond the treasurer.") var mask = false
        @Option(help: "CSV layout: grid (members × periods, Korean, opens in Excel) or long (a line per member and period, for scripts).") var layout: String = "grid"

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open(.read)
                let r = try Ledger(store: ws.store).report(group, from: try period(from, "--from"), to: try period(to, "--to"))
                for w in r.warnings { printErr("hoebi: warning: \(w)\n") }
                func emit(_ text: String) throws {
                    guard let output else { printOut(text); return }
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                    printErr("wrote \(output)\n")
                }
                switch format {
                case .xlsx:
                    let file = output ?? "회비현황-\(group.id).xlsx"
                    try ReportWorkbook.write(r, to: URL(fileURLWithPath: file), mask: mask)
                    printOut("wrote \(file): 회비 현황, 입금, 출금\n")
                case .table: try emit(ReportTable.render(r, width: wide || output != nil ? nil : terminalWidth()))
                case .csv:
                    guard let l = ReportCSV.Layout(rawValue: layout) else { throw AppError.usage("--layout grid or long") }
                    try emit(ReportCSV.render(r, layout: l))
                case .json: try emit(try ReportJSON.render(r) + "\n")
                case .html: try emit(ReportHTML.render(r, mask: mask))
                }
            }
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("notice"),
            discussion: """
            --mask hides members' names (홍*동) for sharing outside the group; the account to pay into,
            its holder and the treasurer stay readable (--mask-account masks the number too).
            Large groups get a compact layout (names on one line) unless --layout full.
            --template FILE uses your own Mustache template (start it with {{% CONTENT_TYPE: TEXT}});
            a misspelt variable is an error with its line, never a blank.
            """)
        @OptionGroup var common: Common
        @Option(help: "Period: 2026-03, 2026-Q1, 2026-H1 or 2026 in the group's cycle (default: the current one).") var period: String?
        @Option(help: "Mustache template file.") var template: String?
        @Option(help: "auto, full or compact (auto: compact above 20 names).") var layout: String = "auto"
        @Flag(help: "Mask members' names (홍*동).") var mask = false
        @Flag(help: "Mask the account number too (3333-**-***4567).") var maskAccount = false
        @Flag(help: "List only who has not paid.") var unpaidOnly = false

        func run() throws {
            try hoebi.run {
                guard let layout = NoticeRenderer.Layout(rawValue: layout) else { throw AppError.usage("--layout auto, full or compact") }
                let (ws, group) = try common.open(.read)
                let p = (try hoebi.period(period, "--period") ?? SeoulTime.now.period).within(group.dues.cycle)
                let r = try Ledger(store: ws.store).report(group, from: max(group.firstPeriod, p.advanced(by: -(group.dues.cycle.reportSpan - 1))), to: p)
                var text: String?
                if let template {
                    guard let t = try? String(contentsOfFile: template, encoding: .utf8) else { throw ExitCodeError.notFound(template) }
                    text = t
                }
                printOut(try NoticeRenderer.render(HoebiCore.Notice(report: r, period: p, mask: mask, maskAccount: maskAccount), template: text,
                                                   name: template ?? "notice template", layout: layout, unpaidOnly: unpaidOnly))
            }
        }
    }

    struct Remind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("remind"),
            discussion: "Example: hoebi remind 홍길동   (a name works when no one else has it)")
        @OptionGroup var common: Common
        @Argument(help: "Member id or name.") var member: String
        @Option(help: "Up to which period (default: the current one).") var period: String?
        @Flag(help: "Mask the account number.") var maskAccount = false

        func run() throws {
            try hoebi.run {
                let (ws, group) = try common.open(.read)
                let m = try group.resolveMember(member)
                let p = (try hoebi.period(period, "--period") ?? SeoulTime.now.period).within(group.dues.cycle)
                let r = try Ledger(store: ws.store).report(group, from: group.firstPeriod, to: p)
                guard let text = Reminder.render(report: r, member: m.id, period: p, maskAccount: maskAccount) else { throw AppError.usage("no member '\(member)'") }
                printOut(text)
            }
        }
    }
}

func period(_ s: String?, _ flag: String) throws -> Period? {
    guard let s else { return nil }
    guard let p = Period(s) else { throw AppError.usage("\(flag) '\(s)' is not a period; write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026") }
    return p
}

enum ExitCodeError: Error, CustomStringConvertible {
    case notFound(String)
    var description: String {
        switch self { case .notFound(let f): return "\(f): no such file" }
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
