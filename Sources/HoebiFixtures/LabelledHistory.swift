import HoebiCore

/// A generated group history whose every deposit carries the truth: who paid, for which months,
/// and whether a person could tell from the text alone. Seeded, so a failure can be replayed.
/// Cases in realistic proportions: names with memos and decorations, given names, platform
/// prefixes, bank truncation, typos, Latin names in any order, parents and couples paying,
/// same-name members, month lists and ranges, advance and partial payments, rate changes,
/// joining, leaving, exemptions, leave (휴회), yearly and quarterly payers, a household paying one
/// rate, months in the memo column, interest, event money, fees, strangers; and money that is not
/// one member paying their own dues (issue 21): the treasurer forwarding payroll-deducted dues for
/// several members, the treasurer's float, lump sums, a deposit that is dues and 뒷풀이 at once, a
/// double payment refunded by a transfer out, the bank's cashback, card cancellations, pockets
/// the user named and 1-won checks, and names with a job title glued on.
public struct LabelledHistory: Sendable {
    public enum Truth: Sendable, Equatable {
        /// Dues from these members (several for a couple), for these months (empty: oldest unpaid first).
        case dues(members: [String], months: [Period], assignable: Bool)
        /// Not dues: interest, event money, a fee, a stranger, a refund.
        case notDues
        /// Dues, but the text or amount leaves a person unsure (same name, months contradicting the amount).
        case unclear(member: String?)
        /// Two things in one deposit: `dues` won of the member's dues for `months`, the rest other
        /// money. Right only when a person splits it.
        case split(member: String, months: [Period], dues: Won)
    }

    public struct Item: Sendable {
        public var deposit: Deposit
        public var truth: Truth
        public var kase: String
    }

