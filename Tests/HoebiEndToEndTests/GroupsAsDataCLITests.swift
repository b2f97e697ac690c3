import Foundation
import HoebiTestSupport
import Testing

/// Groups kept as data (issue 25), through the built binary, on both engines: hoebi.json's group
/// moved into the ledger answers exactly as before, is edited there by the usual commands (the
/// file untouched), comes back out as a hoebi.json a single club can use, and a broken import
/// writes nothing.
@Suite(.serialized) struct GroupsAsDataCLITests {
    enum Where: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    @Test(arguments: Where.allCases) func aGroupMovesIntoTheLedgerAndBackOut(_ engine: Where) throws {
        let dir = try demoFolder()
        let cluster = engine == .postgres ? try ThrowawayPostgres() : nil
        defer { cluster?.stop() }
        // In Korean, as a treasurer reads it.
        let env = ["HOEBI_LANG": "ko"].merging(cluster.map { ["HOEBI_DATABASE_URL": $0.url("postgres")] } ?? [:]) { a, _ in a }
        func run(_ args: [String], in d: URL? = nil) throws -> Run { try hoebi(args, in: d ?? dir, env: d == nil ? env : ["HOEBI_LANG": "ko"]) }
        #expect(try run(["import", "카카오뱅크_거래내역.xlsx"]).status == 0)
        let before = try run(["report", "--format", "json"])
        #expect(before.status == 0)
        let file = dir.appendingPathComponent("hoebi.json")
        let groupID = try #require(
            (try json(String(decoding: try Data(contentsOf: file), as: UTF8.self))["groups"] as? [[String: Any]])?.first?["id"] as? String)

        let moved = try run(["config", "import", "--remove-from-file", "--json"])
        #expect(moved.status == 0, "\(moved.err)")
        let action = (try JSONSerialization.jsonObject(with: Data(moved.out.utf8)) as? [[String: Any]])?.first?["action"] as? String
        #expect(action == "added", "\(moved.out)")
        #expect(try json(String(decoding: try Data(contentsOf: file), as: UTF8.self))["groups"] == nil, "the file keeps no group")
        let after = try run(["report", "--format", "json"])
        #expect(after.status == 0 && after.out == before.out, "the same report from the ledger's copy: \(after.err)")

        // Edited in the ledger by the usual command; the file is not touched.
        let fileBytes = try Data(contentsOf: file)
        let added = try run(["member", "add", "박하늘", "--joined", "2026-01"])
        #expect(added.status == 0 && added.out.contains("판"), "\(added.out) \(added.err)")
        #expect(try Data(contentsOf: file) == fileBytes)
        let members = try run(["member", "list", "--format", "json"])
        #expect(members.out.contains("박하늘"))
        let report = try run(["report", "--format", "json"])
        #expect(report.out.contains("박하늘") && report.out != before.out)

        // Exported, it is a hoebi.json a single club runs on: a fresh folder's SQLite ledger made
        // from the same statement gives the same report.
        #expect(try run(["config", "export", "--output", "exported.json"]).status == 0)
        let solo = try tempDir()
        var exported = try json(String(decoding: try Data(contentsOf: dir.appendingPathComponent("exported.json")), as: UTF8.self))
        exported["database"] = "hoebi.sqlite"
        try JSONSerialization.data(withJSONObject: exported).write(to: solo.appendingPathComponent("hoebi.json"))
        try FileManager.default.copyItem(at: dir.appendingPathComponent("카카오뱅크_거래내역.xlsx"), to: solo.appendingPathComponent("s.xlsx"))
        #expect(try run(["import", "s.xlsx"], in: solo).status == 0)
        #expect(try run(["report", "--format", "json"], in: solo).out == report.out, "the exported configuration reports alike")

        // Importing it again changes nothing; a broken file imports nothing, in Korean, by field.
        let again = try run(["config", "import", "--from", "exported.json", "--json"])
        #expect(again.out.contains(#""action":"same""#) || again.out.contains(#""action" : "same""#), "\(again.out) \(again.err)")
        var broken = exported
        var groups = broken["groups"] as? [[String: Any]] ?? []
        var dues = groups[0]["dues"] as? [String: Any] ?? [:]
        dues["dueDay"] = 40
        groups[0]["dues"] = dues
        groups[0]["members"] = []
        broken["groups"] = groups
        try JSONSerialization.data(withJSONObject: broken).write(to: dir.appendingPathComponent("broken.json"))
        let refused = try run(["config", "import", "--from", "broken.json"])
        #expect(refused.status != 0 && refused.err.contains("groups[0].dues.dueDay") && refused.err.contains("설정이 잘못됐습니다"), "\(refused.err)")
        #expect(try run(["member", "list", "--format", "json"]).out.contains("박하늘"), "the stored group is as it was")

        // Removed from the ledger, the group is configured nowhere: commands say so and what to do.
        #expect(try run(["config", "remove", groupID]).status == 0)
        let none = try run(["report"])
        #expect(none.status != 0 && none.err.contains("모임이 아직 없습니다") && none.err.contains("hoebi config import"), "\(none.err)")
    }
}
