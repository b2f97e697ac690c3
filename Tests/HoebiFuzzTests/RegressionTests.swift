import Foundation
import HoebiSources
import Testing

@testable import HoebiCore
@testable import HoebiImport

/// Every input that once crashed Hoebi or was wrongly accepted (rebuilt by
/// scripts/make-regressions.py) is refused with an error that says where and why.
@Suite struct RegressionTests {
    static func url(_ name: String) -> URL { FuzzTests.root.appendingPathComponent("Tests/HoebiFuzzTests/Regressions/" + name) }

    func importError(_ name: String) -> ImportError? {
        do {
            _ = try StatementReader(file: Self.url(name), account: FuzzTests.account).read { _ in }
            return nil
        } catch let e as ImportError { return e } catch {
            Issue.record("\(name): not an ImportError: \(error)")
            return nil
        }
    }

    @Test(arguments: [
        ("overflow-int64.csv", 2, "beyond any real account"),
        ("overflow-sum.csv", 2, "beyond any real account"),
        ("loose-comma.csv", 2, "'1,2' is not an amount"),
        ("loose-groups.csv", 2, "'30,0,00' is not an amount"),
        ("cellref-14-letters.xlsx", 2, "outside a worksheet (A…XFD)"),
        ("cellref-wide.xlsx", 2, "outside a worksheet (A…XFD)"),
        ("date-cut-serial.xlsx", 2, "'2026051' is not a date"),
        ("date-yyyymm.xlsx", 2, "'202605' is not a date")
    ])
    func refusedWithRowAndReason(file: String, row: Int, problem: String) {
        let e = importError(file)
        #expect(e?.row == row, "\(file): \(String(describing: e))")
        #expect(e?.problem.contains(problem) == true, "\(file): \(String(describing: e))")
    }

    /// keyBits no AES has: the cipher library's own error name once left `hoebi import` (exit 1).
    @Test func anImpossibleKeySizeIsTheFilesDamage() {
        var got: (any Error)?
        do {
            _ = try StatementReader(file: Self.url("encrypted-keybits-200.xlsx"), account: FuzzTests.account, password: { "123456" }).read { _ in }
        } catch { got = error }
        let e = got as? ImportError
        #expect(e?.problem.contains("the encrypted file is damaged") == true, "\(String(describing: got))")
        #expect(e.map { !"\($0)".contains("incorrectKeySize") } ?? false)
    }

    /// Mutated statements holding a holder's name, a balance and depositor texts: whatever a
    /// refusal says, it says none of them (issue 22, point 1).
    @Test func aRefusalCarriesNoPersonalData() throws {
        let secrets = ["홍길동", "1,234,567", "1234567", "김서연", "이민호8월", "IBK평생한가족통장"]
        let seed = try Data(contentsOf: FuzzTests.root.appendingPathComponent("Tests/HoebiImportTests/Fixtures/ibk-merged.xlsx"))
        var mutator = Mutator(seed: 22)
        var refused = 0
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-pii-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        for _ in 0..<300 {
            try Data(mutator.mutate(Array(seed), corpus: [Array(seed)])).write(to: url)
            do {
                _ = try StatementReader(file: url, account: FuzzTests.account, expectedAccountNumber: "110-123-456789").read { _ in }
            } catch {
                refused += 1
                let text = "\(error)"
                for s in secrets { #expect(!text.contains(s), "a refusal quotes '\(s)': \(text)") }
            }
        }
        #expect(refused > 100, "\(refused) of 300 refused")
    }

    @Test func badUTF8InTheSheetIsRefused() {
        #expect(importError("xml-bad-utf8-name.xlsx")?.problem.contains("not valid UTF-8") == true)
    }

    /// Found by the fuzz target: `<?x?>` made Foundation's XML parser read a null pointer.
    @Test func processingInstructionsAndDTDsAreRefused() {
        #expect(importError("xml-empty-pi.xlsx")?.problem.contains("processing instruction") == true)
        #expect(importError("xml-entity-expansion.xlsx")?.problem.contains("document type declaration") == true)
    }

    /// Found by the fuzz target and kept as found: ZIPFoundation's reader looped for ever on it
    /// (its sharedStrings stream does not end inside its entry). The script's zip-unended-stream.xlsx
    /// is the same damage built on purpose.
    @Test func aStreamThatNeverEndsIsDamagedNotAHang() {
        for file in ["fuzz-zip-hang.xlsx", "zip-unended-stream.xlsx"] {
            let e = importError(file)
            #expect(e?.problem.contains("ends in the middle of its data") == true, "\(file): \(String(describing: e))")
        }
    }

    /// Found by the fuzz target once it required clear refusals (kept as found): a deflate
    /// stream zlib rejects used to escape as ZIPFoundation's raw `CompressionError.corruptedData`.
    @Test func aDeflateStreamZlibRejectsIsDamaged() {
        let e = importError("fuzz-zip-corrupt-deflate.xlsx")
        #expect(e?.problem.contains("does not inflate") == true, "\(String(describing: e))")
    }

    @Test func aZipBombStopsAtTheCap() {
        // 300 MB of blanks in 300 KB: refused once 256 MB have been inflated, not read whole.
        let e = importError("bomb-300mb.xlsx")
        #expect(e?.problem.contains("inflates to more than 256 MB") == true, "\(String(describing: e))")
    }

    @Test func anImplausibleMemberAmountIsAConfigurationError() throws {
        #expect {
            try Configuration.parse(Data(contentsOf: Self.url("config-amount-int64.json")))
        } throws: { e in
            "\(e)".contains("groups[0].members[0].amount") && "\(e)".contains("beyond any dues")
        }
    }

    @Test func aTruncatedTokenIsNotQuoted() throws {
        let body = try Data(contentsOf: Self.url("kftc-token-truncated.json"))
        #expect {
            try KFTCCodec().parseTransactions(body, account: "kftc:1")
        } throws: { e in
            let text = "\(e)"
            return text.contains("not JSON") && !text.contains("eyJhbGci") && !text.contains("eyJzdWIi")
        }
        #expect(Redact.body(#"{"access_token":"abc","rsp_code":"O0001"}"#) == #"{"access_token":"…","rsp_code":"O0001"}"#)
        #expect(Redact.body("client_secret=s3cr3t&grant_type=x") == "client_secret=…&grant_type=x")
    }

    /// What RowParser.money accepts: the byte-level fast path, else Money.parse.
    func money(_ text: String) -> Won? {
        if let v = RowParser.plainMoney(text) { return v }
        if case .won(let v) = Money.parse(text) { return v }
        return nil
    }

    @Test func amountsAsExportersWriteThem() {
        for (text, value) in [("30,000", 30000), ("-39,000", -39000), ("1,234,567", 1234567), ("(30,000)", -30000), ("25000원", 25000), ("30000.0", 30000)]
            as [(String, Won)]
        {
            #expect(money(text) == value, "\(text)")
        }
        for text in ["1,2", "30,0,00", ",100", "1234,567", "1,2345", "--1", "1-"] {
            #expect(money(text) == nil, "\(text) must be refused")
        }
    }
}
