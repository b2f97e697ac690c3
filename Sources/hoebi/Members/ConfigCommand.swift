import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiWiring

extension Hoebi {
    /// Groups kept in the ledger (issue 25): `hoebi config import` puts hoebi.json's groups (or
    /// another file's) into it, `export` writes the configuration in force back out as one
    /// hoebi.json, `remove` takes a group's stored configuration out again.
    struct ConfigCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config", abstract: Messages.help("config"), discussion: Messages.help("config.discussion"),
            subcommands: [Import.self, Export.self, Remove.self])

        struct Options: ParsableArguments {
            @Option(name: .long, help: h("Configuration file (default: $HOEBI_CONFIG or ./hoebi.json).")) var config: String?
            @Option(name: .long, help: h("Only this group (repeat for more; default: every group).")) var group: [String] = []

            func open() async throws -> Workspace {
                let ws = try await Workspace.open(config: config)
                Messages.language = Language.from(environment: ProcessInfo.processInfo.environment, configured: ws.config.language)
                for w in ws.notes { printErr(Messages.t("warning", w) + "\n") }
                return ws
            }
        }

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("config.import"))
            @OptionGroup var options: Options
            @Option(name: .long, help: h("Read the groups from this file instead of the configuration file.")) var from: String?
            @Flag(name: .long, help: h("Then take the imported groups out of the configuration file (the old file kept as .bak).")) var removeFromFile = false
            @Flag(name: .long, help: h("Print the result as JSON.")) var json = false

            func run() async throws {
                let ws = try await options.open()
                let source = from.map { URL(fileURLWithPath: $0) } ?? ws.configURL
                guard let data = try? Data(contentsOf: source) else { throw AppError.noConfig(source.path) }
                // The file is read by the one validator first: a broken one imports nothing.
                do { _ = try ConfigLoader.parse(data) } catch let e as ConfigErrors { throw AppError.badConfig(source.path, e) }
                let all = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["groups"] as? [[String: Any]] ?? []
                let unknown = options.group.filter { id in !all.contains { $0["id"] as? String == id } }
                if let id = unknown.first { throw AppError.usage(Messages.t("error.noGroup", id, source.path)) }
                let chosen = all.filter { options.group.isEmpty || options.group.contains($0["id"] as? String ?? "") }
                guard !chosen.isEmpty else { throw AppError.usage(Messages.t("config.nothingToImport", source.path)) }
                var plan: [(id: String, body: String, expected: Int64?, same: Bool)] = []
                var stored = ws.inForce.stored
                for g in chosen {
                    let id = g["id"] as? String ?? ""
                    guard let body = ConfigInForce.text(g) else { throw AppError.usage(Messages.t("config.storedUnreadable", id)) }
                    let now = stored.first { $0.id == id }
                    plan.append((id, body, now?.revision, now?.body == body))
                    stored.removeAll { $0.id == id }
                    stored.append(StoredGroup(id: id, body: body, revision: 1))
                }
                // Every group together, as it will be in force: checked before anything is written.
                let next = try ConfigInForce(url: ws.configURL, fileData: ws.inForce.fileData, stored: stored)
                var done: [[String: Any]] = []
                for p in plan {
                    let name = (try? next.config.group(p.id).name) ?? p.id
                    var revision = p.expected ?? 0
                    if !p.same {
                        guard let r = try await ws.store.saveStoredGroup(id: p.id, body: p.body, expected: p.expected, by: Hoebi.who) else {
                            throw AppError.busy(Messages.t("config.storedConflict", name))
                        }
                        revision = r
                    }
                    let action = p.same ? "same" : p.expected == nil ? "added" : "changed"
                    done.append(["group": p.id, "name": name, "action": action, "revision": revision])
                    if !json { printOut(Messages.t("config.imported.\(action)", name, p.id, revision) + "\n") }
                }
                if removeFromFile, source.standardizedFileURL == ws.configURL.standardizedFileURL {
                    var file = try ConfigFile(path: ws.configURL.path)
                    let ids = Set(plan.map(\.id))
                    let kept = (file.object["groups"] as? [[String: Any]] ?? []).filter { !ids.contains($0["id"] as? String ?? "") }
                    file.object["groups"] = kept.isEmpty ? nil : kept
                    try file.save()
                    if !json { printOut(Messages.t("config.removedFromFile", ws.configURL.lastPathComponent) + "\n") }
                }
                // The ledger brought up to date with what is now in force (members, aliases, a re-match if owed).
                _ = try await Workspace.open(config: options.config)
                if json { try printJSON(done) }
            }
        }

        struct Export: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("config.export"))
            @OptionGroup var options: Options
            @Option(name: .long, help: h("Write to this file instead of the standard output.")) var output: String?

            func run() async throws {
                let (inForce, _) = try await Workspace.settings(config: options.config, access: .read)
                var doc = (try JSONSerialization.jsonObject(with: inForce.fileData) as? [String: Any]) ?? [:]
                let unknown = options.group.filter { id in !inForce.config.groups.contains { $0.id == id } }
                if let id = unknown.first { throw AppError.usage(Messages.t("error.noGroup", id, inForce.url.path)) }
                doc["groups"] = try inForce.config.groups.filter { options.group.isEmpty || options.group.contains($0.id) }.map {
                    try inForce.object(of: $0.id)
                }
                var data = try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                data.append(0x0A)
                guard let output else {
                    FileHandle.standardOutput.write(data)
                    return
                }
                // Written whole or not at all, owner-only: a configuration names accounts and members.
                let tmp = output + ".\(getpid()).tmp"
                guard FileManager.default.createFile(atPath: tmp, contents: data, attributes: [.posixPermissions: 0o600]), rename(tmp, output) == 0 else {
                    try? FileManager.default.removeItem(atPath: tmp)
                    throw AppError.usage(Messages.t("config.cannotReplace", output, errno))
                }
                printErr(Messages.t("config.exported", output, (doc["groups"] as? [Any])?.count ?? 0) + "\n")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Messages.help("config.remove"))
            @Option(name: .long, help: h("Configuration file (default: $HOEBI_CONFIG or ./hoebi.json).")) var config: String?
            @Argument(help: h("The group whose stored configuration to remove (its ledger stays).")) var group: String

            func run() async throws {
                let ws = try await Workspace.open(config: config)
                guard let s = ws.inForce.stored.first(where: { $0.id == group }) else {
                    throw AppError.usage(Messages.t("config.notStored", group))
                }
                let name = (try? ws.config.group(group).name) ?? group
                // Checked first: what is left in force must still be a valid configuration.
                let rest = ws.inForce.stored.filter { $0.id != group }
                let after = try ConfigInForce(url: ws.configURL, fileData: ws.inForce.fileData, stored: rest)
                guard try await ws.store.removeStoredGroup(id: group, expected: s.revision) else {
                    throw AppError.busy(Messages.t("config.storedConflict", name))
                }
                let inFile = after.config.groups.contains { $0.id == group }
                printOut(Messages.t(inFile ? "config.removedBackToFile" : "config.removed", name, ws.configURL.lastPathComponent) + "\n")
            }
        }
    }
}
