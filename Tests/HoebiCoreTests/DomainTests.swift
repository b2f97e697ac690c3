import Foundation
import Testing

@testable import HoebiCore

@Suite struct PeriodAndTimeTests {
    @Test func periodsParseOnlyYYYYMM() {
        #expect(Period("2026-03")?.description == "2026-03")
        #expect(Period("2026-3") == nil)
        #expect(Period("2026-13") == nil)
        #expect(Period("26-03") == nil)
        #expect(p("2026-12").next == p("2027-01"))
        #expect(Period.range(p("2026-11"), p("2027-02")).map(\.description) == ["2026-11", "2026-12", "2027-01", "2027-02"])
    }

    @Test(arguments: [
        ("2026.01.05 10:00:00", "2026-01-05T10:00:00+09:00"),
        ("2026-01-05 10:00", "2026-01-05T10:00:00+09:00"),
        ("2026/1/5", "2026-01-05T00:00:00+09:00"),
        ("20260105", "2026-01-05T00:00:00+09:00"),
        ("20260105093007", "2026-01-05T09:30:07+09:00"),
        ("2026-01-05T10:00:00+09:00", "2026-01-05T10:00:00+09:00"),
        ("2025-12-31T15:30:00Z", "2026-01-01T00:30:00+09:00")
    ])
    func dateSpellings(text: String, iso: String) {
        #expect(SeoulTime(parsing: text)?.iso8601 == iso)
    }

    @Test func dateWithSeparateTimeColumnAndRejects() {
        #expect(SeoulTime(parsing: "2026.01.05", time: "093007")?.iso8601 == "2026-01-05T09:30:07+09:00")
        #expect(SeoulTime(parsing: "2026-02-30") == nil)
        #expect(SeoulTime(parsing: "hello") == nil)
        #expect(SeoulTime(parsing: "2026-01-05 25:00") == nil)
    }

    @Test func excelSerialsRoundToTheSecond() {
        // 45718.3854166 is 2025-03-02 09:15:00 (not 09:14:59.999).
        #expect(SeoulTime(excelSerial: 45718.3854166)?.iso8601 == "2025-03-02T09:15:00+09:00")
    }

    @Test func epochRoundTripAndWeekday() {
        let x = t("2026-11-10 08:00:00")
        #expect(SeoulTime(epochSeconds: x.epochSeconds) == x)
        #expect(x.epochSeconds == 1_794_265_200)  // computed independently with Python
        #expect(x.weekday == 2)  // Tuesday
    }

    @Test func moneyGrouping() {
        #expect(Won(1234567).grouped == "1,234,567")
        #expect(Won(-39000).grouped == "-39,000")
        #expect(Won(0).grouped == "0")
    }
}

@Suite struct TextTests {
    @Test func nfcBeforeStorage() {
        let nfd = "홍길동".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array("홍길동".utf8))
        #expect(Array(Normalise.nfc(nfd).utf8) == Array("홍길동".utf8))
        // A transaction normalises its text on the way in.
        let tx = Transaction(account: "a", time: t("2026-01-01"), direction: .deposit, amount: 1, balance: nil, text: nfd, source: "x", raw: "")
        #expect(Array(tx.text.utf8) == Array("홍길동".utf8))
    }

    @Test func lettersFoldWidthCaseAndDecoration() {
        #expect(Normalise.letters("ＫＢ 홍길동(3월회비)") == "kb홍길동월회비")
        #expect(Normalise.letters("EMILY PARK") == "emilypark")
    }

    /// Searched by UTF-8 bytes: a match must be whole scalars, found anywhere, in a bridged string too.
    @Test func holdsFindsWholeScalarsAnywhere() {
        #expect("하나카드캐쉬백".holds("캐쉬백") && "하나카드".holds("하나카드") && "x".holds(""))
        #expect(!"하나카".holds("하나카드") && !"".holds("가") && !"박하나".holds("하나카드"))
        // 가 is EA B0 80 and 각 is EA B0 81: sharing the leading bytes is not a match.
        #expect(!"각".holds("가") && "각가".holds("가"))
        #expect(NSString(string: "토스 프로모션입금").description.holds("프로모션"))
    }

    @Test func hangulIsTwoColumnsWide() {
        #expect(DisplayWidth.of("홍길동") == 6)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.padRight("김솔", to: 6) == "김솔  ")
    }

    @Test func masking() {
        #expect(Mask.name("홍길동") == "홍*동")
        #expect(Mask.name("김솔") == "김*")
        #expect(Mask.name("남궁민수") == "남**수")
        #expect(Mask.account("3333-01-1234567") == "3333-**-***4567")
    }
}

