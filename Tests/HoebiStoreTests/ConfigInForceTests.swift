import Foundation
import Testing

@testable import HoebiApp
@testable import HoebiCore

/// hoebi.json with groups kept in the ledger (issue 25): one validator over the merged whole, and
/// a group's fingerprint the same wherever it lives, so moving it into the ledger owes no re-match.
@Suite struct ConfigInForceTests {
    static var hiking: [String: Any] {
        [
            "id": "hiking", "name": "북한산 산악회", "account": ["bank": "kakaobank", "number": "3333-01-1234567"],
            "dues": ["dueDay": 10, "schedule": [["from": "2026-01", "amount": 30000]]],
            // A slash, escaped or not by a writer, must not change the fingerprint.
            "members": [["id": "hong", "name": "홍길동"], ["id": "lee", "name": "이서연/총무"]]
        ]
    }
    static var choir: [String: Any] {
        [
            "id": "choir", "name": "새봄 합창단", "account": ["bank": "kakaobank", "number": "3333-02-7654321"],
            "dues": ["schedule": [["from": "2026-01", "amount": 20000]]], "members": [["id": "kim", "name": "김솔"]]
        ]
    }
    static let url = URL(fileURLWithPath: "/tmp/hoebi.json")

    static func file(_ groups: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["database": "x.sqlite", "groups": groups], options: [.prettyPrinted])
    }

    @Test func aGroupKeepsItsFingerprintWhereverItIsKept() throws {
        let written = try ConfigInForce(url: Self.url, fileData: try Self.file([Self.hiking, Self.choir]), stored: [])
        let moved = try ConfigInForce(
            url: Self.url, fileData: try Self.file([Self.choir]),
            stored: [StoredGroup(id: "hiking", body: try #require(ConfigInForce.text(Self.hiking)), revision: 7)])
        #expect(written.fingerprints == moved.fingerprints && written.fingerprints.count == 2)
        #expect(moved.origin(of: "hiking") == .stored(revision: 7) && moved.origin(of: "choir") == .file)
        #expect(Set(moved.config.groups.map(\.id)) == ["hiking", "choir"] && moved.notes.isEmpty)
        #expect(try moved.config.group("hiking").members.map(\.name) == ["홍길동", "이서연/총무"])
    }

    @Test func theLedgersCopyWinsAndADifferentFileCopyIsSaid() throws {
        var changed = Self.hiking
        changed["name"] = "북한산 산악회 2"
        let both = try ConfigInForce(
            url: Self.url, fileData: try Self.file([Self.hiking]),
            stored: [StoredGroup(id: "hiking", body: try #require(ConfigInForce.text(changed)), revision: 1)])
        #expect(try both.config.group("hiking").name == "북한산 산악회 2" && both.config.groups.count == 1)
        #expect(both.notes.count == 1 && both.notes[0].contains("hiking"))
    }

    /// A stored group breaking a rule is named by its id, not by a place in a document nobody wrote.
    @Test func aStoredGroupsProblemIsNamedByTheGroup() throws {
        var broken = Self.choir
        broken["dues"] = ["dueDay": 40, "schedule": [["from": "2026-01", "amount": 20000]]]
        #expect {
            try ConfigInForce(
                url: Self.url, fileData: try Self.file([Self.hiking]), stored: [StoredGroup(id: "choir", body: ConfigInForce.text(broken) ?? "", revision: 1)])
        } throws: { error in
            let said = "\(error)"
            return said.contains(Messages.t("config.storedPath", "choir") + ".dues.dueDay") && !said.contains("groups[1]")
        }
    }
}