    public let group: Group
    public var items: [Item]
    public let periods: [Period]
    /// The account's transfers out that the deposits need (refunds).
    public var withdrawals: [Deposit] = []

    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "전", "홍"]
    static let givens = [
        "민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "주원", "지민", "예준", "수아", "건우", "지아", "현우", "다은",
        "우진", "채원", "선우", "유나", "연우", "소율", "정우", "윤서", "승현", "예린", "태윤", "가은", "준서", "나연", "재원", "소희"
    ]

    public init(seed: UInt64, members memberCount: Int = 60, months: Int = 24) {
        var rnd = SeededRandom(seed: seed)
        let start = Period(year: 2025, month: 1)!
        periods = Period.range(start, start.advanced(by: months - 1))
        let rateChange = start.advanced(by: months / 2)
        var members: [Member] = []
        // Names the special cases below use are kept out of the random draw.
        var used: Set<String> = ["남궁민수", "제갈현", "이솔", "박준영", "김소희", "최예솔", "윤가람", "서다온", "정다운", "정나래"]
        func add(_ name: String, amount: Won? = nil, aliases: [String] = []) {
            var m = Member(id: "m\(members.count + 1)", name: name, aliases: aliases, amount: amount)
            // Some join late, some leave, some are exempt for a month.
            switch rnd.below(10) {
            case 0: m.joined = start.advanced(by: 2 + rnd.below(months / 2))
            case 1: m.left = start.advanced(by: months / 2 + rnd.below(months / 2 - 1))
            case 2: m.exempt = [start.advanced(by: rnd.below(months))]
            case 3 where rnd.chance(50):
                let from = start.advanced(by: 2 + rnd.below(months - 6))
                m.paused = [.init(from: from, to: from.advanced(by: 1 + rnd.below(3)))]
            default: break
            }
            members.append(m)
            used.insert(name)
        }
        while members.count < memberCount - 8 {
            let name = Self.surnames[rnd.below(Self.surnames.count)] + Self.givens[rnd.below(Self.givens.count)]
            if !used.contains(name) { add(name) }
        }
        used = []
        add("남궁민수")
        add("제갈현")  // two-character surnames, a two-syllable given name
        add("이솔")  // a two-character name
        add("Emily Park")  // a Latin name
        add("박준영")
        add("김소희")  // a couple who pay together
        add("최예솔", amount: 20000)  // same name, told apart by her own rate…
        members.append(Member(id: "m\(members.count + 1)", name: "최예솔"))  // …from the one who pays the schedule's
        add("윤가람")
        members[members.count - 1].cycle = .yearly  // pays once a year (연회비)
        add("서다온")
        members[members.count - 1].cycle = .quarterly  // pays by the quarter
        // A household: either name (or both) pays one rate.
        members.append(Member(id: "hh", name: "정다운·정나래", aliases: ["정다운", "정나래"], amount: 50000))
        var g = Group(
            id: "eval", name: "평가 모임", account: Account(bank: "kakaobank", number: "3333-00-0000000"),
            dues: Dues(dueDay: 10, schedule: [.init(from: start, amount: 30000), .init(from: rateChange, amount: 35000)]),
            members: members, nonDuesKeywords: ["뒷풀이", "회식"])
        g.fees = ["가입비": 50000]
        // The treasurer is a member; four members' dues reach the club through the treasurer
        // (payroll deduction at a company club), never from their own names.
        g.treasurer = members[0].id
        let treasurer = members[0]
        let payroll = Array(members[1...4])
        group = g

        // Given names that identify exactly one member (what a person would accept without a surname).
        var givenCount: [String: Int] = [:]
        for m in members { if let given = NameMatcher.givenName(Normalise.letters(m.name)) { givenCount[given, default: 0] += 1 } }
        let fullNames = Set(members.map(\.name))
        func uniqueGiven(_ m: Member) -> String? {
            guard let given = NameMatcher.givenName(Normalise.letters(m.name)), givenCount[given] == 1, !fullNames.contains(given) else { return nil }
            return given
        }
        let sameName = Set(members.filter { n in members.filter { $0.name == n.name }.count > 1 }.map(\.id))
        let couple = members.filter { $0.name == "박준영" || $0.name == "김소희" }.map(\.id)
        let ownCycle = Set(members.filter { $0.cycle != nil }.map(\.id))

        var items: [Item] = []
        var id: Int64 = 0
        func emit(_ p: Period, day: Int, _ amount: Won, _ text: String, _ truth: Truth, _ kase: String, kind: String = "일반입금", memo: String = "") {
            id += 1
            let time = SeoulTime(year: p.year, month: p.month, day: min(day, 28), hour: 8 + rnd.below(14), minute: rnd.below(60), second: rnd.below(60))!
            items.append(Item(deposit: Deposit(id: id, time: time, amount: amount, text: text, kind: kind, memo: memo), truth: truth, kase: kase))
        }
        let koreanMembers = members.filter { m in m.name.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) } && m.name.count == 3 }
        let allNames = Set(members.map(\.name))
        func typo(_ name: String) -> String {
            // One jamo off in the last syllable (동 → 등), the slip a thumb makes.
            var scalars = Array(name.unicodeScalars)
            guard let last = scalars.last, (0xAC00...0xD7A3).contains(last.value) else { return name + "ㅇ" }
            let v = last.value - 0xAC00
            let vowel = (v % 588) / 28
            scalars[scalars.count - 1] = Unicode.Scalar(0xAC00 + (v / 588) * 588 + ((vowel + 1) % 21) * 28 + v % 28)!
            return String(String.UnicodeScalarView(scalars))
        }

        var outgoing: [Deposit] = []
        for p in periods {
            for m in members where (!couple.contains(m.id) || m.name == "박준영") && !payroll.contains(where: { $0.id == m.id }) {
                guard case .due(let due) = g.obligation(of: m, in: p) else { continue }
                // A yearly or quarterly payer pays once, in the month their period begins.
                let own = p.within(g.cycle(of: m))
                if own.startMonth != p.startMonth { continue }
                if rnd.chance(6) { continue }  // forgot this month
                let day = 1 + rnd.below(27)
                if ownCycle.contains(m.id) {
                    let hinted: [String] =
                        own.cycle == .yearly
                        ? ["\(m.name) 연회비", "\(own.year % 100)년 연회비 \(m.name)", "\(m.name) \(own.year)년회비"]
                        : ["\(m.name) \(own.number)분기", "\(own.year)년 \(own.number)분기 \(m.name)"]
                    if rnd.chance(50) {
                        let text = hinted[rnd.below(hinted.count)]
                        // Bare 연회비 names no year: the oldest unpaid one.
                        emit(p, day: day, due, text, .dues(members: [m.id], months: text.hasSuffix(" 연회비") ? [] : [own], assignable: true), "cycle")
                    } else {
                        emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "cycle")
                    }
                    continue
                }
                if m.id == "hh" {
                    let text = ["정다운", "정나래", "정다운정나래", "정나래 \(p.month)월"][rnd.below(4)]
                    emit(p, day: day, due, text, .dues(members: [m.id], months: text.hasSuffix("월") ? [p] : [], assignable: true), "household")
                    continue
                }
                if couple.contains(m.id) {  // 박준영 pays for both
                    emit(
                        p, day: day, due * 2, rnd.chance(50) ? "박준영김소희" : "김소희 박준영 \(p.month)월", .dues(members: couple, months: [], assignable: true), "couple")
                    continue
                }
                if m.name == "Emily Park" {  // a Latin name, in any order and case
                    emit(
                        p, day: day, due, ["EMILY PARK", "park emily", "Park Emily", "emily park 회비"][rnd.below(4)],
                        .dues(members: [m.id], months: [], assignable: true), "latin")
                    continue
                }
                if sameName.contains(m.id) {
                    emit(p, day: day, due, m.name, .unclear(member: m.id), "same-name")
                    continue
                }
                let roll = rnd.below(100)
                let month = "\(p.month)월"
                switch roll {
                case 0..<45: emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "name")
                case 45..<57:
                    let memo = [
                        m.name + month + "회비", "\(p.year % 100).\(month)" + m.name, m.name + "(\(month)회비)", m.name + "_회비",
                        "F.I.T " + m.name + " 회비", "회비" + m.name
                    ][rnd.below(6)]
                    emit(p, day: day, due, memo, .dues(members: [m.id], months: memo.contains(month) ? [p] : [], assignable: true), "memo")
                case 57..<63:
                    if let given = uniqueGiven(m) {
                        emit(p, day: day, due, given, .dues(members: [m.id], months: [], assignable: true), "given-name")
                    } else {
                        emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "name")
                    }
                case 63..<67:
                    emit(
                        p, day: day, due, rnd.chance(50) ? "토스 " + m.name : m.name + "(카카오페이)", .dues(members: [m.id], months: [], assignable: true), "platform"
                    )
                case 67..<70:
                    let cut = String((month + "회비" + m.name).prefix(7))
                    let fits = cut.hasSuffix(String(m.name.prefix(m.name.count - 1))) || cut.contains(m.name)
                    emit(p, day: day, due, cut, .dues(members: [m.id], months: [], assignable: fits), "truncated")
                case 70..<72:
                    emit(p, day: day, due, typo(m.name), .dues(members: [m.id], months: [], assignable: true), "typo")
                case 72..<76:
                    let next = p.next
                    if p < periods.last!, case .due(let due2) = g.obligation(of: m, in: next) {
                        emit(
                            p, day: day, due + due2, m.name + " \(p.month),\(next.month)월", .dues(members: [m.id], months: [p, next], assignable: true),
                            "month-list")
                    } else {
                        emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "name")
                    }
                case 76..<78:
                    emit(p, day: day, due / 2, m.name, .dues(members: [m.id], months: [], assignable: true), "partial")
                    emit(p, day: day + 1, due - due / 2, m.name, .dues(members: [m.id], months: [], assignable: true), "partial")
                case 78..<79:
                    emit(p, day: day, due * 2, m.name, .dues(members: [m.id], months: [], assignable: true), "advance")
                case 79..<80:
                    // Four months at once naming none: a person asks (the bound is this period and the next).
                    emit(p, day: day, due * 4, m.name, .dues(members: [m.id], months: [], assignable: false), "lump")
                case 80..<81:
                    emit(p, day: day, due, m.name + " 1,2월", .unclear(member: m.id), "hint-contradicts")
                case 81..<83:
                    // Months in the statement's memo column (KakaoBank 메모, Toss 메모).
                    emit(p, day: day, due, m.name, .dues(members: [m.id], months: [p], assignable: true), "memo-column", memo: "\(month) 회비")
                case 83..<85:
                    if let given = uniqueGiven(m) {
                        emit(p, day: day, due, given + (rnd.chance(50) ? "맘" : "엄마"), .dues(members: [m.id], months: [], assignable: true), "parent")
                    } else {
                        emit(p, day: day, due, m.name + "엄마", .dues(members: [m.id], months: [], assignable: true), "parent")
                    }
                case 85..<87:
                    let title = ["과장", "대리", "팀장", "부장님", "님", "사원"][rnd.below(6)]
                    emit(p, day: day, due, m.name + title, .dues(members: [m.id], months: [], assignable: true), "title")
                case 87..<88 where m.id != treasurer.id:
                    // Paid twice by mistake; the treasurer sends the second one back the next day.
                    emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "name")
                    emit(p, day: day + 1, due, m.name, .notDues, "refunded")
                    let back = items[items.count - 1].deposit.time.epochSeconds + 86400
                    outgoing.append(
                        Deposit(
                            id: 1_000_000 + Int64(outgoing.count), time: SeoulTime(epochSeconds: back), amount: due, text: m.name, kind: "이체",
                            memo: "중복입금 환불"))
                case 88..<89:
                    // Dues and the night's 뒷풀이 in one transfer.
                    emit(p, day: day, due + 15000, m.name, .split(member: m.id, months: [p], dues: due), "split", memo: "\(month)회비+뒷풀이")
                default:
                    emit(p, day: day, due, m.name, .dues(members: [m.id], months: [], assignable: true), "name")
                }
            }
            // The treasurer forwards the payroll members' dues in one transfer from their own name.
            let forwarded = payroll.filter { g.obligation(of: $0, in: p).amount > 0 }
            let total = forwarded.reduce(Won(0)) { $0 + g.obligation(of: $1, in: p).amount }
            if total > 0 {
                emit(p, day: 25, total, treasurer.name, .dues(members: forwarded.map(\.id), months: [p], assignable: false), "collective")
            }
            // The treasurer's float, and a member's lump sum that is no period's dues.
            if rnd.chance(12) { emit(p, day: 2, [200_000, 700_000, 5_000_000][rnd.below(3)], treasurer.name, .notDues, "float") }
            if rnd.chance(4), !koreanMembers.isEmpty {
                emit(p, day: 9, 1_500_000, koreanMembers[rnd.below(koreanMembers.count)].name, .notDues, "lump-sum")
            }
            // The bank's own credits: cashback, a card purchase cancelled, a named pocket, a 1-won check.
            if rnd.chance(40) { emit(p, day: 4, Won(100 + rnd.below(5) * 100), "토스뱅크", .notDues, "bank-credit", kind: "프로모션입금") }
            if rnd.chance(15) { emit(p, day: 6, Won(3_000 + rnd.below(40) * 100), "GS25 역삼점", .notDues, "bank-credit", kind: "체크카드결제") }
            if rnd.chance(15) { emit(p, day: 7, Won(50_000 + rnd.below(20) * 10_000), "부가세박스", .notDues, "bank-credit", kind: "빼기") }
            if rnd.chance(8) { emit(p, day: 8, 1, String(1000 + rnd.below(9000)), .notDues, "bank-credit") }
            // Money that is not dues.
            if p.month % 3 == 0 { emit(p, day: 28, Won(300 + rnd.below(1500)), "결산이자", .notDues, "interest", kind: "예금이자") }
            if rnd.chance(40) { emit(p, day: 20, 25000, members[rnd.below(members.count - 2)].name + " 뒷풀이", .notDues, "event") }
            if rnd.chance(15), !koreanMembers.isEmpty {
                emit(p, day: 21, 20000, koreanMembers[rnd.below(koreanMembers.count)].name, .notDues, "event-memo", memo: "회식비")
            }
            if rnd.chance(25) { emit(p, day: 5, 50000, members[rnd.below(members.count - 2)].name + " 가입비", .notDues, "fee") }
            if rnd.chance(30) { emit(p, day: 15, Won(10000 + rnd.below(5) * 10000), ["모르는사람", "주식회사한빛", "엄마생일", "김철수"][rnd.below(4)], .notDues, "stranger") }
            // The bank's own rows (KakaoBank's pockets and closings, card companies paying out).
            if rnd.chance(25) { emit(p, day: 3, Won(100_000 + rnd.below(40) * 10_000), "세이프박스", .notDues, "bank-row", kind: "세이프박스") }
            if rnd.chance(15) { emit(p, day: 12, Won(1_000 + rnd.below(30) * 1_000), ["하나카드", "신한카드", "삼성카드", "KB국민카드"][rnd.below(4)], .notDues, "bank-row") }
            if rnd.chance(3) { emit(p, day: 25, Won(1_000_000 + rnd.below(10) * 100_000), "예금(\(1000 + rnd.below(9000)))해지", .notDues, "bank-row", kind: "기타") }
            if rnd.chance(20) { emit(p, day: 26, Won(900 + rnd.below(900)), ["입출금통장 이자", "세이프박스 이자"][rnd.below(2)], .notDues, "interest", kind: "예금이자") }
            // A transfer out that came back, naming the person it was for.
            if rnd.chance(10), !koreanMembers.isEmpty {
                let m = koreanMembers[rnd.below(koreanMembers.count)]
                emit(
                    p, day: 18, Won(10_000 + rnd.below(10) * 10_000), ["간편이체취소(\(m.name))", "간편이체 취소(\(m.name))", "송금취소 \(m.name)"][rnd.below(3)], .notDues,
                    "reversal")
            }
            // Someone else whose name holds a member's: another surname, or a syllable more.
            if rnd.chance(15), !koreanMembers.isEmpty {
                let m = koreanMembers[rnd.below(koreanMembers.count)]
                let given = String(m.name.dropFirst())
                let other = Self.surnames.map { $0 + given }.filter { !allNames.contains($0) && !$0.hasPrefix(String(m.name.prefix(1))) }
                if !other.isEmpty { emit(p, day: 16, 30000, other[rnd.below(other.count)], .notDues, "look-alike") }
            }
        }
        items.sort { ($0.deposit.time, $0.deposit.id) < ($1.deposit.time, $1.deposit.id) }
        self.items = items
        self.withdrawals = outgoing
    }
}
