import Foundation
import Testing

@testable import HoebiCore
@testable import HoebiImport

/// The transactions every bank fixture carries (scripts/make-fixtures.py, CANON).
let canon: [(time: String, signed: Won, balance: Won, text: String)] = [
    ("2026-01-03T09:10:05+09:00", 30000, 30000, "홍길동1월회비"),
    ("2026-01-05T20:00:00+09:00", 90000, 120000, "김솔"),
    ("2026-01-15T13:00:00+09:00", -120000, 0, "북한산대피소"),
    ("2026-01-20T08:30:00+09:00", 35000, 35000, "이서연(1월회비)"),
    ("2026-01-31T03:00:00+09:00", 1237, 36237, "결산이자")
]

func normalised(_ rows: [Transaction]) -> [String] {
    rows.map { "\($0.time.iso8601) \($0.signedAmount) \($0.balance.map(String.init) ?? "-") \($0.text)" }
        .sorted()
}

let expected = canon.map { "\($0.time) \($0.signed) \($0.balance) \($0.text)" }.sorted()

@Suite struct BankFormatTests {
    @Test(arguments: [
        ("kakaobank-canon.xlsx", "kakaobank"), ("toss.xlsx", "toss"), ("toss.csv", "toss"), ("kb-personal.xlsx", "kb"),
        ("kb-business.xlsx", "kb"), ("shinhan.xlsx", "shinhan"), ("nh.xlsx", "nh"), ("hana.xlsx", "hana"),
        ("woori.xlsx", "woori"), ("woori-cp949.csv", "woori")
    ])
    func everyFormatGivesTheSameTransactions(file: String, layout: String) throws {
        let (rows, summary) = try read(fixture(file))
        #expect(summary.layout == layout)
        #expect(normalised(rows) == expected)
        #expect(rows.allSatisfy { $0.account == "kakaobank:3333011234567" && !$0.raw.isEmpty })
    }

    @Test func formatsWithoutBalanceOrTime() throws {
        // 신한 거래내역조회: no balance column, trailing 합계 row.
        let (inquiry, s) = try read(fixture("shinhan-inquiry.xlsx"))
        #expect(s.layout == "shinhan" && s.ignored >= 3)
        #expect(
            inquiry.map { "\($0.time.iso8601) \($0.signedAmount) \($0.text)" }.sorted()
                == canon.map { "\($0.time) \($0.signed) \($0.text)" }.sorted())
        #expect(inquiry.allSatisfy { $0.balance == nil })
        // NH농협 deposits-only: dates without times, nine rows above the header.
        let (deposits, n) = try read(fixture("nh-deposits.xlsx"))
        #expect(n.layout == "nh")
        #expect(
            deposits.map { "\($0.time.iso8601.prefix(10)) \($0.amount) \($0.text)" }
                == canon.filter { $0.signed > 0 }.map { "\($0.time.prefix(10)) \($0.signed) \($0.text)" })
        #expect(deposits.allSatisfy { $0.direction == .deposit })
    }

    @Test func typesAndCounterpartyAreKept() throws {
        let (kb, _) = try read(fixture("kb-personal.xlsx"))
        #expect(kb.first { $0.text == "결산이자" }?.kind == "예금이자")
        let (business, _) = try read(fixture("kb-business.xlsx"))
        #expect(business.first?.text == "홍길동1월회비")  // 내 통장 표시 wins over 보낸분/받는분
        let csv = "datetime,amount,text,counterparty\n2026-01-05 10:00,30000,,홍길동\n"
        let (fallback, _) = try read(try temp("c.csv", Data(csv.utf8)))
        #expect(fallback.first?.text == "홍길동")
    }

    @Test func forcingAFormat() throws {
        let (rows, s) = try read(fixture("toss.xlsx"), layout: .toss)
        #expect(s.layout == "toss" && rows.count == 5)
        #expect { try read(fixture("toss.xlsx"), layout: .woori) } throws: { ($0 as! ImportError).problem.contains("no header row") }
    }
}

@Suite struct EncryptedStatementTests {
    func readEncrypted(_ name: String, _ password: String?) throws -> [Transaction] {
        var rows: [Transaction] = []
        let source: (@Sendable () throws -> String)? = password.map { p in { @Sendable in p } }
        let reader = StatementReader(file: fixture(name), account: "kakaobank:3333011234567", password: source)
        try reader.read { rows.append($0) }
        return rows
    }

    @Test(arguments: [("kakaobank-canon-encrypted.xlsx", "123456"), ("toss-encrypted.xlsx", "990101")])
    func rightPasswordOpensIt(file: String, password: String) throws {
        #expect(normalised(try readEncrypted(file, password)) == expected)
    }

    @Test func wrongPasswordSaysSo() throws {
        #expect { try readEncrypted("toss-encrypted.xlsx", "000000") } throws: { error in
            let e = error as! ImportError
            return e.problem == "wrong password" && e.file == "toss-encrypted.xlsx" && !e.description.contains("000000")
        }
    }

    @Test func missingPasswordSaysHowToGiveIt() throws {
        #expect { try readEncrypted("toss-encrypted.xlsx", nil) } throws: { error in
            let e = error as! ImportError
            return e.problem.contains("password-protected") && (e.hint ?? "").contains("--password-file")
        }
    }

    @Test(arguments: [("rc4-encrypted.xlsx", "RC4")])
    func unsupportedSchemesAreNamed(file: String, scheme: String) throws {
        #expect { try readEncrypted(file, "990101") } throws: { error in
            (error as! ImportError).problem.contains(scheme)
        }
    }

    @Test func damagedCompoundFile() throws {
        var bytes = Array(try Data(contentsOf: fixture("toss-encrypted.xlsx")))
        bytes = Array(bytes.prefix(1024))  // header and a little more: the FAT points past the end
        let url = try temp("cut.xlsx", Data(bytes))
        #expect { try StatementReader(file: url, account: "a", password: { "990101" }).read { _ in } } throws: { error in
            (error as! ImportError).problem.contains("damaged")
        }
    }

    @Test func keyDerivationKnownAnswer() throws {
        // Independent check of the spin: SHA-512 of salt ‖ UTF-16LE password, iterated, compared
        // with values computed by Python's hashlib (scripts/make-fixtures.py is not involved).
        let salt: [UInt8] = Array(0..<16)
        var h = try AgileParameters.hash("SHA512", salt, Array("abc".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        for i in 0..<3 { h = try AgileParameters.hash("SHA512", AgileParameters.le32(i), h) }
        #expect(h.prefix(8).map { String(format: "%02x", $0) }.joined() == knownSpin3)
    }
}

/// hashlib.sha512 over the same inputs, three spins (computed once with Python).
let knownSpin3 = "20e5ab09c15aea62"
