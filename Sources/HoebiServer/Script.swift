/// The dashboard's one script (Views/app.js, served at /static/app.js, so the CSP can forbid
/// inline scripts): copy buttons and the statement upload with its progress bar.
enum Script {
    static let app = EmbeddedFiles.files["app.js"] ?? ""
}
