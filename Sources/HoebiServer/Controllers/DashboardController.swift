import Foundation
import HoebiApp
import HoebiCore
import HoebiRender
import Hummingbird

/// The treasurer's pages, one named handler each. Decisions show what they change (a dry run)
/// before a second form applies them.
struct DashboardController {
    let service: HoebiService
    let runner: SyncRunner
    let statements: StatementUpload

    func add(to r: RouterGroup<HoebiContext>) {
        r.get("/", use: groupsPage)
        r.get("/g/:group", use: overviewPage)
        r.get("/g/:group/grid", use: gridPage)
        r.get("/g/:group/review", use: reviewPage)
        r.post("/g/:group/review/:txn/preview", use: previewDecision)
        r.post("/g/:group/review/:txn/apply", use: applyDecision)
        r.post("/g/:group/undo/preview", use: previewUndo)
        r.post("/g/:group/undo", use: undo)
        r.get("/g/:group/notice", use: noticePage)
        r.get("/g/:group/members/:member", use: memberPage)
        r.get("/g/:group/runs", use: runsPage)
        r.post("/g/:group/runs/:run/revert/preview", use: previewRevert)
        r.post("/g/:group/runs/:run/revert", use: revert)
        r.get("/g/:group/share", use: sharePage)
        r.post("/g/:group/share", use: newShareLink)
        r.get("/g/:group/upload", use: uploadPage)
        r.post("/g/:group/upload", use: upload)
        r.post("/g/:group/sync", use: syncNow)
        r.post("/logout", use: logout)
    }

