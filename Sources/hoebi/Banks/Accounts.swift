import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import HoebiWiring

extension Hoebi {
    struct Accounts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("accounts"),
            discussion: tr("Woori getIndivAllAccInfo, CODEF account-list (after creating the connectedId), KFTC account/list (after hoebi connect kftc)."))
        @OptionGroup var common: Common

        func run() async throws {
            do {
                let (ws, group) = try await common.open()
                guard let sync = group.sync else { throw AppError.usage(Messages.t("error.groupNoSync", group.id)) }
                let accounts = try await HTTPTransport.using { transport in
                    let engine = SyncEngine(store: ws.store, transport: transport, baseFolder: ws.configURL.deletingLastPathComponent())
                    return try await Sources.make(engine.settings(sync), transport: transport, credentials: ws.store).accounts()
                }
                if accounts.isEmpty { printOut("\(sync.source) has no account list; give the account in the sync settings\n") }
                let width = accounts.map { DisplayWidth.of($0.id) }.max() ?? 0
                for a in accounts {
                    printOut(DisplayWidth.padRight(a.id, to: width) + "  " + a.number + "  " + a.name + (a.balance.map { "  \($0.grouped)원" } ?? "") + "\n")
                }
            }
        }
    }
}
