import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// Receipts for the auditor: `hoebi receipt add t90 영수증.jpg`.
    struct ReceiptCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receipt", abstract: Messages.help("receipt"), subcommands: [Add.self, List.self, Get.self, Remove.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("receipt.add"), discussion: tr("Example: hoebi receipt add t90 영수증.jpg"))
            @OptionGroup var common: Common
            @Argument(help: h("The withdrawal, e.g. t90.")) var transaction: String
            @Argument(help: h("The photo or PDF.")) var file: String
            @OptionGroup var decision: DecisionOptions

            func run() async throws {
                let (ws, group) = try await common.open()
                let name = (file as NSString).lastPathComponent
                guard let data = FileManager.default.contents(atPath: file) else { throw ExitCodeError.notFound(file) }
                let bytes = [UInt8](data)
                if let why = ReceiptKind.problem(bytes, name: name) { throw AppError.usage(why) }
                let id = try Ledger.transactionID(transaction)
                let info = try await ws.store.addReceipt(
                    group: group, transaction: id, file: ReceiptFile(name: name, mediaType: ReceiptKind.mediaType(of: bytes) ?? "", bytes: bytes),
                    by: decision.by)
                printOut(Messages.t("receipt.added", id, name, info.id) + "\n")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("receipt.list"))
            @OptionGroup var common: Common
            @Option(help: h("Only this year.")) var year: Int?
            @Option(help: h("text or json.")) var format: Hoebi.EventCommand.Layout = .text

            func run() async throws {
                let (ws, group) = try await common.open(.read)
                let ledger = Ledger(store: ws.store)
                let receipts = await Dictionary(grouping: try ws.store.receipts(of: group), by: \.transaction)
                var out = try await ledger.bookRows(group).filter { !$0.incoming }
                if let year { out = out.filter { $0.line.time.year == year } }
                if format == .json {
                    return try printJSON(
                        out.map { r -> [String: Any] in
                            [
                                "id": "t\(r.line.id)", "time": r.line.time.iso8601, "amount": r.line.amount, "text": r.line.text,
                                "receipts": (receipts[r.line.id] ?? []).map {
                                    ["id": "r\($0.id)", "name": $0.name, "type": $0.mediaType, "size": $0.size, "sha256": $0.sha256]
                                }
                            ]
                        })
                }
                for r in out {
                    let files = (receipts[r.line.id] ?? []).map { "r\($0.id) \($0.name)" }.joined(separator: ", ")
                    printOut(CategoryCommand.row(r) + "  " + (files.isEmpty ? "—" : "🧾 " + files) + "\n")
                }
                let missing = out.filter { receipts[$0.line.id] == nil }.count
                if missing > 0 { printOut(Messages.t("receipt.missing", missing) + "\n") }
            }
        }

        struct Get: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("receipt.get"))
            @OptionGroup var common: Common
            @Argument(help: h("The receipt, e.g. r3.")) var receipt: String
            @Option(help: h("Write to this file (default: the receipt's own name).")) var output: String?

            func run() async throws {
                let (ws, group) = try await common.open(.read)
                let id = try ReceiptCommand.id(receipt)
                guard let (info, bytes) = try await ws.store.receiptFile(group: group, id: id) else { throw AppError.usage(Messages.t("receipt.none", id)) }
                let path = output ?? info.name
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                printOut(Messages.t("closing.written", path) + "\n")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("receipt.remove"))
            @OptionGroup var common: Common
            @Argument(help: h("The receipt, e.g. r3.")) var receipt: String

            func run() async throws {
                let (ws, group) = try await common.open()
                let id = try ReceiptCommand.id(receipt)
                guard try await ws.store.removeReceipt(group: group, id: id) else { throw AppError.usage(Messages.t("receipt.none", id)) }
                printOut(Messages.t("receipt.removed", id) + "\n")
            }
        }

        static func id(_ s: String) throws -> Int64 {
            guard let id = Ledger.number(s, prefix: "r") else { throw AppError.usage(Messages.t("receipt.none", s)) }
            return id
        }
    }
}
