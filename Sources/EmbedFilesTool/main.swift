import Foundation

// Writes a Swift file holding each given file's text, keyed by its name: the build-time half of
// the EmbedFiles plugin. Usage: EmbedFilesTool OUTPUT FILE…
let arguments = Array(CommandLine.arguments.dropFirst())
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedFilesTool OUTPUT FILE…\n".utf8))
    exit(64)
}
var swift = """
    // Generated at build time by the EmbedFiles plugin; do not edit.

    enum EmbeddedFiles {
        static let files: [String: String] = [

    """
for path in arguments.dropFirst() {
    var text = try String(contentsOfFile: path, encoding: .utf8)
    if text.hasSuffix("\n") { text.removeLast() }
    // A raw string whose delimiter the text does not contain, so it is embedded byte for byte.
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) { hashes += "#" }
    // Keyed by name; a file of a dialect's folder (migrations/postgres/) by folder and name, so
    // the two schemas' steps of one name stay apart.
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().lastPathComponent
    let name = folder == "postgres" ? "postgres/" + url.lastPathComponent : url.lastPathComponent
    swift += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "    ]\n}\n"
try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
