import Foundation
import HoebiAPI
import HoebiApp
import HoebiCore
import HoebiImport
import Hummingbird

/// A statement given to the service as bytes: by the API (`POST …/imports`), by the dashboard's
/// upload script (the raw body) and by its form without the script (multipart/form-data).
struct StatementUpload {
    let service: HoebiService

    enum Outcome {
        /// The API's import document, with a `message` in the treasurer's words.
        case imported(Components.Schemas.Imported)
        case empty(String)
        /// Not a statement Hoebi reads: the importer's error, which says where and why.
        case refused(String)
    }

    /// The name and password a client sends with the file (percent-encoded in `X-File-Name` and
    /// `X-Statement-Password`, so Hangul survives a header): the name as a bare file name.
    static func given(name: String?, password: String?) -> (name: String, password: String?) {
        ((name?.removingPercentEncoding).map { ($0 as NSString).lastPathComponent } ?? "statement", password?.removingPercentEncoding)
    }

    /// Written to a private temporary file for the importer, removed afterwards; the password
    /// never touches disk.
    func importStatement(_ bytes: [UInt8], name: String, password: String?, into g: Group) async throws -> Outcome {
        guard !bytes.isEmpty else { return .empty(Messages.t("import.empty")) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-upload-" + Credentials.newToken())
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name.isEmpty ? "statement" : name)
        try Data(bytes).write(to: file)
        do {
            let r = try await service.ledger.importFile(file, group: g, format: nil, password: password.map { p in { @Sendable in p } }, shownAs: name)
            Metrics.imported(r.counts.new)
            let breaks =
                r.breaks.isEmpty
                ? Messages.t("balance.continuous")
                : Messages.t("balance.breaks", r.breaks.count) + "\n" + r.breaks.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            let message =
                Messages.t("import.summary", name, r.layout, r.counts.new, r.counts.known, r.counts.ignored) + "\n"
                + (r.skippedLine.map { $0 + "\n" } ?? "") + (r.scheduleWarning.map { Messages.t("warning", $0) + "\n" } ?? "")
                + Messages.t("match.summary", r.match.deposits, r.match.allocated, r.match.review, r.match.other) + "\n" + breaks
            return .imported(JSONShapes.imported(r, message: message))
        } catch let e as ImportError {
            return .refused(e.description.replacingOccurrences(of: dir.path + "/", with: ""))
        }
    }

    /// The dashboard's script: the file as the raw body, its name and password in headers; the
    /// answer is the API's import document or a problem.
    func upload(_ req: Request, _ c: HoebiContext, into g: Group) async throws -> Response {
        var req = req
        let body = try await req.collectBody(upTo: HoebiContext.uploadLimit)
        let given = Self.given(name: req.headers[.init("X-File-Name")!], password: req.headers[.init("X-Statement-Password")!])
        switch try await importStatement(Array(buffer: body), name: given.name, password: given.password, into: g) {
        case .imported(let doc): return try Reply.document(doc)
        case .empty(let message): return Reply.problem(.badRequest, message)
        case .refused(let message): return Reply.problem(.unprocessableContent, message)
        }
    }

    /// The upload form posted without its script (multipart/form-data): the same import, the
    /// result as a page.
    func uploadForm(_ req: Request, _ c: HoebiContext, into g: Group) async throws -> Response {
        var req = req
        let body = try await req.collectBody(upTo: HoebiContext.uploadLimit)
        guard let form = FormParts(contentType: req.headers[.contentType], body: body), let file = form.files["file"] else {
            return Reply.page(Pages.plain(word("page.noFile"), word("page.pickFile"), back: "/g/\(g.id)/upload"), status: .badRequest)
        }
        let password = form.fields["password"].flatMap { $0.isEmpty ? nil : $0 }
        let back = "/g/\(g.id)/review"
        switch try await importStatement(Array(buffer: file.data), name: file.filename, password: password, into: g) {
        case .imported(let doc): return Reply.page(Pages.plain(word("page.uploaded"), doc.message ?? "", back: back))
        case .empty(let message): return Reply.page(Pages.plain(word("page.notImported"), message, back: back), status: .badRequest)
        case .refused(let message): return Reply.page(Pages.plain(word("page.notImported"), message, back: back), status: .unprocessableContent)
        }
    }
}
