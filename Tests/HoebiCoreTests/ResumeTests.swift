import Foundation
import Testing

@testable import HoebiCore
@testable import HoebiFixtures

/// Matching only what is new must give exactly what matching everything gives: the same outcome
/// for every deposit, the same allocations and holds, on generated histories cut at random into
/// three statements, with the treasurer's decisions on the first.
@Suite struct ResumeTests {
    struct Cut {
        var outcomes: [Outcome] = []
        var allocations: [String] = []
        var holds: [String] = []
        var otherParts: [Int64: Allocator.OtherPart] = [:]
        var withdrawalReviews: [Int64: String] = [:]

        mutating func add(_ r: Allocator.Result) {
            outcomes += r.outcomes
            allocations += r.allocations.map(Self.line)
            holds += r.holds.map(Self.line)
            otherParts.merge(r.otherParts) { a, _ in a }
            withdrawalReviews.merge(r.withdrawalReviews) { a, _ in a }
        }
        static func line(_ a: Allocation) -> String { "t\(a.transactionID) \(a.memberID) \(a.period?.description ?? "credit") \(a.amount)" }
    }

    /// A history's deposits in time order, some decisions among the first `decided` of them and the
    /// rules they would leave.
    static func history(_ seed: UInt64) -> (LabelledHistory, [Deposit], [Int64: Decision], [String: String]) {
        let h = LabelledHistory(seed: seed, members: 20 + Int(seed % 25), months: 10 + Int(seed % 15))
        let deposits = h.items.map(\.deposit).sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        var rnd = SeededRandom(seed: seed &+ 99)
        var decisions: [Int64: Decision] = [:]
        var aliases: [String: String] = [:]
        let firstThird = deposits.prefix(deposits.count / 3)
        for d in firstThird where rnd.chance(4) {
            let m = h.group.members[rnd.below(h.group.members.count)]
            switch rnd.below(4) {
            case 0: decisions[d.id] = .assign(member: m.id, periods: [d.time.period.within(h.group.cycle(of: m))])
            case 1: decisions[d.id] = .ignore(reason: "")
            case 2: decisions[d.id] = .assign(member: m.id, periods: [])
            default: aliases[Normalise.key(d.text)] = m.id
            }
        }
        return (h, deposits, decisions, aliases)
    }

