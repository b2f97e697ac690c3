import Foundation
import HoebiApp
import HoebiCore
import Hummingbird

/// Members added, edited and marked as left from the dashboard (and "새 회원으로 추가" from a review
/// card): the command line's `MemberEdit`, previewed with every deposit it moves, written where
/// the group is kept (`GroupEdit`: hoebi.json or the ledger), taken back by restoring what it replaced.
struct MembersController {
    let service: HoebiService

    func add(to r: RouterGroup<HoebiContext>) {
        r.get("/g/:group/people", use: peoplePage)
        r.post("/g/:group/people/preview", use: preview)
        r.post("/g/:group/people/apply", use: apply)
        r.post("/g/:group/people/undo", use: undo)
    }

    func peoplePage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let csrf = c.signedIn?.csrf ?? ""
        let raw = try service.inForce.object(of: g.id)["members"] as? [[String: Any]] ?? []
        let now = SeoulTime.now.period
        let members = raw.map { m -> [String: Any] in
            var facts: [String] = []
            if let j = m["joined"] as? String { facts.append(word("page.peopleJoined", j)) }
            if let l = m["left"] as? String { facts.append(word("page.peopleLeft", l)) }
            if let a = m["amount"] as? Int { facts.append(word("page.peopleAmount", Won(a).grouped)) }
            if let a = m["aliases"] as? [String], !a.isEmpty { facts.append(word("page.peopleAliases", a.joined(separator: ", "))) }
            return [
                "id": m["id"] as? String ?? "", "name": m["name"] as? String ?? "", "facts": facts.joined(separator: " · "),
                "joined": m["joined"] as? String ?? "", "hasLeft": m["left"] != nil, "now": now.description
            ]
        }
        let written = req.uri.queryParameters.get("written").map { String($0) }
        let done = req.uri.queryParameters.get("done").map { String($0).removingPercentEncoding ?? String($0) }
        let back = req.uri.queryParameters.get("back").map { String($0) }.flatMap { $0.hasPrefix("/g/\(g.id)/") ? $0 : nil }
        return Reply.page(
            Pages.render(
                "people", ["members": members, "now": now.description, "written": written ?? false, "done": done ?? false, "back": back ?? false],
                title: word("page.people"), group: g.id, csrf: csrf))
    }

    /// A field the form's change cannot be read from, in words.
    struct Unread: Error { let why: String }

    /// The change a form asks for, or why a field cannot be read.
    func change(_ form: Forms.Member) -> Result<MemberEdit, Unread> {
        let amount: Won?
        if let a = form.amount?.trimmingCharacters(in: .whitespaces), !a.isEmpty {
            guard case .won(let w) = Money.parse(a), w >= 0 else { return .failure(Unread(why: word("page.peopleBadAmount", a))) }
            amount = w
        } else {
            amount = nil
        }
        let joined = form.joined?.trimmingCharacters(in: .whitespaces)
        if let j = joined, !j.isEmpty, Period(j) == nil, SeoulTime(parsing: j) == nil { return .failure(Unread(why: word("page.peopleBadPeriod", j))) }
        let alias = (form.alias ?? "").trimmingCharacters(in: .whitespaces)
        switch form.op {
        case "add":
            return .success(.add(.init(name: form.name ?? "", joined: joined, amount: amount, aliases: alias.isEmpty ? [] : [alias])))
        case "edit":
            let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
            return .success(
                .edit(
                    member: form.member ?? "",
                    .init(
                        name: name.isEmpty ? nil : name, amount: amount, joined: joined?.isEmpty == false ? joined : nil,
                        addAliases: alias.isEmpty ? [] : [alias])))
        case "leave":
            guard let p = Period(form.last ?? "") else { return .failure(Unread(why: word("page.peopleBadPeriod", form.last ?? ""))) }
            return .success(.leave(member: form.member ?? "", last: p))
        case "rejoin":
            return .success(.edit(member: form.member ?? "", .init(left: "")))
        default: return .failure(Unread(why: word("page.pickAction")))
        }
    }

    func preview(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        var req = req
        let form = Forms.decode(Forms.Member.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let back = form.back.flatMap { $0.hasPrefix("/g/\(g.id)/") ? $0 : nil } ?? "/g/\(g.id)/people"
        let edit: MemberEdit
        switch change(form) {
        case .success(let e): edit = e
        case .failure(let e): return Reply.page(Pages.plain(word("page.cannot"), e.why, back: back), status: .badRequest)
        }
        // The change on a copy, checked as a whole configuration; nothing is written.
        let said: String
        let newGroup: Group
        do {
            (said, newGroup) = try GroupEdit.preview(service.inForce, group: g.id) { object, group in try Self.members(&object, edit, group) }
        } catch let e as ConfigErrors {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: back), status: .badRequest)
        } catch let e as AppError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: back), status: .badRequest)
        }
        let changes = try await service.ledger.changes(from: g, to: newGroup)
        var fields: [[String: String]] = []
        for (name, value) in [
            ("op", form.op), ("member", form.member), ("name", form.name), ("joined", form.joined), ("amount", form.amount), ("alias", form.alias),
            ("last", form.last), ("back", form.back)
        ] {
            if let value, !value.isEmpty { fields.append(["name": name, "value": value]) }
        }
        return Reply.page(
            Pages.render(
                "preview",
                [
                    "summary": said, "rule": false, "changes": DashboardController.rows(changes, newGroup), "changeCount": changes.count,
                    "fields": fields, "action": "/g/\(g.id)/people/apply", "back": back
                ], title: word("page.preview"), group: g.id, csrf: c.signedIn?.csrf ?? ""))
    }

    func apply(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        var req = req
        let form = Forms.decode(Forms.Member.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let back = form.back.flatMap { $0.hasPrefix("/g/\(g.id)/") ? $0 : nil }
        guard case .success(let edit) = change(form) else { return Reply.redirect("/g/\(g.id)/people") }
        let outcome: GroupEdit.Outcome
        do {
            outcome = try await GroupEdit.apply(
                service.inForce, store: service.store, group: g.id, by: c.treasurer?.name ?? "?", editor: c.treasurer?.scope ?? .listed([])
            ) { object, group in
                try Self.members(&object, edit, group)
            }
        } catch let e as AppError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: back ?? "/g/\(g.id)/people"), status: .badRequest)
        }
        // In force now, not at the watcher's next look: the next page already shows the member.
        await service.reloadIfChanged()
        let said = outcome.message, written = outcome.written.token
        let done = said.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let next = back.map { "&back=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
        return Reply.redirect("/g/\(g.id)/people?written=\(written)&done=\(done)" + next)
    }

    /// Puts back what the change replaced (`hoebi.json.bak`, or the ledger's previous body), only
    /// while it is still the latest write: an edit made since (by hand, by the command line, by
    /// another treasurer) is never thrown away.
    func undo(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        var req = req
        let form = Forms.decode(Forms.Member.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let undone: Bool
        do {
            undone = try await GroupEdit.undo(service.inForce, store: service.store, group: g, written: form.written ?? "", by: c.treasurer?.name ?? "?")
        } catch let e as AppError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: "/g/\(g.id)/people"), status: .badRequest)
        }
        guard undone else {
            return Reply.page(Pages.plain(word("page.cannot"), word("page.peopleUndoStale"), back: "/g/\(g.id)/people"), status: .conflict)
        }
        await service.reloadIfChanged()
        return Reply.redirect("/g/\(g.id)/people?done=" + (word("page.peopleUndone").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    /// A member change applied to a group's object.
    static func members(_ object: inout [String: Any], _ edit: MemberEdit, _ group: Group) throws -> String {
        var members = object["members"] as? [[String: Any]] ?? []
        let message = try edit.apply(to: &members, group: group)
        object["members"] = members
        return message
    }
}
