import Foundation
import PackagePlugin

/// Embeds files into the binary at build time, so a copied `hoebi` carries them: the dashboard's
/// views (`Sources/HoebiServer/Views`: Mustache templates, style sheet, script) and the API
/// document (`api/openapi.json`) into HoebiServer, the schemas (`migrations/*.sql` and
/// `migrations/postgres/*.sql`) into HoebiStore. The files stay the source of truth; nothing generated is committed. Written here:
/// SwiftPM's resources land in a bundle folder beside the binary, which a copied binary loses.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let package = context.package.directoryURL
        var files: [URL] = []
        switch target.name {
        case "HoebiServer":
            files = try Self.files(in: target.directoryURL.appending(path: "Views")) + [package.appending(path: "api/openapi.json")]
        case "HoebiStore":
            files = try (Self.files(in: package.appending(path: "migrations")) + Self.files(in: package.appending(path: "migrations/postgres")))
                .filter { $0.pathExtension == "sql" }
        default:
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files into \(target.name)", executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path] + files.map(\.path), inputFiles: files, outputFiles: [output])
        ]
    }

    static func files(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
