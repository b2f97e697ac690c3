import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiSources
import HoebiWiring

extension Hoebi {
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("parse"),
            discussion: Messages.help("parse.discussion"))
        @Option(help: h("woori, codef, kftc or koscom.")) var source: String
        @Option(help: h("CODEF organisation code (0004 KB, 0003 IBK, …): which description holds the depositor.")) var organization: String = ""
        @Argument(help: h("Response body file (JSON; CODEF's URL-encoded bodies are decoded).")) var file: String

        func run() throws {
            guard let codec = Codecs.named(source, organization: organization) else {
                throw AppError.usage("unknown source '\(source)'; known: \(Codecs.names.joined(separator: ", "))")
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw ExitCodeError.notFound(file) }
            let parsed = try codec.parseTransactions(data, account: source)
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for t in parsed.transactions {
                let line = Line(
                    date: t.time.iso8601, direction: t.direction.rawValue, amount: t.amount, balance: t.balance,
                    kind: t.kind, text: t.text, memo: t.memo, origin: t.origin)
                printOut(String(decoding: try enc.encode(line), as: UTF8.self) + "\n")
            }
            for s in parsed.skipped { printErr("skipped \(s)\n") }
        }

        struct Line: Encodable {
            var date: String
            var direction: String
            var amount: Won
            var balance: Won?
            var kind: String
            var text: String
            var memo: String
            var origin: String
        }
    }
}
