import Foundation
import HoebiOffice
import Testing

@testable import HoebiCore
@testable import HoebiImport

func fixture(_ name: String) -> URL {
    Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
}

func read(_ url: URL, layout: StatementLayout? = nil) throws -> (rows: [Transaction], summary: StatementReader.Summary) {
    var rows: [Transaction] = []
    let s = try StatementReader(file: url, account: "kakaobank:3333011234567", layout: layout).read { rows.append($0) }
    return (rows, s)
}

func temp(_ name: String, _ data: Data) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try data.write(to: url)
    return url
}

@Suite struct KakaoBankTests {
    @Test func readsTheStatementBelowItsTitleBlock() throws {
        let (rows, summary) = try read(fixture("kakaobank.xlsx"))
        #expect(summary.layout == "kakaobank")
        #expect(rows.count == 6)
        let first = rows[0]
        #expect(first.time.iso8601 == "2026-01-03T09:10:05+09:00")
        #expect(first.direction == .deposit && first.amount == 30000 && first.balance == 30000)
        #expect(first.text == "홍길동1월회비" && first.kind == "일반입금")
        #expect(first.origin == "카카오뱅크 거래내역!row 12")
        #expect(first.raw.contains("홍길동1월회비"))
        let withdrawal = rows[4]
        #expect(withdrawal.direction == .withdrawal && withdrawal.amount == 120000 && withdrawal.balance == 50000)
        #expect(rows[2].memo == "메모 있음")
        #expect(rows[5].kind == "예금이자")
        // The title block, notices and blank rows before the header are skipped, not errors.
        #expect(summary.ignored == 10)  // rows 1–10; the header is row 11
    }

    @Test func badAmountNamesFileSheetRowAndColumn() throws {
        #expect {
            try read(fixture("kakaobank-bad-amount.xlsx"))
        } throws: { error in
            let e = error as! ImportError
            return e.file == "kakaobank-bad-amount.xlsx" && e.sheet == "카카오뱅크 거래내역" && e.row == 14
                && e.column == "거래금액 (D)" && e.problem.contains("25,OOO")
        }
    }

    @Test func sheetWithoutHeader() throws {
        #expect {
            try read(fixture("no-header.xlsx"))
        } throws: { error in
            let e = error as! ImportError
            return e.problem.contains("no header row") && e.sheet == "보고서"
        }
    }

    @Test func truncatedZip() throws {
        #expect {
            try read(fixture("truncated.xlsx"))
        } throws: { error in
            (error as! ImportError).problem.contains("damaged or truncated")
        }
    }

    /// XML damage inside the sheet (a stray end tag in row 14) names the part and the row, and
    /// quotes nothing of the file.
    @Test func damagedSheetXMLNamesTheRow() throws {
        #expect {
            try read(fixture("broken-row.xlsx"))
        } throws: { error in
            let e = error as! ImportError
            return e.file == "broken-row.xlsx" && e.row == 14 && e.problem.contains("xl/worksheets/sheet2.xml")
        }
    }

    /// A compound file is not always an encrypted one: a damaged container says so, instead of
    /// asking for a password.
    @Test func aDamagedCompoundFileIsNotCalledPasswordProtected() throws {
        let url = try temp("locked.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
        #expect { try read(url) } throws: { e in
            let problem = (e as! ImportError).problem
            return problem.contains("damaged") && !problem.contains("password")
        }
    }

    @Test func binaryJunkAndEmptyFiles() throws {
        let junk = try temp("photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]))
        #expect { try read(junk) } throws: { ($0 as! ImportError).problem.contains("not a statement file") }
        let empty = try temp("empty.csv", Data())
        #expect { try read(empty) } throws: { ($0 as! ImportError).problem.contains("empty") }
    }
}

@Suite struct CSVTests {
    @Test func cp949WithSplitDateTimeAndDepositWithdrawalColumns() throws {
        let (rows, summary) = try read(fixture("generic-cp949.csv"))
        #expect(summary.layout == "csv")
        #expect(rows.count == 3)
        #expect(rows[0].time.iso8601 == "2026-01-03T09:10:05+09:00")
        #expect(rows[1].text == "똠얌꿍 햏")  // CP949 extended syllables
        #expect(rows[2].direction == .withdrawal && rows[2].amount == 120000 && rows[2].balance == -60000)
        #expect(summary.ignored == 1)  // the 합계 row
    }

