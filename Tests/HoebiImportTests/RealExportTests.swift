import Foundation
import Testing

@testable import HoebiCore
@testable import HoebiImport

/// Statement files laid out as the banks' real exports are (prior-art.md §5b), written by
/// independent tools: Apache POI (Standard encryption, BIFF8), xlwt (BIFF8 with RK numbers and the
/// 1904 date system), Python (HTML, xlsx). See scripts/make-fixtures.py.
@Suite struct RealExportTests {
    func rows(_ name: String, password: String? = nil) throws -> ([Transaction], StatementReader.Summary) {
        var out: [Transaction] = []
        let source: (@Sendable () throws -> String)? = password.map { p in { @Sendable in p } }
        let s = try StatementReader(file: fixture(name), account: "x:1", password: source).read { out.append($0) }
        return (out, s)
    }

    func line(_ t: Transaction) -> String {
        "\(t.time.iso8601.prefix(19)) \(t.direction == .deposit ? "+" : "-")\(t.amount) =\(t.balance.map(String.init) ?? "-") \(t.text) [\(t.kind)]"
    }

    /// Toss: ECMA-376 Standard encryption, amounts as Java doubles (1.0221404E7), 거래 유형 kept as the kind.
    @Test func tossStandardEncryptedWithJavaDoubles() throws {
        let (r, s) = try rows("toss-standard-encrypted.xlsx", password: "990101")
        #expect(s.layout == "toss")
        #expect(
            r.map(line) == [
                "2026-03-31T03:00:00 +1237 =20291404 이자 [이자입금]",
                "2026-03-20T10:00:00 -10000000 =20290167 북한산대피소 [출금]",
                "2026-03-05T09:00:00 +10221404 =30290167 김솔 [입금]",
                "2026-02-03T20:32:16 +30000 =20068763 이서연 [입금]",
                "2026-01-05T10:00:00 +30000 =20038763 홍길동 [입금]"
            ])
        #expect(throws: ImportError.self) { try rows("toss-standard-encrypted.xlsx", password: "000000") }
    }

    /// 신한 거래내역조회 .xls: a BIFF8 workbook (not an encrypted one), text dates, numeric amounts,
    /// a formula's cached balance, a zero-amount 신규 row skipped.
    @Test func shinhanBIFF8() throws {
        let (r, s) = try rows("shinhan-inquiry.xls")
        #expect(s.layout == "shinhan")
        #expect(
            r.map(line) == [
                "2026-03-20T10:00:00 -120000 =1000 북한산대피소 [타행이체]",
                "2026-03-05T09:00:00 +30000 =121000 김솔3월 [모바일]",
                "2026-02-03T20:32:16 +30000 =91000 이서연 [타행이체]",
                "2026-01-05T10:00:00 +60000 =61000 홍길동 1,2월 [모바일]"
            ])
        #expect(r[0].origin.hasPrefix("신한은행_거래내역조회_20260401093000!row 8"))
        // The skipped rows are said by kind: the title block, and the 0-won opening row with its text.
        #expect(s.skipped.zeroWon == ["신규"] && s.skipped.title > 0, "\(s.skipped)")
    }

    @Test func anEncryptedXlsIsNamed() {
        #expect { try rows("shinhan-inquiry-encrypted.xls") } throws: { e in
            let p = (e as? ImportError)?.problem ?? ""
            return p.contains("password-protected (RC4") && p.contains(".xls")
        }
    }

    /// xlwt's BIFF8: numbers as RK/MULRK, real date cells in the 1904 system; 우리's older labels.
    @Test func wooriOlderLabelsInA1904Workbook() throws {
        let (r, s) = try rows("woori-old-1904.xls")
        #expect(s.layout == "woori")
        #expect(
            r.map(line) == [
                "2026-01-05T10:00:00 +30000 =30000 홍길동 [인터넷]",
                "2026-01-06T11:30:00 +30000 =60000 이서연1월 [모바일]",
                "2026-01-20T09:15:00 -45000 =15000 북한산대피소 [타행이체]"
            ])
    }

    /// KB국민 "엑셀 저장": an HTML table named .xls, below a meta table; 합계 footer ignored.
    @Test func kbHTMLSavedAsXls() throws {
        let (r, s) = try rows("kb-personal-html.xls")
        #expect(s.layout == "kb")
        #expect(
            r.map(line) == [
                "2026-01-31T21:02:45 +30000 =75000 이서연 [전자금융]",
                "2026-01-20T09:15:00 -45000 =45000 북한산대피소 [타행이체]",
                "2026-01-05T10:00:00 +90000 =90000 홍길동 [전자금융]"
            ])
        #expect(r[0].memo == "1월 회비")
    }

    @Test func ibkAndJeonbuk() throws {
        let (ibk, a) = try rows("ibk.xlsx")
        #expect(a.layout == "ibk")
        #expect(
            ibk.map(line) == [
                "2026-08-11T09:08:46 +30000 =30000 홍길동 [입금]",
                "2026-08-12T10:00:00 +30000 =60000 이서연 [입금]",
                "2026-08-13T18:00:00 -50000 =10000 회식비 [출금]"
            ])
        let (jb, b) = try rows("jeonbuk.xlsx")
        #expect(b.layout == "jeonbuk")
        #expect(
            jb.map(line) == [
                "2026-01-05T10:00:00 +30000 =30000 홍길동 []",
                "2026-01-06T11:30:00 +30000 =60000 이서연 []",
                "2026-01-20T09:15:00 -45000 =15000 북한산대피소 []"
            ])
    }

    /// An export from a bank with no named layout imports when its labels are ordinary.
    @Test func aBankWithoutALayoutImportsByItsLabels() throws {
        let csv = "새마을금고 거래내역\n계좌번호,9002-1234-5678-9\n\n거래일자,거래시간,맡기신금액,찾으신금액,잔고,입금자명,비고\n2026.01.05,10:00:00,\"30,000\",0,\"30,000\",홍길동,1월\n"
        var out: [Transaction] = []
        let s = try StatementReader(file: try temp("mg.csv", Data(csv.utf8)), account: "x:1").read { out.append($0) }
        #expect(s.layout == "auto")
        #expect(out.map(line) == ["2026-01-05T10:00:00 +30000 =30000 홍길동 []"])
        #expect(out.first?.memo == "1월")
    }

    /// Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
    @Test func utf16TabSeparated() throws {
        let text = "거래일시\t구분\t거래금액\t거래 후 잔액\t거래구분\t내용\t메모\r\n2026.01.03 09:10:05\t입금\t30,000\t30,000\t일반입금\t홍길동\t\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        var out: [Transaction] = []
        let s = try StatementReader(file: try temp("unicode.txt", data), account: "x:1").read { out.append($0) }
        #expect(s.layout == "kakaobank" && out.map(line) == ["2026-01-03T09:10:05 +30000 =30000 홍길동 [일반입금]"])
    }

    /// The direction column as a Mac tool may write it, decomposed into jamo (NFD): 출금 is still a
    /// transfer out, though its amount carries no sign.
    @Test func aDecomposedDirectionIsReadAsItsWord() throws {
        let out1 = "출금".decomposedStringWithCanonicalMapping, in1 = "입금".decomposedStringWithCanonicalMapping
        #expect(out1.utf8.count > "출금".utf8.count)
        let text =
            "거래일시,구분,거래금액,거래 후 잔액,거래구분,내용,메모\n2026.01.03 09:10:05,\(in1),\"30,000\",\"30,000\",일반입금,홍길동,\n"
            + "2026.01.04 10:00:00,\(out1),\"10,000\",\"20,000\",일반출금,북한산,\n"
        var out: [Transaction] = []
        _ = try StatementReader(file: try temp("nfd.csv", Data(text.utf8)), account: "x:1").read { out.append($0) }
        #expect(out.map(line) == ["2026-01-03T09:10:05 +30000 =30000 홍길동 [일반입금]", "2026-01-04T10:00:00 -10000 =20000 북한산 [일반출금]"])
    }

    @Test func aPDFIsRefusedWithWhatToDoInstead() throws {
        let url = try temp("거래내역.pdf", Data("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8))
        #expect { try StatementReader(file: url, account: "x:1").read { _ in } } throws: { e in
            let i = e as? ImportError
            return i?.problem.contains("PDF") == true && i?.hint?.contains("Excel") == true
        }
    }

    /// Nothing fits: the error names the closest row and what it lacks, not the whole catalogue.
    @Test func theNoHeaderErrorShowsTheClosestRow() throws {
        let csv = "거래일시,적요,금액\n2026.01.05 10:00:00,홍길동,30000\n"
        #expect { try StatementReader(file: try temp("odd.csv", Data(csv.utf8)), account: "x:1").read { _ in } } throws: { e in
            let d = "\(e)"
            // The labels it knows, and how many other cells (they may be data: never quoted).
            return d.contains("row 1") && d.contains("거래일시 · 적요 · 1 other cells") && d.contains("lacks 거래금액") && !d.contains("내 통장 표시")
        }
    }
}

