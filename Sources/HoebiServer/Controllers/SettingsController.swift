import Foundation
import HoebiApp
import HoebiCore
import Hummingbird

/// `/g/:group/settings`: the group's whole configuration as JSON, for what the member forms do
/// not cover (the schedule, households, events, rules). Saved through `GroupEdit`, like every
/// other change to a group: checked whole, written where the group is kept, refused when the
/// version it was made on is no longer the latest. A refused text is shown again as sent.
struct SettingsController {
    let service: HoebiService

    func add(to r: RouterGroup<HoebiContext>) {
        r.get("/g/:group/settings", use: page)
        r.post("/g/:group/settings", use: save)
    }

    func page(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let done = req.uri.queryParameters.get("done").map { _ in word("page.settingsSaved") }
        return Reply.page(try render(g, c, body: nil, problems: [], done: done))
    }

    func save(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        var req = req
        let form = Forms.decode(Forms.Settings.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let text = form.body ?? ""
        let stale = { Reply.page(try render(g, c, body: text, problems: [word("page.settingsStale")], done: nil), status: .conflict) }
        guard let given = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            let why = Self.syntax(text)
            return Reply.page(try render(g, c, body: text, problems: [word("page.settingsNotObject", why)], done: nil), status: .badRequest)
        }
        guard given["id"] as? String == g.id else {
            return Reply.page(try render(g, c, body: text, problems: [word("page.settingsOtherID", g.id)], done: nil), status: .badRequest)
        }
        do {
            _ = try await GroupEdit.apply(
                service.inForce, store: service.store, group: g.id, by: c.treasurer?.name ?? "?", editor: c.treasurer?.scope ?? .listed([]),
                version: form.version ?? ""
            ) { object, _ in
                object = given
                return ""
            }
        } catch is GroupEdit.Stale {
            return try stale()
        } catch let e as AppError {
            let problems: [String]
            switch e {
            case .badConfig(_, let errors): problems = errors.errors.map(\.description)
            case .busy: problems = [word("page.settingsStale")]
            default: problems = [e.description]
            }
            return Reply.page(try render(g, c, body: text, problems: problems, done: nil), status: e.isBusy ? .conflict : .badRequest)
        }
        await service.reloadIfChanged()
        return Reply.redirect("/g/\(g.id)/settings?done=1")
    }

    /// Where the text stops being JSON, or what it is instead of an object.
    static func syntax(_ text: String) -> String {
        do { _ = try StrictJSON.parse(Array(text.utf8)) } catch { return "\(error)" }
        return "{ … }"
    }

    func render(_ g: Group, _ c: HoebiContext, body: String?, problems: [String], done: String?) throws -> String {
        let inForce = service.inForce
        let shown: String
        if let body {
            shown = body
        } else {
            let data = try JSONSerialization.data(withJSONObject: try inForce.object(of: g.id), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            shown = String(decoding: data, as: UTF8.self)
        }
        let kept: String
        switch inForce.origin(of: g.id) {
        case .file: kept = word("page.settingsInFile", inForce.url.lastPathComponent)
        case .stored(let r):
            let s = inForce.stored.first { $0.id == g.id }
            kept = word("page.settingsInLedger", r, s?.updatedBy ?? "", s?.updatedAt ?? "")
        }
        return Pages.render(
            "settings",
            [
                "body": shown, "problems": problems, "hasProblems": !problems.isEmpty, "kept": kept, "version": GroupEdit.version(of: g.id, in: inForce),
                "done": done ?? false
            ],
            title: word("page.settings"), group: g.id, csrf: c.signedIn?.csrf ?? "")
    }
}