    @Test func resumingGivesWhatAFullMatchGivesOnAHundredHistories() throws {
        var resumed = 0, refused: [ResumeRefusal: Int] = [:]
        for seed in 0..<100 as Range<UInt64> {
            let (h, deposits, decisions, aliases) = Self.history(seed)
            var full = Allocator(group: h.group, learnedAliases: aliases)
            let expected = full.run(deposits: deposits, decisions: decisions, withdrawals: h.withdrawals)
            var want = Cut()
            want.add(expected)

            // Three statements: the first holds every decision, the cuts fall anywhere after it.
            var rnd = SeededRandom(seed: seed)
            let a = deposits.count / 3 + rnd.below(deposits.count / 3), b = a + 1 + rnd.below(deposits.count - a - 1)
            let parts = [Array(deposits[..<a]), Array(deposits[a..<b]), Array(deposits[b...])]
            func upTo(_ d: Deposit?) -> [Deposit] { h.withdrawals.filter { w in d.map { w.time <= $0.time } ?? false } }
            var got = Cut()
            var first = Allocator(group: h.group, learnedAliases: aliases)
            let head = first.run(deposits: parts[0], decisions: decisions, withdrawals: upTo(parts[0].last))
            got.add(head)
            var tally = MatchTally(group: h.group, deposits: parts[0], outcomes: head.outcomes)
            var carry = first.carry(lastTime: parts[0].last?.time.epochSeconds, lastID: parts[0].last?.id, tally: tally)
            var seen = upTo(parts[0].last)
            var complete = true
            for (k, part) in parts.enumerated().dropFirst() {
                // Saved and read back as the store does.
                carry = try JSONDecoder().decode(MatchCarry.self, from: JSONEncoder().encode(carry))
                // The last statement brings the transfers out after its last deposit too.
                let now = k == parts.count - 1 ? h.withdrawals : upTo(part.last)
                let new = now.filter { w in !seen.contains { $0.id == w.id } }
                // What the store hands over: older rows from the pairing window before the first new one.
                func window(_ rows: [Deposit], before first: Deposit?) -> [Deposit] {
                    guard let first else { return [] }
                    return rows.filter { $0.time.epochSeconds >= first.time.epochSeconds - Allocator.pairingWindow }
                }
                let before = Array(deposits[..<(got.outcomes.count)])
                var next = Allocator(group: h.group, learnedAliases: aliases)
                let outcome = next.resume(
                    from: carry, deposits: part, withdrawals: new, recentWithdrawals: window(seen, before: part.first),
                    recentDeposits: window(before, before: new.first))
                guard case .matched(let r) = outcome else {
                    if case .refused(let why) = outcome { refused[why, default: 0] += 1 }
                    complete = false
                    break
                }
                resumed += 1
                got.add(r)
                tally.add(MatchTally(group: h.group, deposits: part, outcomes: r.outcomes))
                carry = next.carry(lastTime: part.last?.time.epochSeconds, lastID: part.last?.id, tally: tally)
                seen = now
            }
            guard complete else { continue }
            // The first difference, not two thousand lines of them.
            let differs = zip(deposits, zip(got.outcomes, want.outcomes)).first { $0.1.0 != $0.1.1 }
            #expect(
                differs == nil && got.outcomes.count == want.outcomes.count,
                "seed \(seed) \(a) \(b): \(differs.map { "t\($0.0.id) \($0.0.time) \($0.0.text) \($0.0.amount): \($0.1.0) ≠ \($0.1.1)" } ?? "")")
            #expect(got.allocations.sorted() == want.allocations.sorted(), "seed \(seed): allocations differ")
            #expect(got.holds.sorted() == want.holds.sorted(), "seed \(seed): holds differ")
            #expect(got.otherParts == want.otherParts && got.withdrawalReviews == want.withdrawalReviews, "seed \(seed)")
            #expect(tally == MatchTally(group: h.group, deposits: deposits, outcomes: expected.outcomes), "seed \(seed): counts differ")
        }
        // The comparison ran: most cuts resume (174 of 191 when written; the rest hold a refund
        // that may return an older deposit).
        #expect(resumed >= 150, "\(resumed) resumed, \(refused) refused")
    }

    @Test func aBatchThatCouldChangeHistoryIsRefused() throws {
        let (h, deposits, _, _) = Self.history(3)
        let cut = deposits.count / 2
        var first = Allocator(group: h.group, learnedAliases: [:])
        _ = first.run(deposits: Array(deposits[..<cut]), decisions: [:])
        let last = deposits[cut - 1]
        let carry = first.carry(lastTime: last.time.epochSeconds, lastID: last.id, tally: MatchTally())
        func resume(_ batch: [Deposit], _ out: [Deposit] = [], recent: [Deposit] = [], older: [Deposit] = []) -> Bool {
            var a = Allocator(group: h.group, learnedAliases: [:])
            return a.resume(from: carry, deposits: batch, withdrawals: out, recentWithdrawals: recent, recentDeposits: older).result != nil
        }
        let later = Array(deposits[cut...])
        #expect(resume(later))
        // A deposit at or before the last one matched (a statement filling a gap).
        #expect(!resume([last] + later))
        let member = h.group.members[5]
        let t = SeoulTime(epochSeconds: last.time.epochSeconds + 1)
        let theirs = Deposit(id: last.id, time: last.time, amount: 30000, text: member.name, kind: "이체")
        let refund = Deposit(id: 999_001, time: t, amount: 30000, text: member.name, kind: "이체")
        // A transfer out to a member may return their older deposit; with none of theirs in the
        // pairing window, it pairs with new rows alone.
        #expect(!resume(later, [refund], older: [theirs]))
        #expect(resume(later, [refund], older: [Deposit(id: 7, time: last.time, amount: 30000, text: "다른사람", kind: "이체")]))
        // An older transfer out to a member at or after the batch's first deposit may return it.
        #expect(!resume(later, recent: [Deposit(id: 999_002, time: later[0].time, amount: 30000, text: member.name, kind: "이체")]))
        // Money coming back pairs with an older transfer out of its amount.
        let back = [Deposit(id: 999_003, time: t, amount: 5000, text: "송금취소", kind: "입금취소")] + later.filter { $0.time > t }
        let paidOut = Deposit(id: 999_006, time: last.time, amount: 5000, text: "문구점", kind: "이체")
        #expect(!resume(back, recent: [paidOut]))
        #expect(resume(back, recent: [Deposit(id: 999_007, time: last.time, amount: 6000, text: "문구점", kind: "이체")]))
        // A transfer out at or before the last deposit matched could pair with older returned money.
        #expect(!resume(later, [Deposit(id: 999_004, time: last.time, amount: 5000, text: "문구점", kind: "체크카드")]))
        #expect(resume(later, [Deposit(id: 999_005, time: t, amount: 5000, text: "문구점", kind: "체크카드")]))
        // Another allocator version.
        var old = carry
        old.version -= 1
        var a = Allocator(group: h.group, learnedAliases: [:])
        #expect(a.resume(from: old, deposits: later, withdrawals: [], recentWithdrawals: [], recentDeposits: []).result == nil)
    }
}

