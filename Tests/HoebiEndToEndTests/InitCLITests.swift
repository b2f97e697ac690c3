import Foundation
import Testing

/// `hoebi init` as a first-time treasurer meets it (issue 23, point 1): in a terminal (a pseudo-
/// terminal from util-linux `script`), answers typed with the usual mistakes; it asks again
/// instead of giving up, reads `2만원`, and asks for the start, holder, due day and treasurer.
@Suite struct InitCLITests {
    @Test func initAsksAgainAndReadsWhatPeopleType() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("util-linux script is needed for a pseudo-terminal")
            return
        }
        let d = try tempDir()
        let answers = [
            "독서모임", "kakaobank", "12", "3333-01-1234567", "홍길동", "이만원", "2만원", "삼월", "2026-03", "40", "25",
            "홍길동", "김서연", "", "박지훈", "김서연"
        ]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "\(try binary().path) init", "/dev/null"]
        p.currentDirectoryURL = d
        var env = ProcessInfo.processInfo.environment
        env["HOEBI_LANG"] = "ko"
        env.removeValue(forKey: "HOEBI_CONFIG")
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(Data((answers.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(said)")
        // Each mistake was answered with a question, not an exit.
        for wrong in ["'12'", "'이만원'", "'삼월'", "'40'", "'박지훈'"] { #expect(said.contains("\(wrong)") && said.contains("다시 적어 주세요"), "\(wrong): \(said)") }
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: d.appendingPathComponent("hoebi.json"))) as? [String: Any]
        let g = try #require((config?["groups"] as? [[String: Any]])?.first)
        let dues = g["dues"] as? [String: Any]
        #expect((g["account"] as? [String: String])?["holder"] == "홍길동")
        #expect(dues?["dueDay"] as? Int == 25 && ((dues?["schedule"] as? [[String: Any]])?.first?["from"] as? String) == "2026-03")
        #expect(((dues?["schedule"] as? [[String: Any]])?.first?["amount"] as? Int) == 20000)
        #expect(g["treasurer"] as? String == "m2")
        #expect(said.contains("월 회비 20,000원, 2026-03부터"), "\(said)")
    }
}
