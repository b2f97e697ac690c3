import Foundation
import Testing

/// `hoebi bench --json` (issue 26): every figure of a run as one JSON object, so runs can be
/// compared across commits. A tiny run: what is checked is that each figure is there and was
/// measured, not how fast anything is (speed targets live in the bench itself, not in tests).
@Suite(.serialized) struct BenchCLITests {
    @Test func theBenchPrintsEveryFigureAsJSON() throws {
        let dir = try tempDir()
        let r = try hoebi(
            ["bench", "--rows", "2000", "--members", "20", "--xlsx-rows", "200", "--sync-members", "2", "--dir", "b", "--json"], in: dir,
            env: ["PATH": "/usr/bin:/bin"])
        #expect(r.status == 0, "\(r.err.suffix(2000))")
        let doc = try json(r.out)
        for key in [
            "rows", "sqliteImportSeconds", "schemaFloorSeconds", "importSeconds", "importPeakMB", "rematchSeconds", "rematchPeakMB", "reportSeconds",
            "xlsxRows", "xlsxSeconds", "xlsxPeakMB", "syncRowsPerSecond", "incrementalSeconds", "hledgerSeconds"
        ] {
            #expect(doc.keys.contains(key), "\(key) missing from \(r.out)")
        }
        #expect(doc["rows"] as? Int == 2000 && doc["xlsxRows"] as? Int == 200)
        for key in ["sqliteImportSeconds", "schemaFloorSeconds", "importSeconds", "rematchSeconds", "reportSeconds", "xlsxSeconds", "incrementalSeconds"] {
            #expect((doc[key] as? Double ?? 0) > 0, "\(key) was not measured: \(String(describing: doc[key]))")
        }
        #expect((doc["importPeakMB"] as? Double ?? 0) > 1)
        let sync = doc["syncRowsPerSecond"] as? [String: Double] ?? [:]
        #expect(Set(sync.keys) == ["kftc", "codef", "woori"] && sync.values.allSatisfy { $0 > 0 }, "\(sync)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/hledger") {
            #expect((doc["hledgerSeconds"] as? Double ?? 0) > 0, "hledger is installed: its time")
        } else {
            #expect(doc["hledgerSeconds"] is NSNull, "hledger is not on this PATH: null, not a number")
        }
        // The words went to the standard error, with the new rows of the incremental stage.
        #expect(r.err.contains("100 new rows into the 2000-row ledger") && r.err.contains("(100 new)"), "\(r.err.suffix(1500))")
    }
}