@Suite struct ContinuityTests {
    func row(_ id: Int64, _ time: String, _ amount: Won, _ balance: Won?) -> Continuity.Row {
        Continuity.Row(id: id, time: t(time), signedAmount: amount, balance: balance, text: "")
    }

    @Test func continuousChainHasNoBreaks() {
        #expect(Continuity.breaks(in: [row(1, "2026-01-01 09:00", 100, 100), row(2, "2026-01-02 09:00", -30, 70)]).isEmpty)
    }

    @Test func aMissingRowIsReportedWithItsNeighbours() {
        let b = Continuity.breaks(in: [row(1, "2026-01-01 09:00", 100, 100), row(3, "2026-01-03 09:00", 50, 200)])
        #expect(b.count == 1)
        #expect(b[0].before.id == 1 && b[0].after.id == 3)
        #expect(b[0].gap == 50)
    }

    @Test func sameSecondRowsAreOrderedSoTheyChain() {
        // Stored in the "wrong" order within one second; the chain still holds.
        let rows = [row(1, "2026-01-01 09:00", 100, 100), row(3, "2026-01-01 10:00", 5, 125), row(2, "2026-01-01 10:00", 20, 120)]
        #expect(Continuity.breaks(in: rows).isEmpty)
    }

    /// Toss within one second, newest first in the file (issue 22, point 3): a top-up, a card
    /// payment and its cashback, and two rows that both fit the balance before them.
    @Test func aSecondOfTossRowsChainsInTheOrderThatFits() {
        let rows = [
            row(1, "2026-01-01 09:00", 1000, 1000),
            // File order (newest first): cashback, payment, top-up.
            row(4, "2026-01-01 10:00", 100, 5100), row(3, "2026-01-01 10:00", -15000, 5000), row(2, "2026-01-01 10:00", 19000, 20000),
            // Both +300 and +500 fit 5,100; only +500 first lets the others follow (−500, then +300).
            row(5, "2026-01-01 11:00", 300, 5400), row(6, "2026-01-01 11:00", 500, 5600), row(7, "2026-01-01 11:00", -500, 5100)
        ]
        #expect(Continuity.breaks(in: rows).isEmpty)
        // A real gap is still found: 1,500 missing before the next second.
        #expect(Continuity.breaks(in: rows + [row(8, "2026-01-01 12:00", 100, 7000)]).map(\.after.id) == [8])
    }

    @Test func theFirstSecondOfAFileIsOrderedToo() {
        // Nothing before it to chain from: the head is the row whose balance before is no other's after.
        let rows = [row(3, "2026-01-01 09:00", 5, 125), row(2, "2026-01-01 09:00", 20, 120), row(1, "2026-01-01 09:00", 100, 100)]
        #expect(Continuity.breaks(in: rows).isEmpty)
        let shuffled = [row(2, "2026-01-01 09:00", 20, 120), row(3, "2026-01-01 09:00", 5, 125), row(1, "2026-01-01 09:00", 100, 100)]
        #expect(Continuity.breaks(in: shuffled).isEmpty)
    }

    @Test func aRowWithoutABalanceCarriesItsAmount() {
        let rows = [row(1, "2026-01-01 09:00", 1000, 1000), row(2, "2026-01-01 10:00", 500, nil), row(3, "2026-01-01 11:00", 200, 1700)]
        #expect(Continuity.breaks(in: rows).isEmpty)
        // In one second, the unbalanced row goes where the chain needs it.
        let tied = [row(1, "2026-01-01 09:00", 1000, 1000), row(3, "2026-01-01 10:00", 200, 1700), row(2, "2026-01-01 10:00", 500, nil)]
        #expect(Continuity.breaks(in: tied).isEmpty)
    }

    @Test func thousandsOfRowsInOneSecondChain() {
        // 20,000 rows with one time-stamp, stored backwards and shuffled in pairs: ordered by the
        // balance before each, not by trying every order.
        var rows = [row(0, "2026-01-01 09:00", 10, 10)]
        var tied: [Continuity.Row] = []
        var balance: Won = 10
        for k in 1...20000 {
            let amount: Won = k % 3 == 0 ? -7 : 11
            balance += amount
            tied.append(row(Int64(k), "2026-01-01 10:00", amount, balance))
        }
        for k in stride(from: 0, to: tied.count - 1, by: 2) { tied.swapAt(k, k + 1) }
        rows += tied
        #expect(Continuity.breaks(in: rows).isEmpty)
    }
}

