import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiOffice
import HoebiRender
import HoebiWiring
import ZIPFoundation

extension Hoebi {
    /// The handover when the 총무 changes: everything the next treasurer needs in one file.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("export"), discussion: tr("Example: hoebi export 산악회-인계.zip; on the new machine: hoebi import-bundle 산악회-인계.zip"))
        @OptionGroup var common: Common
        @Argument(help: h("The bundle to write (must not exist yet).")) var file: String

        func run() async throws {
            let (ws, config) = try await common.openAny(.read)
            guard !FileManager.default.fileExists(atPath: file) else { throw AppError.usage(Messages.t("error.exists", file)) }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-export-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: dir) }
            // The configuration as it is, naming the ledger beside it.
            var object = (try JSONSerialization.jsonObject(with: Data(contentsOf: ws.configURL)) as? [String: Any]) ?? [:]
            object["database"] = Bundle.database
            object["migrations"] = nil
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                .write(to: dir.appendingPathComponent(Bundle.config))
            try await ws.store.handoverCopy(to: dir.appendingPathComponent(Bundle.database).path)
            // Each year's 결산, as the annual meetings saw it.
            let ledger = Ledger(store: ws.store)
            var years: [Int] = []
            for g in config.groups {
                guard let last = try await ws.store.latestTime(account: g.account.key)?.year else { continue }
                for y in g.firstPeriod.year...max(g.firstPeriod.year, last) {
                    guard let f = Period(year: y, month: 1), let t = Period(year: y, month: 12) else { continue }
                    let c = try await ledger.closing(g, from: f, to: t)
                    try printableJSON(JSONShapes.closingObject(c)).write(to: dir.appendingPathComponent("결산-\(g.id)-\(y).json"))
                    try Data(ClosingDocument.html(c, group: g, now: .now).utf8).write(to: dir.appendingPathComponent("결산-\(g.id)-\(y).html"))
                    years.append(y)
                }
            }
            let digest = try await ws.store.contentDigest()
            let manifest: [String: Any] = [
                "hoebi": HoebiVersion.number, "schema": ws.store.schemaVersion, "exportedAt": SeoulTime.now.iso8601, "counts": digest.counts,
                "sha256": digest.sha256
            ]
            try printableJSON(manifest).write(to: dir.appendingPathComponent(Bundle.manifest))
            try FileManager.default.zipItem(at: dir, to: URL(fileURLWithPath: file), shouldKeepParent: false)
            chmod(file, 0o600)
            printOut(Bundle.describe(digest) + "\n" + Messages.t("bundle.written", file, Set(years).count) + "\n")
        }
    }

    struct ImportBundle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-bundle", abstract: Messages.help("import-bundle"), discussion: tr("Example: hoebi import-bundle 산악회-인계.zip --into 산악회"))
        @Argument(help: h("The bundle hoebi export wrote.")) var file: String
        @Option(help: h("The folder to restore into (must be new or empty; default: the current folder).")) var into: String = "."

        func run() async throws {
            let target = URL(fileURLWithPath: into)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in [Bundle.config, Bundle.database] where FileManager.default.fileExists(atPath: target.appendingPathComponent(name).path) {
                throw AppError.usage(Messages.t("bundle.wouldOverwrite", target.appendingPathComponent(name).path))
            }
            let staging = target.appendingPathComponent(".hoebi-bundle-" + UUID().uuidString)
            defer { try? FileManager.default.removeItem(at: staging) }
            do { try FileManager.default.unzipItem(at: URL(fileURLWithPath: file), to: staging) } catch {
                throw AppError.usage(Messages.t("bundle.notABundle", file))
            }
            guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(Bundle.manifest).path),
                let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let sha = manifest["sha256"] as? String,
                let counts = manifest["counts"] as? [String: Int]
            else { throw AppError.usage(Messages.t("bundle.notABundle", file)) }
            // Checked in the staging folder first: a bundle that does not match leaves nothing behind.
            let ws = try await Workspace.open(config: staging.appendingPathComponent(Bundle.config).path, access: .read)
            let digest = try await ws.store.contentDigest()
            printOut(Bundle.describe(digest) + "\n")
            guard digest.sha256 == sha, digest.counts == counts else { throw AppError.usage(Messages.t("bundle.mismatch", file, sha, digest.sha256)) }
            for item in try FileManager.default.contentsOfDirectory(atPath: staging.path) {
                try FileManager.default.moveItem(at: staging.appendingPathComponent(item), to: target.appendingPathComponent(item))
                // Members' payments and receipts: for the treasurer's eyes only.
                chmod(target.appendingPathComponent(item).path, 0o600)
            }
            printOut(Messages.t("bundle.restored", target.path, sha.prefix(16)) + "\n")
        }
    }

    enum Bundle {
        static let config = "hoebi.json", database = "hoebi.sqlite", manifest = "manifest.json"

        static func describe(_ d: ContentDigest) -> String {
            let main = ["transactions", "decisions", "allocations", "categories", "receipts", "runs"]
            return Messages.t("bundle.counts", main.map { "\($0) \(d.counts[$0] ?? 0)" }.joined(separator: ", "), d.sha256.prefix(16))
        }
    }
}

/// JSON as the bundle's files hold it: sorted keys, indented, a final newline.
func printableJSON(_ object: Any) throws -> Data {
    var d = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    d.append(0x0A)
    return d
}
