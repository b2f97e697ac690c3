import Foundation
import HoebiCore

/// The report's formats, one registry (`ReportFormat.all`): `hoebi report --format`, its help
/// and its validation come from here, and a test renders a report in every entry. Adding a
/// format is one entry here plus its renderer.
public struct ReportFormat: Sendable {
    /// What the renderer may take into account; each format reads what applies to it.
    public struct Options: Sendable {
        /// The terminal's width (the table fits it); nil for every period.
        public var width: Int?
        /// Members' names masked and deposit texts left out (HTML, xlsx).
        public var mask: Bool
        public var csvLayout: ReportCSV.Layout
        public init(width: Int? = nil, mask: Bool = false, csvLayout: ReportCSV.Layout = .grid) {
            self.width = width
            self.mask = mask
            self.csvLayout = csvLayout
        }
    }

    public enum Output: Sendable {
        /// Text, for the terminal or a file.
        case text(@Sendable (Report, Options) throws -> String)
        /// A file of its own (a workbook): written to the given place, named by default after the group.
        case file(defaultName: @Sendable (Group) -> String, write: @Sendable (Report, URL, Options) throws -> Void)
    }

    /// `--format`'s value.
    public let name: String
    /// One line for `hoebi report --help`, in Korean and English.
    public let summary: (ko: String, en: String)
    public let output: Output

    public static let all: [ReportFormat] = [
        ReportFormat(
            name: "table", summary: ("터미널 표 (터미널 폭에 맞춤)", "a table for the terminal (fits its width)"),
            output: .text { r, o in ReportTable.render(r, width: o.width) }),
        ReportFormat(
            name: "csv",
            summary: ("CSV (--layout grid: 엑셀에서 여는 회원 × 기간 표, long: 스크립트용)", "CSV (--layout grid: members × periods for Excel, long: for scripts)"),
            output: .text { r, o in ReportCSV.render(r, layout: o.csvLayout) }),
        ReportFormat(
            name: "json", summary: ("JSON (API의 Report 문서와 같음)", "JSON (the API's Report document)"),
            output: .text { r, _ in try ReportJSON.render(r) + "\n" }),
        ReportFormat(
            name: "html", summary: ("한 장짜리 HTML 페이지 (--mask: 공유용)", "one HTML page (--mask: for sharing)"),
            output: .text { r, o in ReportHTML.render(r, mask: o.mask) }),
        ReportFormat(
            name: "xlsx", summary: ("엑셀 통합문서: 색칠한 표, 입금, 지출", "an Excel workbook: grid with colours, deposits, expenses"),
            output: .file(defaultName: { "회비현황-\($0.id).xlsx" }, write: { r, url, o in try ReportWorkbook.write(r, to: url, mask: o.mask) }))
    ]

    public static func named(_ name: String) -> ReportFormat? { all.first { $0.name == name } }
}