    func groupsPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let groups = service.groups(for: c.treasurer)
        if groups.count == 1 { return Reply.redirect("/g/\(groups[0].id)") }
        return Reply.page(Pages.render("groups", ["groups": groups.map { ["id": $0.id, "name": $0.name] }], title: word("page.groups")))
    }

    func overviewPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in try await overview(g, csrf) }
    }

    func gridPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            let report = try await service.report(g)
            return Pages.render(
                "grid", ["grid": ReportHTML.body(report)], title: word("page.grid"), group: g.id, csrf: csrf, reviewCount: report.review.count)
        }
    }

    func reviewPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in try await review(g, csrf) }
    }

    func previewDecision(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await decision(req, c, apply: false)
    }

    func applyDecision(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await decision(req, c, apply: true)
    }

    func previewUndo(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            guard let p = try await service.ledger.previewUndo(g) else {
                return Pages.render(
                    "preview",
                    [
                        "summary": word("page.nothingToUndo"), "changes": [], "changeCount": 0, "action": false,
                        "fields": [] as [Any], "rule": false
                    ], title: word("page.undoPreview"), group: g.id, csrf: csrf)
            }
            let names = g.displayNames()
            let what: String
            switch p.plan.action {
            case .ignore: what = LearnedRule.notDues.shown(names, in: PageLanguage.current)
            case .assign: what = p.plan.member.map { names[$0] ?? $0 } ?? ""
            case .review, .clear: what = Placement.review.shown(names, in: PageLanguage.current)
            }
            var rule: Any = false
            if let text = p.plan.ruleText {
                rule = p.plan.ruleRestored.map { word("page.ruleRestored", text, $0.shown(names, in: PageLanguage.current)) } ?? word("page.ruleDropped", text)
            }
            return Pages.render(
                "preview",
                [
                    "summary": word("page.undoSummary", p.plan.decision, p.plan.transaction, what),
                    "changes": Self.rows(p.changes, g), "changeCount": p.changes.count, "action": "/g/\(g.id)/undo",
                    "fields": [] as [Any], "rule": rule
                ], title: word("page.undoPreview"), group: g.id, csrf: csrf)
        }
    }

    func undo(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let (g, who) = try signed(c)
        _ = try await service.ledger.undo(g, by: who)
        return Reply.redirect("/g/\(g.id)/review")
    }

    func noticePage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            let mask = req.uri.queryParameters.get("mask") != "0"
            let asked = req.uri.queryParameters.get("period").flatMap { Period(String($0)) }.map { $0.within(g.dues.cycle) }
            let n = try await service.ledger.noticeText(g, .init(period: asked, mask: mask))
            // The periods a notice can be about, newest first: the current one (due later) and
            // every one already due back to the schedule's start (two years at most).
            let now = SeoulTime.now.period.within(g.dues.cycle)
            let due = g.latestDuePeriod(at: .now)
            let periods = (0..<24).map { now.advanced(by: -$0) }.filter { $0 >= g.firstPeriod }.map { p -> [String: Any] in
                ["value": p.description, "label": p.label + (p > due ? word("page.noticeNotDue") : ""), "selected": p == n.period]
            }
            let lines = n.text.split(separator: "\n", omittingEmptySubsequences: false).count
            return Pages.render(
                "notice",
                [
                    "text": n.text, "rows": max(8, lines + 1), "periods": periods, "period": n.period.description, "mask": mask ? "1" : "0",
                    "otherMask": mask ? "0" : "1", "maskLabel": mask ? word("page.noticeShowNames") : word("page.noticeMaskNames"),
                    "warning": n.review > 0 ? word("page.noticeOpen", n.review) : false
                ],
                title: word("page.notice"), group: g.id, csrf: csrf, reviewCount: n.review)
        }
    }

    func memberPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            guard let m = g.member(c.parameters.get("member") ?? "") else { throw HTTPError(.notFound) }
            let lines = try await service.store.ledger(of: g, LedgerFilter(member: m.id, limit: 500)).map { l -> [String: Any] in
                let mine = l.paid.filter { $0.member == m.id }
                let share = mine.reduce(0) { Money.saturatingAdd($0, $1.amount) }
                // A collective payment or a split pays others too: the member's own part, said.
                let paid = mine.map { ($0.period?.label ?? word("page.credit")) + (share != l.amount ? " \($0.amount.grouped)" : "") }
                    .joined(separator: ", ")
                return [
                    "id": l.id, "date": String(l.time.iso8601.prefix(10)), "amount": l.amount.grouped, "text": l.text,
                    "paid": share != l.amount ? paid + word("page.memberShare", l.amount.grouped) : paid
                ]
            }
            return Pages.render("member", ["name": m.name, "lines": lines], title: m.name, group: g.id, csrf: csrf)
        }
    }

    func runsPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            let runs = try await service.store.runs(of: g).map { run -> [String: Any] in
                [
                    "id": run.id, "at": String(run.at.prefix(16)).replacingOccurrences(of: "T", with: " "), "what": run.what,
                    "status": run.status.shown(in: PageLanguage.current), "failed": run.status == .failed || run.status == .interrupted,
                    "kind": run.kind.word, "revertable": run.revertable
                ]
            }
            return Pages.render("runs", ["runs": runs], title: word("page.runs"), group: g.id, csrf: csrf)
        }
    }

    func previewRevert(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            let run = c.parameters.get("run") ?? ""
            let p = try await service.ledger.previewRevert(g, run: run)
            let summary =
                word("page.revertSummary", p.plan.run, p.plan.removing.count, p.plan.kept)
                + (p.plan.decisionsDropped > 0 ? word("page.revertDecisions", p.plan.decisionsDropped) : ".")
            return Pages.render(
                "preview",
                [
                    "summary": summary, "changes": Self.rows(p.changes, g), "changeCount": p.changes.count,
                    "action": "/g/\(g.id)/runs/\(run)/revert", "back": "/g/\(g.id)/runs",
                    "fields": [] as [Any], "rule": false
                ], title: word("page.undoPreview"), group: g.id, csrf: csrf)
        }
    }

    func revert(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let (g, who) = try signed(c)
        _ = try await service.ledger.revert(g, run: c.parameters.get("run") ?? "", by: who)
        return Reply.redirect("/g/\(g.id)/runs")
    }

    func sharePage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in
            let token = try await service.store.shareToken(group: g.id)
            let host = req.head.authority ?? "127.0.0.1"
            let link: Any = token.map { "\(req.headers[.init("X-Forwarded-Proto")!] ?? "http")://\(host)/m/\($0)" } ?? false
            return Pages.render("share", ["link": link], title: word("page.share"), group: g.id, csrf: csrf)
        }
    }

    func newShareLink(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let (g, _) = try signed(c)
        try await service.store.setShareToken(group: g.id, token: Credentials.newToken())
        return Reply.redirect("/g/\(g.id)/share")
    }

    func uploadPage(_ req: Request, _ c: HoebiContext) async throws -> Response {
        try await page(c) { g, csrf in Pages.render("upload", [:], title: word("page.upload"), group: g.id, csrf: csrf) }
    }

    /// The upload page's script sends the raw file; without the script the form posts multipart.
    func upload(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        let multipart = req.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
        return multipart ? try await statements.uploadForm(req, c, into: g) : try await statements.upload(req, c, into: g)
    }

    func syncNow(_ req: Request, _ c: HoebiContext) async throws -> Response {
        let g = try service.group(in: c)
        if g.sync != nil { _ = await runner.start(g, by: c.treasurer?.name ?? "?") }
        return Reply.redirect("/g/\(g.id)")
    }

    func logout(_ req: Request, _ c: HoebiContext) async throws -> Response {
        if let cookie = req.cookies[Session.cookie] { try await service.store.endSession(tokenHash: Credentials.hash(cookie.value)) }
        var r = Reply.redirect("/login")
        r.setCookie(.init(name: Session.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return r
    }

    /// The group in the path and the signed-in treasurer's CSRF token, or 404.
    func page(_ c: HoebiContext, _ body: (Group, String) async throws -> String) async throws -> Response {
        let g = try service.group(in: c)
        return Reply.page(try await body(g, c.signedIn?.csrf ?? ""))
    }

    func signed(_ c: HoebiContext) throws -> (Group, String) {
        let g = try service.group(in: c)
        return (g, c.treasurer?.name ?? "?")
    }

    func overview(_ g: Group, _ csrf: String) async throws -> String {
        // The whole history: what each member owes in all is the figure the notice and remind give;
        // its last column is the period the overview is about.
        let report = try await service.ledger.wholeReport(g)
        let cell = report.totals.last
        let period = report.periods.last
        let unpaid = report.members.compactMap { m -> [String: Any]? in
            guard let c = m.cells.last, c.status == .unpaid || c.status == .partial else { return nil }
            let total = m.arrears(through: m.cells.count - 1, columns: report.periods).reduce(0) { Money.saturatingAdd($0, $1.owed) }
            return ["id": m.id, "name": m.name, "owed": total.grouped]
        }
        let last = try await service.store.runs(of: g, limit: 20).first { $0.kind == .sync }
        let lastSync: Any =
            last.map {
                ["at": String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " "), "status": $0.status.shown(in: PageLanguage.current), "what": $0.what]
            } ?? false
        return Pages.render(
            "overview",
            [
                "configProblem": service.configProblem ?? false,
                "groupName": g.name, "asOf": Pages.asOf(report.asOf), "balance": (report.balance ?? 0).grouped,
                "periodLabel": period?.label ?? "", "collected": (cell?.collected ?? 0).grouped, "expected": (cell?.expected ?? 0).grouped,
                "outstanding": (cell?.outstanding ?? 0).grouped, "unpaidCount": unpaid.count, "unpaid": unpaid,
                "reviewCount": report.review.count, "lastSync": lastSync, "canSync": g.sync != nil
            ], title: g.name, group: g.id, csrf: csrf, reviewCount: report.review.count)
    }

    func review(_ g: Group, _ csrf: String) async throws -> String {
        let report = try await service.report(g)
        let shown = g.displayNames()
        let items = report.review.map { d -> [String: Any] in
            // A suggestion is shown as one, first in the list, never chosen for the treasurer: an
            // unknown 박민지 must not go to the member 박지민 in two clicks.
            let suggested = Set((d.suggestion ?? "").components(separatedBy: ", "))
            let members = g.members.sorted { suggested.contains($0.id) && !suggested.contains($1.id) }
            var item: [String: Any] = [
                "id": d.id, "date": String(d.time.iso8601.prefix(10)), "amount": d.amount.grouped, "text": d.text,
                "reason": Messages.show(d.reason ?? "", in: PageLanguage.current), "group": g.id, "csrf": csrf,
                // "새 회원으로 추가": the depositor's letters as the name, their deposit's month as the first owed.
                "newName": String(Normalise.letters(d.text).prefix(20)), "month": d.time.period.description,
                "members": members.map { ["id": $0.id, "name": shown[$0.id] ?? $0.name, "suggested": suggested.contains($0.id)] as [String: Any] }
            ]
            if !d.memo.isEmpty { item["memo"] = d.memo }
            let names = g.members.filter { suggested.contains($0.id) }.map { shown[$0.id] ?? $0.name }
            if !names.isEmpty { item["suggestion"] = names.joined(separator: ", ") }
            return item
        }
        return Pages.render("review", ["items": items, "count": items.count], title: word("page.review"), group: g.id, csrf: csrf, reviewCount: items.count)
    }

    /// Preview (dry run) or apply one decision; the preview's form carries the same fields to apply.
    func decision(_ req: Request, _ c: HoebiContext, apply: Bool) async throws -> Response {
        let (g, who) = try signed(c)
        var req = req
        let form = Forms.decode(Forms.Decision.self, try await req.collectBody(upTo: HoebiContext.uploadLimit))
        let txn = c.parameters.get("txn") ?? ""
        let only = form.only == "1"
        let action: Ledger.Action
        switch form.action {
        case "assign":
            guard let member = form.member, g.member(member) != nil else {
                return Reply.page(Pages.plain(word("page.pickMember"), "", back: "/g/\(g.id)/review"), status: .badRequest)
            }
            action = .assign(member: member, periods: [])
        case "ignore": action = .ignore(reason: form.reason ?? "")
        case "collect", "split":
            guard let a = Self.partsAction(form, g) else {
                return Reply.page(Pages.plain(word("page.badParts"), "", back: "/g/\(g.id)/review"), status: .badRequest)
            }
            action = a
        default: return Reply.page(Pages.plain(word("page.pickAction"), "", back: "/g/\(g.id)/review"), status: .badRequest)
        }
        let effect: Ledger.DecisionEffect
        do {
            effect = try await service.ledger.decide(g, transaction: txn, action, by: who, only: only, dryRun: !apply)
        } catch let e as StoreError {
            return Reply.page(
                Pages.plain(word("page.cannot"), Messages.show(e.description, in: PageLanguage.current), back: "/g/\(g.id)/review"), status: .badRequest)
        } catch let e as AppError {
            return Reply.page(Pages.plain(word("page.cannot"), e.description, back: "/g/\(g.id)/review"), status: .badRequest)
        }
        if apply { return Reply.redirect("/g/\(g.id)/review") }
        let d = effect.deposit
        let names = g.displayNames()
        var rule: Any = false
        switch effect.rule {
        case .learned(let text, let r):
            rule = word("page.ruleLearned", text, r.shown(names, in: PageLanguage.current))
        case .notLearned(let text, let why): rule = word("page.ruleNotLearned", text, why)
        case .removed(let text, _): rule = word("page.ruleDropped", text)
        case .none: break
        }
        let changes = Self.rows(effect.changes, g)
        var fields: [[String: String]] = [["name": "action", "value": form.action ?? ""]]
        if let m = form.member { fields.append(["name": "member", "value": m]) }
        if let r = form.reason { fields.append(["name": "reason", "value": r]) }
        if only { fields.append(["name": "only", "value": "1"]) }
        for m in form.members ?? [] { fields.append(["name": "members[]", "value": m]) }
        for (name, value) in [
            ("periods", form.periods), ("rest", form.rest), ("everyMonth", form.everyMonth), ("duesAmount", form.duesAmount),
            ("otherLabel", form.otherLabel), ("otherAmount", form.otherAmount)
        ] {
            if let value, !value.isEmpty { fields.append(["name": name, "value": value]) }
        }
        return Reply.page(
            Pages.render(
                "preview",
                [
                    "summary":
                        word(
                            "page.decisionSummary", d.id, String(d.time.iso8601.prefix(10)), d.amount.grouped, d.text,
                            effect.before.shown(names, in: PageLanguage.current), effect.after.shown(names, in: PageLanguage.current)),
                    "rule": rule, "changes": changes, "changeCount": effect.changes.count, "fields": fields,
                    "action": "/g/\(g.id)/review/\(txn)/apply"
                ], title: word("page.preview"), group: g.id, csrf: c.signedIn?.csrf ?? ""))
    }

    /// A collective payment or a split from the review card's form; nil when a field cannot be read.
    static func partsAction(_ form: Forms.Decision, _ g: Group) -> Ledger.Action? {
        guard case .success(let periods) = Period.list(form.periods) else { return nil }
        func won(_ s: String?) -> Won? {
            guard let s, !s.isEmpty else { return nil }
            if case .won(let w) = Money.parse(s), w > 0 { return w }
            return nil
        }
        if form.action == "collect" {
            let members = (form.members ?? []).filter { !$0.isEmpty }
            guard members.allSatisfy({ g.member($0) != nil }) else { return nil }
            let rest = (form.rest ?? "").trimmingCharacters(in: .whitespaces)
            return .collect(members: members.isEmpty ? nil : members, periods: periods, rest: rest.isEmpty ? nil : rest, everyMonth: form.everyMonth == "1")
        }
        var parts: [DepositPart] = []
        if let m = form.member, !m.isEmpty {
            guard g.member(m) != nil, let a = won(form.duesAmount) else { return nil }
            parts.append(DepositPart(member: m, periods: periods, amount: a))
        }
        if let a = won(form.otherAmount) {
            let label = (form.otherLabel ?? "").trimmingCharacters(in: .whitespaces)
            parts.append(DepositPart(member: nil, amount: a, label: label))
        }
        return parts.isEmpty ? nil : .split(parts: parts)
    }

    /// Changed deposits as the preview lists them (the first hundred).
    static func rows(_ changes: [Ledger.Change], _ g: Group) -> [[String: Any]] {
        let names = g.displayNames()
        return changes.prefix(100).map { ch in
            [
                "id": ch.id, "date": String(ch.time.iso8601.prefix(10)), "amount": ch.amount.grouped, "text": ch.text,
                "from": ch.from.shown(names, in: PageLanguage.current), "to": ch.to.shown(names, in: PageLanguage.current)
            ]
        }
    }
}
