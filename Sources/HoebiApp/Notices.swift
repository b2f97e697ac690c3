import Foundation
import HoebiCore
import HoebiRender

/// The group-chat notice as one use case, so `hoebi notice`, the dashboard and the notice written
/// after a sync are the same text.
extension Ledger {
    public struct NoticeOptions: Sendable {
        public var period: Period?
        public var mask = false
        public var maskAccount = false
        /// A Mustache template's text and the name its errors use.
        public var template: (text: String, name: String)?
        public var layout: NoticeRenderer.Layout = .auto
        public var unpaidOnly = false
        public init(
            period: Period? = nil, mask: Bool = false, maskAccount: Bool = false, template: (text: String, name: String)? = nil,
            layout: NoticeRenderer.Layout = .auto, unpaidOnly: Bool = false
        ) {
            self.period = period
            self.mask = mask
            self.maskAccount = maskAccount
            self.template = template
            self.layout = layout
            self.unpaidOnly = unpaidOnly
        }
    }

    /// The notice for a period (default: the latest already due), from the report of the whole history
    /// up to it: what it says a member owes in all is what `remind` and the dashboard say.
    public func notice(_ group: Group, _ o: NoticeOptions = NoticeOptions(), now: SeoulTime = .now) async throws -> String {
        try await noticeText(group, o, now: now).text
    }

    /// The notice with what the treasurer should know before posting it, said beside the text,
    /// never inside it: how many deposits wait in review.
    public struct NoticeText: Sendable {
        public var text: String
        public var period: Period
        public var review: Int
        /// The line for the treasurer, above what is copied; nil when nothing waits.
        public var warning: String? { review > 0 ? Messages.t("notice.openQuestions", review) : nil }
    }

    public func noticeText(_ group: Group, _ o: NoticeOptions = NoticeOptions(), now: SeoulTime = .now) async throws -> NoticeText {
        let c = group.dues.cycle
        let p = (o.period ?? group.latestDuePeriod(at: now)).within(c)
        let r = try await wholeReport(group, to: p, now: now)
        let text = try NoticeRenderer.render(
            Notice(report: r, period: p, mask: o.mask, maskAccount: o.maskAccount, now: now), template: o.template?.text,
            name: o.template?.name ?? "notice template", layout: o.layout, unpaidOnly: o.unpaidOnly)
        return NoticeText(text: text, period: p, review: r.review.count)
    }

    /// After a sync, the notice goes to the file named by the sync settings' `"notice"` (relative
    /// to the configuration's folder), names masked when `"noticeMask"` is true. Written whole or
    /// not at all (a temporary file renamed over it), so a chat bot never reads half a notice.
    /// Returns the file written; nil when the group asks for none.
    public func writeNotice(for group: Group, baseFolder: URL, now: SeoulTime = .now) async throws -> String? {
        guard let path = group.sync?.fields["notice"], !path.isEmpty else { return nil }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseFolder.appendingPathComponent(path)
        let text = try await notice(group, NoticeOptions(mask: group.sync?.fields["noticeMask"] == "true"), now: now)
        try Data(text.utf8).write(to: url, options: .atomic)
        return url.path
    }
}