    @Test func utf8WithBOMQuotesAndSignedAmounts() throws {
        let csv =
            "\u{FEFF}datetime,amount,balance,text,id\r\n\"2026.01.05 10:00:00\",\"30,000\",30000,\"홍길동, 1월\",A1\n2026-01-06 11:00,-5000,25000,\"say \"\"hi\"\"\",A2\n"
        let (rows, _) = try read(try temp("s.csv", Data(csv.utf8)))
        #expect(rows.map(\.text) == ["홍길동, 1월", "say \"hi\""])
        #expect(rows[0].bankID == "A1")
        #expect(rows[1].direction == .withdrawal && rows[1].amount == 5000)
    }

    /// A depositor cell of 100,000 characters is no bank's: refused at once, saying how long it
    /// was and without quoting it (an 8 MB cell once took 43 s to be accepted).
    @Test func aHugeCellIsRefused() throws {
        let csv = "date,amount,text\n2026-01-05,30000,\(String(repeating: "가", count: 100_000))\n"
        #expect { try read(try temp("huge.csv", Data(csv.utf8))) } throws: { e in
            let text = "\(e)"
            return text.contains("100,000") && text.count < 400 && !text.contains("가가가")
        }
    }

    @Test func nfdTextIsStoredAsNFC() throws {
        let csv = "date,amount,text\n2026-01-05,30000,\("홍길동".decomposedStringWithCanonicalMapping)\n"
        let (rows, _) = try read(try temp("nfd.csv", Data(csv.utf8)))
        #expect(Array(rows[0].text.utf8) == Array("홍길동".utf8))
    }

    @Test(arguments: [
        ("date,amount,text\n2026-01-05,3만원,홍길동\n", "amount", 2, "3만원"),
        ("date,amount,text\nyesterday,30000,홍길동\n", "date", 2, "yesterday"),
        ("date,amount,text\n2026-01-05,30000,a\n2026-01-06,12.5,b\n", "amount", 3, "12.5"),
        ("date,amount,text\n,30000,홍길동\n", "date", 2, "empty")
    ])
    func badCells(csv: String, column: String, row: Int, mentions: String) throws {
        let url = try temp("bad.csv", Data(csv.utf8))
        #expect { try read(url) } throws: { error in
            let e = error as! ImportError
            return e.row == row && (e.column ?? "").hasPrefix(column) && e.problem.contains(mentions) && e.file == "bad.csv"
        }
    }

    @Test func forcedLayoutThatDoesNotFit() throws {
        #expect { try read(fixture("generic-cp949.csv"), layout: .kakaobank) } throws: { error in
            (error as! ImportError).problem.contains("no header row")
        }
    }
}

@Suite struct XLSXWriterRoundTrip {
    @Test func demoStatementReadsBack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-\(UUID().uuidString).xlsx")
        try XLSXWriter.write(
            rows: [
                [], ["", "거래일시", "구분", "거래금액", "거래 후 잔액", "거래구분", "내용", "메모"],
                ["", "2026.02.01 10:00:00", "입금", "35,000", "35,000", "일반입금", "A&B <홍>", ""]
            ],
            sheetName: "시트", to: url)
        let (rows, _) = try read(url)
        #expect(rows.count == 1 && rows[0].text == "A&B <홍>" && rows[0].amount == 35000)
    }
}

@Suite struct LargeSheetTests {
    /// A sheet far beyond libxml2's ~10 MB single-chunk limit (it failed at its last row before
    /// the parser was fed through a stream).
    @Test func sheetsBeyondTenMegabytesAreRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-large-\(UUID().uuidString).xlsx")
        var rows: [[String]] = [["", "거래일시", "구분", "거래금액", "거래 후 잔액", "거래구분", "내용", "메모"]]
        let memo = String(repeating: "메모", count: 40)
        for k in 0..<60_000 {
            rows.append(["", "2026.01.01 00:00:00", "입금", "1", String(k + 1), "일반입금", "홍길동\(k)", memo])
        }
        try XLSXWriter.write(rows: rows, sheetName: "big", to: url)
        var count = 0
        var last: Transaction?
        try StatementReader(file: url, account: "a").read {
            count += 1
            last = $0
        }
        #expect(count == 60_000)
        #expect(last?.balance == 60_000 && last?.text == "홍길동59999")
    }
}