/// The balance chain checked on from what the last check left finds what a check of every row finds.
@Suite struct ChainCarryTests {
    /// Rows of `seconds` time-stamps, some seconds holding several rows in either order, some rows
    /// without a balance, and a few altered balances (breaks).
    static func rows(seed: UInt64, seconds: Int) -> [Continuity.Row] {
        var rnd = SeededRandom(seed: seed)
        var out: [Continuity.Row] = []
        var balance: Won = 100_000
        var id: Int64 = 0
        for s in 0..<seconds {
            let t = SeoulTime(epochSeconds: 1_767_225_600 + Int64(s) * 60)
            var second: [Continuity.Row] = []
            for _ in 0..<(rnd.chance(20) ? 2 + rnd.below(3) : 1) {
                id += 1
                let amount = Won(1000 * (1 + rnd.below(50))) * (rnd.chance(30) ? -1 : 1)
                balance += amount
                var shown: Won? = rnd.chance(10) ? nil : balance
                if rnd.chance(3) { shown = balance + 500 }  // a row missing before this one
                second.append(Continuity.Row(id: id, time: t, signedAmount: amount, balance: shown, text: "r\(id)"))
            }
            out += rnd.chance(50) ? second : second.reversed()
        }
        return out
    }

    @Test func resumingFindsWhatCheckingEverythingFinds() throws {
        var compared = 0
        for seed in 0..<100 as Range<UInt64> {
            let all = Self.rows(seed: seed, seconds: 40 + Int(seed % 60))
            let whole = Continuity.carry(all)
            #expect(whole.breaks == Continuity.breaks(in: all))
            // Cut at a second's boundary, twice, and go on from each cut as the ledger does.
            var rnd = SeededRandom(seed: seed &+ 7)
            var cuts = [rnd.below(all.count), rnd.below(all.count)].sorted()
            for k in cuts.indices { while cuts[k] > 0 && cuts[k] < all.count && all[cuts[k]].time == all[cuts[k] - 1].time { cuts[k] += 1 } }
            var carry = Continuity.carry(Array(all[..<cuts[0]]))
            for (from, to) in [(cuts[0], cuts[1]), (cuts[1], all.count)] {
                carry = try JSONDecoder().decode(Continuity.Carry.self, from: JSONEncoder().encode(carry))
                carry = try #require(Continuity.resume(carry, with: Array(all[from..<to])), "seed \(seed)")
            }
            #expect(carry.breaks == whole.breaks, "seed \(seed)")
            #expect(carry.last == whole.last, "seed \(seed)")
            compared += 1
        }
        #expect(compared == 100)
        // Rows not later than the last one checked (a statement filling a gap) are refused.
        let all = Self.rows(seed: 1, seconds: 30)
        let head = Continuity.carry(Array(all.prefix(20)))
        #expect(Continuity.resume(head, with: [all[19]] + all.dropFirst(20)) == nil)
    }
}