@Suite struct ReaderPartsTests {
    /// 600 distinct texts: the SST continues across CONTINUE records, strings split at the boundary.
    @Test func sharedStringsAcrossContinueRecords() throws {
        var out: [Transaction] = []
        let s = try StatementReader(file: fixture("woori-long-sst.xls"), account: "x:1").read { out.append($0) }
        #expect(s.layout == "woori" && out.count == 600)
        #expect(out.enumerated().allSatisfy { $0.element.text == "회원\(String(format: "%03d", $0.offset))번 홍길동님의 \($0.offset)번째 회비 입금" })
        #expect(out.last?.amount == 10599 && out.last?.balance == (0..<600).reduce(0) { $0 + 10000 + Int64($1) })
    }

    @Test func htmlEntitiesSpansAndBreaks() throws {
        let html = """
            <HTML><body><!-- <table> in a comment --><TABLE>
            <tr><th rowspan="2">거래일시</th><th colspan=2>금액</th><th>내용</th></tr>
            <tr><td>입금</td><td>출금</td><td>x</td></tr>
            <tr><td>2026.01.05&nbsp;10:00:00</td><td>30,000</td><td></td><td>홍길동<br>&amp; 김솔 &#xAC00;&#44032;</td></tr>
            </TABLE></body></HTML>
            """
        let tables = try #require(HTMLTables(html)).tables
        #expect(tables.count == 1)
        var rows: [[String]] = []
        try tables[0].rows { rows.append($0.cells) }
        #expect(rows == [["거래일시", "금액", "", "내용"], ["", "입금", "출금", "x"], ["2026.01.05 10:00:00", "30,000", "", "홍길동 & 김솔 가가"]])
        #expect(HTMLTables("거래일시,금액\n") == nil)
    }
}