@Suite struct IdentityTests {
    func tx(_ text: String, bankID: String? = nil) -> Transaction {
        Transaction(
            account: "k:1", bankID: bankID, time: t("2026-01-07 12:00:00"), direction: .deposit, amount: 25000,
            balance: nil, text: text, source: "x", raw: "")
    }

    @Test func identicalRowsGetOccurrenceNumbers() {
        var c = IdentityCounter()
        let a = c.identity(of: tx("이서연")), b = c.identity(of: tx("이서연")), other = c.identity(of: tx("김솔"))
        #expect(a != b)
        #expect(a.hasSuffix("#1") && b.hasSuffix("#2") && other.hasSuffix("#1"))
        var again = IdentityCounter()
        #expect(again.identity(of: tx("이서연")) == a)  // a re-read yields the same identities
    }

    @Test func bankIDWinsOverContent() {
        var c = IdentityCounter()
        #expect(c.identity(of: tx("a", bankID: "T1")) == c.identity(of: tx("b", bankID: "T1")))
    }
}

@Suite struct MoneyParseTests {
    @Test func amountsAsRealExportersWriteThem() {
        let cases: [(String, Money.Parsed)] = [
            ("30,000", .won(30000)), ("-30,000", .won(-30000)), ("+1,237", .won(1237)), ("(30,000)", .won(-30000)),
            ("30000.0", .won(30000)), ("1.0221404E7", .won(10_221_404)), ("-1.0E7", .won(-10_000_000)), ("1.0E7", .won(10_000_000)),
            ("３０，０００", .won(30000)), ("25000원", .won(25000)), ("₩25,000", .won(25000)), ("910000.000", .won(910000)),
            ("000000000000002.000", .won(2)), (" 1 000 ", .won(1000)),
            ("30000.5", .notWhole), ("1.02214045E7", .notWhole), ("1,2", .notAnAmount), ("30,0,00", .notAnAmount), ("1e", .notAnAmount),
            ("abc", .notAnAmount), ("", .notAnAmount), ("9223372036854775807", .tooLarge), ("1.0E19", .tooLarge), ("10000000000001", .tooLarge)
        ]
        for (text, expected) in cases { #expect(Money.parse(text) == expected, "\(text)") }
    }
}

@Suite struct AccountNumberTests {
    @Test func printedNumbersAgainstTheConfiguredOne() {
        #expect(AccountNumber.matches(printed: "3333-01-1234567", configured: "3333011234567") == true)
        #expect(AccountNumber.matches(printed: "3333-**-****567", configured: "3333-01-1234567") == true)
        #expect(AccountNumber.matches(printed: "3333-**-****568", configured: "3333-01-1234567") == false)
        #expect(AccountNumber.matches(printed: "110-123-456789", configured: "3333-01-1234567") == false)
        #expect(AccountNumber.matches(printed: "3333*****567", configured: "3333-01-1234567") == true)
        #expect(AccountNumber.matches(printed: "***", configured: "3333-01-1234567") == nil)
    }
}

/// Particles by the last syllable (issue 23, point 5).
@Suite struct ParticleTests {
    @Test(arguments: [
        ("'홍길동'은(는)", "'홍길동'은"), ("'이서연'은(는)", "'이서연'은"), ("'뒷풀이'이(가)", "'뒷풀이'가"), ("김솔을(를)", "김솔을"),
        ("이지우을(를)", "이지우를"), ("'서울'(으)로", "'서울'로"), ("'박민지'(으)로", "'박민지'로"), ("'홍길동'(으)로", "'홍길동'으로"),
        ("2026-03은(는)", "2026-03은"), ("10일과(와)", "10일과"), ("'2'은(는)", "'2'는"), ("'EMILY'은(는)", "'EMILY'은(는)")
    ])
    func chosenByTheLastSyllable(written: String, read: String) {
        #expect(Particle.resolve(written) == read)
    }

    @Test func messagesInKoreanChooseThem() {
        #expect(Messages.t("import.row.date", in: .ko, "어제").hasPrefix("'어제'는 알 수 있는 날짜가 아닙니다"))
        #expect(Messages.t("import.row.date", in: .en, "yesterday").hasPrefix("'yesterday' is not"))
    }
}
