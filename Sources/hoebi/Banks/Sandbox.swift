import ArgumentParser
import Foundation
import HoebiCore
import HoebiSandbox

extension Hoebi {
    struct Sandbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("sandbox"),
            discussion: Messages.help("sandbox.discussion"))
        @Option(help: h("Port on 127.0.0.1 (0 = any free port).")) var port: Int = 8089
        @Option(help: h("History seed.")) var seed: UInt64 = 1
        @Option(parsing: .singleValue, help: h("Fault to inject (repeatable).")) var fault: [String] = []

        func run() async throws {
            var faults: [Fault] = []
            for f in fault {
                guard let parsed = Fault(spec: f) else {
                    throw ValidationError("--fault '\(f)': expected e.g. 5xx:3, slow:2000, expired, ratelimit, malformed, endless, repeat")
                }
                faults.append(parsed)
            }
            let sandbox = try BankSandbox(seed: seed, faults: faults)
            let rows = sandbox.history.rows.count
            try await sandbox.run(port: port) { port in
                printOut(
                    """
                    hoebi sandbox listening on http://127.0.0.1:\(port)  (\(rows) transactions, seed \(seed))
                      woori   appKey \(BankSandbox.Credentials.wooriAppKey), account \(BankSandbox.Credentials.wooriAccount)
                      codef   clientId \(BankSandbox.Credentials.codefClientID) / \(BankSandbox.Credentials.codefClientSecret), organization \(BankSandbox.Credentials.codefOrganization), account \(BankSandbox.Credentials.wooriAccount), accountPassword \(BankSandbox.Credentials.codefAccountPassword)
                              publicKey: GET /_sandbox/codef-public-key
                      kftc    clientId \(BankSandbox.Credentials.kftcClientID) / \(BankSandbox.Credentials.kftcClientSecret), clientUseCode \(BankSandbox.Credentials.kftcClientUseCode), fintechUseNum \(BankSandbox.Credentials.kftcFintechUseNum)
                      koscom  apiKey \(BankSandbox.Credentials.koscomAPIKey), vtAccNo \(BankSandbox.Credentials.koscomVirtualAccount)
                    Ctrl-C stops it.

                    """)
            }
        }
    }
}
