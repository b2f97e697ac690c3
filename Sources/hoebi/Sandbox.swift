import ArgumentParser
import Foundation
import HoebiCore
import HoebiSandbox

extension Hoebi {
    struct Sandbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("sandbox"),
            discussion: """
            Serves a deterministic generated history (a 40-member club, 2024-01…2026-10) through all
            four APIs, with their auth, envelopes, encodings, paging and error codes. Faults:
              --fault 5xx:3            the next 3 data calls answer 503
              --fault slow:3000        the next data call waits 3 s
              --fault expired          the next data call finds its token expired
              --fault ratelimit:2      the next 2 data calls are rate-limited
              --fault malformed        the next data call gets a broken body
              --fault endless          the pager never ends (KFTC, Koscom)
              --fault repeat:3+2       the previous page again under a new cursor (KFTC, Koscom)
              --fault 5xx:100+4        let 4 calls through, then fail 100 (a sync dying midway)
            …@path limits a fault to paths containing it. The same can be armed at run time with
            POST /_sandbox/faults {"kind": "5xx", "count": 2}, or per request with X-Sandbox-Fault.
            """)
        @Option(help: "Port on 127.0.0.1 (0 = any free port).") var port: Int = 8089
        @Option(help: "History seed.") var seed: UInt64 = 1
        @Option(parsing: .singleValue, help: "Fault to inject (repeatable).") var fault: [String] = []

        func run() async throws {
            var faults: [Fault] = []
            for f in fault {
                guard let parsed = Fault(spec: f) else { throw ValidationError("--fault '\(f)': expected e.g. 5xx:3, slow:2000, expired, ratelimit, malformed, endless, repeat") }
                faults.append(parsed)
            }
            let sandbox = try BankSandbox(seed: seed, faults: faults)
            let rows = sandbox.history.rows.count
            try await sandbox.run(port: port) { port in
                printOut("""
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
