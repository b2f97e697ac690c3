import Foundation
import PackagePlugin

/// Embeds the dashboard's views (`Sources/HoebiServer/Views`: Mustache templates, the style sheet
/// and the script) into the binary at build time, so a copied `hoebi` serves its pages without a
/// folder beside it, and the views stay files a designer can open. Written here: SwiftPM's
/// resources land in a bundle folder beside the binary, which a copied binary would lose.
@main
struct EmbedViews: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Views")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedViews.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) view files", executable: try context.tool(named: "EmbedViewsTool").url,
                arguments: [output.path] + files.map(\.path), inputFiles: files, outputFiles: [output])
        ]
    }
}
