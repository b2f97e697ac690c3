import Foundation
import Testing

/// Every treasurer-facing line of the command line in Korean (issue 23, point 5): a first
/// hour's commands run in Korean, and any English word outside a short allow-list (commands,
/// options, ids, file names, bank codes, units) fails the test with the line it is on.
@Suite struct KoreanThroughoutTests {
    static let commands: [[String]] = [
        ["import", "--dry-run", "카카오뱅크_거래내역.xlsx"], ["import", "카카오뱅크_거래내역.xlsx"], ["review"], ["report"], ["report", "--wide"],
        ["notice"], ["remind", "박준영"], ["runs"], ["member", "list"], ["group"], ["dues"], ["aliases"], ["explain", "t24"], ["explain", "t3"],
        ["history", "홍길동"], ["transactions", "--limit", "8"], ["ignore", "t45", "--reason", "찬조", "--dry-run"],
        ["assign", "t24", "남궁민수", "--dry-run"], ["assign", "t24", "남궁민수"], ["undo", "--dry-run"], ["undo"], ["revert", "r2", "--dry-run"],
        ["match"], ["collect", "t45", "--members", "홍길동,김솔", "--dry-run"], ["split", "t45", "--dues", "홍길동:30000", "--other", "찬조:20000", "--dry-run"],
        ["unassign", "t3", "--dry-run"], ["ignore", "t24", "t45", "--reason", "모임비", "--dry-run"], ["member", "add", "정다은", "--joined", "2026-11"],
        ["member", "edit", "정다은", "--amount", "30000"], ["member", "exempt", "정다은", "2026-11"], ["member", "leave", "정다은", "--last", "2026-11"],
        ["group", "edit", "--holder", "홍길동"], ["dues", "set", "4만원", "--from", "2027-01"], ["household", "add", "김솔", "박준영"],
        ["household", "remove", "김솔"], ["member", "edit", "없는사람", "--name", "x"], ["assign", "t999", "홍길동"], ["notice", "--period", "2026-13"],
        ["report", "--from", "2026-05", "--to", "2026-03"], ["user", "list"], ["token", "list"], ["closing", "--year", "2026"]
    ]

    /// Words that may stand in Korean text: what a person types (commands, options, formats), ids
    /// and codes, file names and units.
    static let allowed: Set<String> = [
        "hoebi", "xlsx", "xls", "csv", "CSV", "json", "html", "bak", "sqlite", "README", "Ctrl", "IBK", "KB", "NH", "SOL", "WON", "auto", "text",
        "kakaobank", "toss", "shinhan", "woori", "hana", "ibk", "jeonbuk", "hiking", "sync",
        "hong", "lee", "kim", "park", "namgung", "choi", "yoon"
    ]

    @Test func aFirstHoursCommandsSpeakKorean() throws {
        let d = try demoFolder()
        // Commands and subcommands are what people type: they are allowed too.
        // The first word of each line under SUBCOMMANDS in the help: the command names.
        let help = try hoebi(["--help"], in: d, env: ["HOEBI_LANG": "ko"]).out
        let listed = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        var typed = Set(listed.split(separator: "\n").compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil })
        for c in Self.commands { typed.formUnion(c.filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }) }
        var found: [String] = []
        for c in Self.commands {
            let r = try hoebi(c, in: d, env: ["HOEBI_LANG": "ko"])
            for line in (r.out + r.err).split(separator: "\n") {
                // Options, commands after "hoebi", ids (t24, m1, r2, d3) and file names are what a person types or reads back.
                var text = String(line)
                for pattern in [#"--[a-z-]+"#, #"hoebi [a-z]+( [a-z]+)?"#, #"\b[tmrdh][0-9]+\b"#, #"[^\s]+\.(xlsx|csv|json|bak|sqlite|mustache)"#] {
                    text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
                }
                let words = text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 3 }
                for w in words where !Self.allowed.contains(w) && !typed.contains(w) { found.append("\(c.joined(separator: " ")): \(w) in «\(line)»") }
            }
        }
        #expect(found.isEmpty, "English in Korean output:\n\(found.prefix(30).joined(separator: "\n"))")
    }
}