/// Real exports, round three (issue 22): files written by openpyxl, xlwt and Python's csv in the
/// layouts people published (scripts/make-fixtures.py round3).
@Suite struct RoundThreeExportTests {
    func read(_ name: String, expecting account: String? = nil) throws -> ([Transaction], StatementReader.Summary) {
        var out: [Transaction] = []
        let s = try StatementReader(file: fixture(name), account: "x:1", expectedAccountNumber: account).read { out.append($0) }
        return (out, s)
    }

    /// IBK 거래내역조회_입출식 예금: number, holder, balance and period in one merged cell.
    @Test func ibkMergedTitleCell() throws {
        let (rows, s) = try read("ibk-merged.xlsx", expecting: "048-123456-01-019")
        #expect(rows.count == 2 && s.fileAccount == "048-123456-01-019")
        // Another group's account: refused with the two numbers, and nothing else from the cell.
        #expect { try read("ibk-merged.xlsx", expecting: "110-123-456789") } throws: { e in
            let text = "\(e)"
            return text.contains("048-123456-01-019") && text.contains("110-123-456789") && !text.contains("홍길동") && !text.contains("1,234,567")
                && !text.contains("조회기준일") && !text.contains("보통예금")
        }
    }

    @Test(
        arguments: [
            ("계좌번호:048-123456-01-019 (보통예금)      조회기준일:2026.08.31", "048-123456-01-019"),
            ("계좌번호 : 3333-**-****567  예금주 홍길동", "3333-**-****567"), ("조회일 2026-08-31 계좌번호 110 123 456789", "110 123 456789"),
            ("예금주 홍길동, 잔액 1,234,567원", nil)
        ] as [(String, String?)])
    func theNumberAloneIsTaken(cell: String, number: String?) {
        #expect(StatementReader.accountNumber(in: [cell]) == number)
    }

    /// NH BIFF8 by xlwt: a text 거래일자 beside a numeric 거래시간 (Excel's fraction of a day).
    @Test func nhTimeOfDayFractions() throws {
        let (rows, s) = try read("nh-time-fraction.xls")
        #expect(s.layout == "nh")
        #expect(rows.map { String($0.time.iso8601.prefix(19)) } == ["2012-08-16T15:42:42", "2012-08-17T09:06:00", "2012-08-20T23:59:59"])
    }

    /// openpyxl: a real date cell (a serial in the file) beside a time written as text.
    @Test func nhSerialDateWithTextTime() throws {
        let (rows, _) = try read("nh-serial-date.xlsx")
        #expect(rows.map { String($0.time.iso8601.prefix(19)) } == ["2012-08-16T15:42:42", "2012-08-17T09:06:00"])
    }

    /// Toss CSV, newest first, rows sharing seconds and two without a balance: the chain holds.
    @Test func tossTiesChain() throws {
        let (rows, _) = try read("toss-ties.csv")
        #expect(rows.count == 29 && rows.filter { $0.balance == nil }.count == 2)
        // As the store hands them over: time order, file order within a second (here newest first).
        let chain = rows.enumerated().reversed().map { i, t in
            Continuity.Row(
                id: Int64(rows.count - i), time: t.time, signedAmount: t.direction == .deposit ? t.amount : -t.amount, balance: t.balance, text: t.text)
        }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        #expect(Continuity.breaks(in: chain).isEmpty)
    }
}
