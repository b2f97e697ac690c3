import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("notice"),
            discussion: Messages.help("notice.discussion"))
        @OptionGroup var common: Common
        @Option(help: h("Period: 2026-03, 2026-Q1, 2026-H1 or 2026 in the group's cycle (default: the latest already due).")) var period: String?
        @Option(help: h("Mustache template file.")) var template: String?
        @Option(help: h("auto, full or compact (auto: compact above 20 names).")) var layout: NoticeRenderer.Layout = .auto
        @Flag(help: h("Mask members' names (홍*동).")) var mask = false
        @Flag(help: h("Mask the account number too (3333-**-***4567).")) var maskAccount = false
        @Flag(help: h("List only who has not paid.")) var unpaidOnly = false
        @Option(help: h("An event's notice instead (who paid its fee, who has not): hoebi notice --event 송년회.")) var event: String?

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            if let event {
                let b = try await Ledger(store: ws.store).eventBook(group, event)
                if b.openQuestions > 0 { printErr(Messages.t("event.notice.warning", b.openQuestions, b.event.name) + "\n") }
                return printOut(EventText.notice(b, group: group, mask: mask))
            }
            var o = Ledger.NoticeOptions(
                period: try hoebi.period(period, "--period"), mask: mask, maskAccount: maskAccount,
                layout: layout, unpaidOnly: unpaidOnly)
            if let template {
                guard let t = try? String(contentsOfFile: template, encoding: .utf8) else { throw ExitCodeError.notFound(template) }
                o.template = (t, template)
            }
            let n = try await Ledger(store: ws.store).noticeText(group, o)
            // On stderr: what a treasurer pipes into the chat (`hoebi notice | pbcopy`) is the notice alone.
            if let w = n.warning { printErr(w + "\n") }
            printOut(n.text)
        }
    }
}
