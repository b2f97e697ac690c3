import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

extension Hoebi {
    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("remind"),
            discussion: tr("Example: hoebi remind 홍길동   (a name works when no one else has it)"))
        @OptionGroup var common: Common
        @Argument(help: h("Member id or name.")) var member: String
        @Option(help: h("Up to which period (default: the latest already due).")) var period: String?
        @Flag(help: h("Mask the account number.")) var maskAccount = false

        func run() async throws {
            let (ws, group) = try await common.open(.read)
            let m = try group.resolveMember(member)
            let p = (try hoebi.period(period, "--period") ?? group.latestDuePeriod(at: .now)).within(group.dues.cycle)
            let r = try await Ledger(store: ws.store).wholeReport(group, to: p)
            guard let text = Reminder.render(report: r, member: m.id, period: p, maskAccount: maskAccount) else {
                throw AppError.usage(Messages.t("error.noMember", member))
            }
            if !r.review.isEmpty { printErr(Messages.t("notice.openQuestions", r.review.count) + "\n") }
            printOut(text)
        }
    }
}
