/// Turns a group's deposits into allocations, deterministically: the same deposits, configuration,
/// decisions and learned aliases always give the same result, so a full re-match is always safe.
///
/// Order: decisions with explicit periods first (the treasurer fixed those), then every other
/// deposit in time order. Money goes to the hinted months when the text names them, otherwise to the
/// member's oldest unpaid period, then onwards (advance payment); partial payments accumulate.
public struct Allocator {
    public let group: Group
    let matcher: NameMatcher
    /// How many months ahead of a deposit an advance payment may reach before the rest is kept as credit.
    public static let advanceLimit = 120
    /// Raised whenever the rules change what they decide, so stored allocations are recomputed.
    public static let version = 6
    /// The longest a transfer out and the deposit it pairs with may lie apart (a refund, returned money).
    public static let pairingWindow: Int64 = 31 * 86400

    var paid: [String: [Period: Won]] = [:]
    /// Runs of periods a carried match found paid in full (see `resume`), by member.
    var settled: [String: Range<Int>] = [:]
    var cursor: [String: Int] = [:]
    var members: [String: Member] = [:]
    /// Periods deposits in review would pay if answered as suggested (see `hold`).
    var holds: [Allocation] = []
    /// Everything the text alone decides, worked out once per distinct text: one hash per deposit
    /// instead of one per question (hashing the text was most of a full re-match).
    private var facts: [ByteKey: TextFacts] = [:]
    /// Texts whose "not dues" rule contradicts the configuration (they name a member).
    private var conflicts = Set<String>()
    private var memoHints: [String: PeriodHints] = [:]

    /// A class, so a deposit's facts are handed around by one reference: as a struct, copying its
    /// five fields' references for each deposit was a tenth of the allocator's refcounting (perf).
    final class TextFacts {
        let verdict: TextVerdict
        let name: NameMatcher.Result
        let hints: PeriodHints
        /// The bank's verdict for the kind this text first came with (a text nearly always has one kind).
        let kind: String
        let bank: BankVerdict

        init(verdict: TextVerdict, name: NameMatcher.Result, hints: PeriodHints, kind: String, bank: BankVerdict) {
            self.verdict = verdict
            self.name = name
            self.hints = hints
            self.kind = kind
            self.bank = bank
        }
    }

    private mutating func facts(_ d: Deposit) -> TextFacts {
        // One deposit's decision asks twice (its verdict, then its months): the second is free.
        if let last = lastFacts, last.deposit == d.id { return last.facts }
        let f = textFacts(d)
        lastFacts = (d.id, f)
        return f
    }
    private var lastFacts: (deposit: Int64, facts: TextFacts)?

    private mutating func textFacts(_ d: Deposit) -> TextFacts {
        let key = ByteKey(d.text)
        if let f = facts[key] {
            if f.kind.isBytes(d.kind) { return f }
            return TextFacts(verdict: f.verdict, name: f.name, hints: f.hints, kind: d.kind, bank: Self.bankVerdict(d.text, d.kind))
        }
        let f = TextFacts(
            verdict: textVerdict(d.text), name: matcher.match(d.text), hints: PeriodHints.parse(d.text),
            kind: d.kind, bank: Self.bankVerdict(d.text, d.kind))
        facts[key] = f
        return f
    }
    private let keywords: [(word: String, letters: String)]
    /// Events' names and words with their fee, longest first: read before the keywords, so a
    /// deposit naming the 송년회 is checked against its fee even when it also says 뒷풀이.
    private let eventWords: [(word: String, letters: String, fee: Won?)]
    /// Every member's name and aliases as letters: a keyword inside one of them is part of a name.
    private let nameLetters: [String]
    /// The treasurer's member (their household) and members bearing the account holder's name,
    /// worked out once: asked of every deposit's plan (`isTreasurerOrHolder`).
    let treasurerOrHolder: Set<String>
    /// Outgoing rows, for pairing returned money with the transfer it reverses.
    var withdrawals: [Deposit] = []
    private var paired = Set<Int64>()
    /// Deposits a transfer out gave back (see `pairRefunds`).
    private var refunds: [Int64: Refund] = [:]

    public struct Result: Sendable {
        /// One outcome per input deposit, in input order.
        public var outcomes: [Outcome]
        public var allocations: [Allocation]
        /// Learned rules naming a member the configuration no longer has (skipped).
        public var staleRules: [(text: String, member: String)] = []
        /// Texts with a "not dues" rule that name a member (their deposits went to review).
        public var conflicts: [String] = []
        /// Member periods kept for deposits in review: what each would pay if answered as
        /// suggested. Not money paid; the report shows those periods as 확인 필요.
        public var holds: [Allocation] = []
        /// The part of a deposit that is not dues when the rest is (a split, a collective payment's
        /// remainder), by deposit.
        public var otherParts: [Int64: OtherPart] = [:]
        /// Transfers out a person must look at (a refund to a member that returns none of their
        /// deposits), with the reason; answered with "not dues" (`ignore`) on the transfer.
        public var withdrawalReviews: [Int64: String] = [:]
    }

    /// The members a name match points at, by the name alone (not by a learned rule).
    public static func namedMembers(_ r: NameMatcher.Result) -> String? {
        switch r {
        case .member(let id, let method, _) where method != .learned: return id
        case .ambiguous(let ids, _, _): return ids.joined(separator: ", ")
        default: return nil
        }
    }

    /// Learned text rules whose member is gone from the configuration; they are not applied.
    public let staleRules: [(text: String, member: String)]

    /// Rules a treasurer's decisions left on whole texts: "!ignore" (not dues) or "!review" (never
    /// decide this text automatically). Member ids are the matcher's learned aliases.
    private let textRules: [String: String]
    public static let ignoreRule = "!ignore", reviewRule = "!review"

    public init(group: Group, learnedAliases: [String: String]) {
        self.group = group
        for m in group.members { members[m.id] = m }
        let known = members
        // Decisions and rules naming one member of a household are the household's.
        let learnedAliases = learnedAliases.mapValues { group.households[$0] ?? $0 }
        // A rule for a member removed from the configuration must not bring them back to life.
        self.matcher = NameMatcher(members: group.members, learned: learnedAliases.filter { !$0.value.hasPrefix("!") && known[$0.value] != nil })
        self.staleRules = learnedAliases.filter { !$0.value.hasPrefix("!") && known[$0.value] == nil }
            .map { (text: $0.key, member: $0.value) }.sorted { $0.text < $1.text }
        self.textRules = learnedAliases.filter { $0.value.hasPrefix("!") }
        // Every "not dues" rule on a text that names a member is reported, used or not.
        for (text, rule) in textRules where rule == Self.ignoreRule && Self.namedMembers(matcher.match(text)) != nil { conflicts.insert(text) }
        var words = group.defaultNonDuesKeywords ? BankRows.defaultNonDuesKeywords : []
        for w in group.nonDuesKeywords where !words.contains(w) { words.append(w) }
        keywords = words.map { ($0, Normalise.letters($0)) }.filter { !$0.1.isEmpty }
        eventWords = group.eventFees.map { ($0.word, Normalise.letters($0.word), $0.fee) }.filter { !$0.1.isEmpty }
            .sorted { $0.letters.count > $1.letters.count }
        nameLetters = group.members.flatMap { [$0.name] + $0.aliases }.map(Normalise.letters).filter { !$0.isEmpty }
        var own = Set(group.treasurer.flatMap { group.member($0)?.id }.map { [$0] } ?? [])
        if let holder = group.account.holder.map(Normalise.letters), !holder.isEmpty {
            for m in group.members where Normalise.letters(m.name) == holder { own.insert(m.id) }
        }
        treasurerOrHolder = own
    }

    /// `withdrawals`: the account's outgoing rows, which returned money (취소, 반환) is paired with.
    public mutating func run(deposits: [Deposit], decisions: [Int64: Decision], withdrawals: [Deposit] = []) -> Result {
        let households = group.households
        let decisions =
            households.isEmpty
            ? decisions
            : decisions.mapValues { d -> Decision in
                switch d {
                case .assign(let m, let p): return .assign(member: households[m] ?? m, periods: p)
                case .collective(let ms, let p, let rest):
                    var seen = Set<String>()
                    return .collective(members: ms?.map { households[$0] ?? $0 }.filter { seen.insert($0).inserted }, periods: p, rest: rest)
                case .split(let parts):
                    return .split(
                        parts: parts.map {
                            var q = $0
                            q.member = q.member.map { households[$0] ?? $0 }
                            return q
                        })
                default: return d
                }
            }
        self.withdrawals = withdrawals.sorted { ($0.time, $0.id) > ($1.time, $1.id) }  // nearest first
        // Written in place, with no optional array compacted at the end: for a million deposits
        // that was a second 40 MB array alive at the allocator's peak.
        var outcomes = [Outcome](repeating: .review(reason: Messages.ref("reason.notDecided"), suggestion: nil), count: deposits.count)
        var explicit = [Bool](repeating: false, count: deposits.count)
        var allocations: [Allocation] = []
        allocations.reserveCapacity(deposits.count)
        // The store hands deposits over in time order already; sort only when they are not.
        let inOrder = zip(deposits, deposits.dropFirst()).allSatisfy { ($0.time, $0.id) <= ($1.time, $1.id) }
        let order =
            inOrder
            ? Array(deposits.indices)
            : deposits.indices.sorted { (deposits[$0].time, deposits[$0].id) < (deposits[$1].time, deposits[$1].id) }
        var unpaired: [(Deposit, String)] = []
        refunds = pairRefunds(deposits, order: order, unpaired: &unpaired)
        var withdrawalReviews: [Int64: String] = [:]
        for (w, id) in unpaired where decisions[w.id] == nil {
            withdrawalReviews[w.id] = Messages.ref("reason.unpairedRefund", members[id]?.name ?? id, w.amount.grouped)
        }
        var otherParts: [Int64: OtherPart] = [:]
        // Pass 1: the treasurer's explicit periods (and splits, which name theirs).
        for i in order {
            switch decisions[deposits[i].id] {
            case .assign(let member, let periods)? where !periods.isEmpty && members[member] != nil:
                let own = ownPeriods(periods, member)
                allocations += allocateExplicit(deposits[i], to: member, periods: own)
                outcomes[i] = .allocated(member: member, method: .manual)
                explicit[i] = true
            case .split(let parts)?:
                let (o, a, other) = split(deposits[i], parts)
                outcomes[i] = o
                explicit[i] = true
                allocations += a
                otherParts[deposits[i].id] = other
            default: break
            }
        }
        // Pass 2: everything else, oldest first.
        for i in order where !explicit[i] {
            var asked: (members: [String]?, periods: [Period], rest: String?)?
            if case .collective(let ms, let ps, let rest)? = decisions[deposits[i].id] { asked = (ms, ps, rest) }
            if decisions[deposits[i].id] == nil, deposits[i].amount > 0, case .collectiveRule(let ms) = facts(deposits[i]).verdict { asked = (ms, [], nil) }
            if let asked {
                let (o, a, other) = collective(deposits[i], members: asked.members, periods: asked.periods, rest: asked.rest)
                // A text learned as a collective payment may still bring its sender's own dues (the
                // treasurer's 20,000 under the same name): what does not fit is read as usual.
                if case .review = o, decisions[deposits[i].id] == nil {
                    let (usual, allocs) = decide(deposits[i], decision: nil)
                    if case .allocated = usual {
                        outcomes[i] = usual
                        allocations += allocs
                        continue
                    }
                }
                outcomes[i] = o
                allocations += a
                otherParts[deposits[i].id] = other
                continue
            }
            let (outcome, allocs) = decide(deposits[i], decision: decisions[deposits[i].id])
            outcomes[i] = outcome
            allocations += allocs
        }
        return Result(
            outcomes: outcomes, allocations: allocations,
            staleRules: staleRules, conflicts: conflicts.sorted(), holds: holds, otherParts: otherParts, withdrawalReviews: withdrawalReviews)
    }

    private mutating func decide(_ d: Deposit, decision: Decision?) -> (Outcome, [Allocation]) {
        switch decision {
        case .ignore(let reason)?:
            return (.other(reason: reason.isEmpty ? Messages.ref("reason.ignoredByTreasurer") : reason), [])
        case .review?:
            return (.review(reason: Messages.ref("reason.unassigned"), suggestion: nil), [])
        case .collective?, .split?:
            return (.review(reason: Messages.ref("reason.notDecided"), suggestion: nil), [])  // decided in `run`, never here
        case .assign(let member, _)? where members[member] == nil:
            return (.review(reason: Messages.ref("reason.memberGone", member), suggestion: nil), [])
        case .assign(let member, _)?:
            let named = hints(d)  // apart: a mutating call inside a non-mutating one copies the allocator
            let hinted = ownPeriods(named, member)
            if !hinted.isEmpty, case .ok(let allocs) = allocateHinted(d, to: member, periods: hinted) {
                return (.allocated(member: member, method: .manual), allocs)
            }
            return (.allocated(member: member, method: .manual), allocateOldestFirst(d, to: member, amount: d.amount))
        default:
            break
        }
        let f = facts(d)
        let bank = f.bank
        if bank == .interest {
            return (.other(reason: Messages.ref("reason.interest")), [])
        }
        if d.amount <= 0 { return (.other(reason: Messages.ref("reason.zero")), []) }
        let verdict = f.verdict
        switch verdict {
        case .ignoreRule:
            // A rule made when no member had this name must not swallow a member's dues now.
            if let named = Self.namedMembers(f.name) {
                conflicts.insert(Normalise.key(d.text))
                return (.review(reason: Messages.ref("reason.ruleConflict", d.text, named), suggestion: named), [])
            }
            return (.other(reason: Messages.ref("reason.ruleNotDues")), [])
        case .reviewRule: return (.review(reason: Messages.ref("reason.ruleByHand"), suggestion: nil), [])
        default: break
        }
        switch refunds[d.id] {
        case .refunded(let w)?:
            return (.other(reason: Messages.ref("reason.refunded", w.id, w.time.iso8601.prefix(10), w.amount.grouped, w.text)), [])
        case .maybe(let w)?:
            return (
                .review(reason: Messages.ref("reason.maybeRefunded", w.id, w.time.iso8601.prefix(10), w.amount.grouped, w.text), suggestion: nil), []
            )
        case .partly(let w)?:
            return (
                .review(reason: Messages.ref("reason.partlyRefunded", w.id, w.time.iso8601.prefix(10), w.amount.grouped, d.amount.grouped), suggestion: nil),
                []
            )
        case nil: break
        }
        // The bank's own rows and returned money, after the treasurer's rules and before any name.
        if group.builtinRules {
            if case .own(let why) = bank { return (.other(reason: why), []) }
            if BankRows.isVerification(amount: d.amount, text: d.text) {
                return (.other(reason: Messages.ref("reason.bank.verification", d.amount.grouped)), [])
            }
            if bank == .reversal { return (reversal(d), []) }
        }
        switch verdict {
        case .ignoreRule, .reviewRule, .collectiveRule: break
        case .keyword(let word):
            if let mixed = mixed(d, word, f.name) { return mixed }
            return (.other(reason: Messages.ref("reason.keyword", word)), [])
        case .fee(let name, let amount):
            return d.amount == amount
                ? (.other(reason: Messages.ref("reason.fee", name, amount.grouped)), [])
                : (.review(reason: Messages.ref("reason.feeAmount", name, d.amount.grouped, amount.grouped), suggestion: nil), [])
        case .none:
            // The memo column can say "not dues" too (뒷풀이 in the memo of a plain name).
            let memo = Normalise.letters(d.memo)
            if !memo.isEmpty, let e = eventWords.first(where: { keywordStandsAlone($0.letters, in: memo) }) {
                guard let fee = e.fee else { return (.other(reason: Messages.ref("reason.memoKeyword", e.word)), []) }
                return d.amount == fee
                    ? (.other(reason: Messages.ref("reason.fee", e.word, fee.grouped)), [])
                    : (.review(reason: Messages.ref("reason.feeAmount", e.word, d.amount.grouped, fee.grouped), suggestion: nil), [])
            }
            if !memo.isEmpty, let k = keywords.first(where: { keywordStandsAlone($0.letters, in: memo) }) {
                if let mixed = mixed(d, k.word, f.name) { return mixed }
                return (.other(reason: Messages.ref("reason.memoKeyword", k.word)), [])
            }
        }
        let match = f.name
        switch match {
        case .unknown(let suggestion):
            let letters = Normalise.letters(d.text)
            if let holder = group.account.holder.map(Normalise.letters), !holder.isEmpty, letters.holds(holder) {
                return (.review(reason: Messages.ref("reason.holderOwn", group.account.holder ?? "", d.amount.grouped), suggestion: nil), [])
            }
            if let s = suggestion { hold(d, for: s) }
            return (.review(reason: Messages.ref(letters.isEmpty ? "reason.noName" : "reason.unknown"), suggestion: suggestion), [])
        case .ambiguous(let ids, let reason, let sameName):
            if sameName {
                // A member-specific amount can tell same-name members apart; nothing else may.
                let fitting = ids.filter { id in members[id].map { group.obligation(of: $0, in: d.time.period).amount == d.amount } ?? false }
                if fitting.count == 1 { return decideMember(d, fitting[0], method: .nameAndAmount) }
                return (.review(reason: reason, suggestion: nil), [])
            }
            return shared(d, ids) ?? (.review(reason: reason, suggestion: nil), [])
        case .member(let id, let method, _):
            return decideMember(d, id, method: MatchMethod(.matcher(method)))
        case .doubt(let ids, let reason):
            if ids.count == 1 { hold(d, for: ids[0]) }
            return (.review(reason: reason, suggestion: ids.joined(separator: ", ")), [])
        }
    }

    /// A deposit that names a member and the dues as well as a non-dues word (memo
    /// `8월회비+뒷풀이`) is two things: a person splits it (`hoebi split`). The dues it names are
    /// held for the member meanwhile, so their later months do not look unpaid.
    private mutating func mixed(_ d: Deposit, _ word: String, _ name: NameMatcher.Result) -> (Outcome, [Allocation])? {
        guard case .member(let id, _, _) = name, members[id] != nil else { return nil }
        let both = Normalise.letters(d.text) + Normalise.letters(d.memo)
        guard !hints(d).isEmpty || both.holds("회비") else { return nil }
        let due = group.obligation(of: members[id]!, in: d.time.period).amount
        let before = holds.count
        hold(d, for: id)
        let held = holds[before...].reduce(0) { Money.saturatingAdd($0, $1.amount) }
        let dues = held > 0 ? min(held, d.amount) : min(due, d.amount)
        let reason = Messages.ref("reason.mixed", word, d.amount.grouped, dues.grouped, (d.amount - dues).grouped)
        return (.review(reason: reason, suggestion: id), [])
    }

    /// One member's money: the named months when the text names any, else oldest unpaid first.
    private mutating func decideMember(_ d: Deposit, _ id: String, method: MatchMethod) -> (Outcome, [Allocation]) {
        // On open-ended leave there is no next period owed: a person decides (back early? a gift?).
        if let m = members[id], let pause = m.paused.first(where: { $0.covers(d.time.period) && $0.to == nil }) {
            return (.review(reason: Messages.ref("reason.onLeave", m.name, pause.from), suggestion: id), [])
        }
        let named = hints(d)
        let hinted = ownPeriods(named, id)
        if hinted.isEmpty {
            let plan = plan(to: id, amount: d.amount, at: d.time)
            if let why = question(d, id, plan, amount: d.amount) { return (.review(reason: why, suggestion: id), []) }
            return (.allocated(member: id, method: method), commit(d, to: id, plan))
        }
        switch allocateHinted(d, to: id, periods: hinted, checked: true) {
        case .ok(let allocs): return (.allocated(member: id, method: method.withMonthHint), allocs)
        case .refused(let reason): return (.review(reason: reason, suggestion: id), [])
        }
    }

    /// Several members named in one deposit (a couple paying together, "박준영김소희"): split only
    /// when the amount is exactly a whole number of months of all their dues together.
    private mutating func shared(_ d: Deposit, _ named: [String]) -> (Outcome, [Allocation])? {
        // Members who owe nothing this month (exempt, not yet joined) take no share.
        let owing = named.map { id in (id, members[id].map { group.obligation(of: $0, in: d.time.period).amount } ?? 0) }.filter { $0.1 > 0 }
        let ids = owing.map(\.0), dues = owing.map(\.1)
        let total = dues.reduce(0, +)
        guard named.count <= 3, !ids.isEmpty, total > 0, d.amount % total == 0 else { return nil }
        let months = d.amount / total
        var out: [Allocation] = []
        let named = hints(d)
        // Every share is checked before any is written: one member's share years ahead makes the
        // whole transfer a question.
        var plans: [(String, Deposit, Plan?)] = []
        for (id, due) in zip(ids, dues) {
            let share = Deposit(id: d.id, time: d.time, amount: due * months, text: d.text, kind: d.kind)
            if !ownPeriods(named, id).isEmpty {
                plans.append((id, share, nil))
                continue
            }
            let plan = plan(to: id, amount: share.amount, at: d.time)
            if let why = question(share, id, plan, amount: share.amount) { return (.review(reason: why, suggestion: named.isEmpty ? nil : id), []) }
            plans.append((id, share, plan))
        }
        for (id, share, plan) in plans {
            if let plan {
                out += commit(share, to: id, plan)
            } else if case .ok(let allocs) = allocateHinted(share, to: id, periods: ownPeriods(named, id)) {
                out += allocs
            } else {
                out += allocateOldestFirst(share, to: id, amount: share.amount)
            }
        }
        return (.allocated(member: ids[0], method: MatchMethod(.shared(with: Array(ids.dropFirst())))), out)
    }

    /// Money coming back (간편이체취소(최도윤), 송금취소, 반환, 환불) is paired with the outgoing row
    /// it reverses: same amount, earlier, within a month, the named person's transfer first. It is
    /// never that person's dues; without a pair it goes to review as a possible refund.
    private mutating func reversal(_ d: Deposit) -> Outcome {
        let named = Normalise.letters(d.text).replacingOccurrences(of: "간편이체", with: "")
            .replacingOccurrences(of: "이체", with: "").replacingOccurrences(of: "송금", with: "")
        let person = BankRows.reversalWords.reduce(named) { $0.replacingOccurrences(of: $1, with: "") }
        let fits = withdrawals.filter {
            !paired.contains($0.id) && $0.amount == d.amount && $0.time <= d.time && d.time.epochSeconds - $0.time.epochSeconds <= Self.pairingWindow
        }
        let pick = fits.first { !person.isEmpty && Normalise.letters($0.text).contains(person) } ?? fits.first
        guard let w = pick else {
            return .review(reason: Messages.ref("reason.unpairedReturn"), suggestion: nil)
        }
        paired.insert(w.id)
        return .other(reason: Messages.ref("reason.reversal", w.id, w.time.iso8601.prefix(10), w.amount.grouped, w.text))
    }

    enum BankVerdict: Equatable {
        case interest
        case own(String)
        case reversal, none
    }

    /// What `BankRows` says of a text and kind; worked out once per distinct pair (the checks
    /// search the text for dozens of words).
    static func bankVerdict(_ text: String, _ kind: String) -> BankVerdict {
        let words = BankRows.Words(text: text, kind: kind)
        if BankRows.isPlainInterest(words) { return .interest }
        if let why = BankRows.verdict(words) { return .own(why) }
        if BankRows.isReversal(words) { return .reversal }
        return .none
    }

    enum TextVerdict {
        case ignoreRule, reviewRule
        case collectiveRule([String]?)
        case keyword(String)
        case fee(String, Won)
        case none
    }

    /// What the text alone says before any name is looked at (part of `TextFacts`).
    private func textVerdict(_ text: String) -> TextVerdict {
        var v = TextVerdict.none
        switch textRules.isEmpty ? nil : textRules[Normalise.key(text)] {
        case Self.ignoreRule?: v = .ignoreRule
        case Self.reviewRule?: v = .reviewRule
        case let rule? where rule.hasPrefix(LearnedRule.collectivePrefix):
            if case .collective(let ms) = LearnedRule(stored: rule) { v = .collectiveRule(ms.map { $0.map { group.households[$0] ?? $0 } }) }
        default:
            let letters = Normalise.letters(text)
            if let e = eventWords.first(where: { keywordStandsAlone($0.letters, in: letters) }) {
                v = e.fee.map { .fee(e.word, $0) } ?? .keyword(e.word)
            } else if let k = keywords.first(where: { keywordStandsAlone($0.letters, in: letters) }) {
                v = .keyword(k.word)
            } else if let fee = group.fees.first(where: { letters.holds(Normalise.letters($0.key)) }) {
                v = .fee(fee.key, fee.value)
            }
        }
        return v
    }

    /// A keyword inside a member's own name (조의금 in a name, 회수 in 김회수) is part of the name.
    private func keywordStandsAlone(_ word: String, in letters: String) -> Bool {
        guard letters.holds(word) else { return false }
        let l = Array(letters.unicodeScalars), w = Array(word.unicodeScalars)
        let names = nameLetters.filter { $0.holds(word) && letters.holds($0) }.map { Array($0.unicodeScalars) }
        guard !names.isEmpty else { return true }
        var covered = [Bool](repeating: false, count: l.count)
        for n in names {
            for i in 0...(l.count - n.count) where l[i..<(i + n.count)].elementsEqual(n) { for k in i..<(i + n.count) { covered[k] = true } }
        }
        for i in 0...(l.count - w.count) where l[i..<(i + w.count)].elementsEqual(w) {
            if !(i..<(i + w.count)).allSatisfy({ covered[$0] }) { return true }
        }
        return false
    }

    /// Named periods in the member's own cycle: 3월 is the first quarter of a quarterly member,
    /// 2026년회비 is twelve months of a monthly one.
    func ownPeriods(_ periods: [Period], _ id: String) -> [Period] {
        guard !periods.isEmpty, let m = members[id] else { return periods }
        let c = group.cycle(of: m)
        var seen = Set<Period>()
        return periods.flatMap { $0.periods(in: c) }.filter { seen.insert($0).inserted }
    }

    /// Periods the text names, or else the memo.
    mutating func hints(_ d: Deposit) -> [Period] {
        let own = facts(d).hints
        if !own.isEmpty { return own.periods(at: d.time) }
        guard !d.memo.isEmpty else { return [] }
        let memo: PeriodHints
        if let cached = memoHints[d.memo] {
            memo = cached
        } else {
            memo = PeriodHints.parse(d.memo)
            memoHints[d.memo] = memo
        }
        return memo.periods(at: d.time)
    }

    enum Hinted {
        case ok([Allocation])
        case refused(String)
    }

    /// Money for the months the text names. Refused (→ review) when a named month is not owed, is
    /// already paid, or the amount cannot cover every named month: silently re-splitting a payment
    /// the depositor labelled is how a treasurer ends up telling someone they have not paid.
    /// `checked`: money beyond the named periods is questioned like money naming none.
    private mutating func allocateHinted(_ d: Deposit, to id: String, periods: [Period], checked: Bool = false) -> Hinted {
        guard let m = members[id] else { return .refused(Messages.ref("reason.noMember", id)) }
        var remaining: [Won] = []
        for p in periods {
            let due = group.obligation(of: m, in: p)
            guard case .due(let amount) = due else {
                let key = due == .exempt ? "reason.notOwed.exempt" : due == .paused ? "reason.notOwed.paused" : "reason.notOwed.inactive"
                return .refused(Messages.ref(key, p, m.name))
            }
            remaining.append(max(0, amount - paidSoFar(id, p)))
        }
        let total = remaining.reduce(0, Money.saturatingAdd)
        if total == 0 { return .refused(Messages.ref("reason.alreadyPaid", periods.map(\.description).joined(separator: ", "))) }
        if periods.count > 1 && d.amount < total {
            return .refused(
                Messages.ref(
                    periods[0].cycle == .monthly ? "reason.shortMonths" : "reason.shortPeriods",
                    periods.count, total.grouped, d.amount.grouped))
        }
        var left = d.amount
        var takes: [(Period, Won)] = []
        for (p, r) in zip(periods, remaining) where r > 0 && left > 0 {
            let take = min(r, left)
            takes.append((p, take))
            left -= take
        }
        if checked && left > 0 {
            // What is left after the named periods would pay others: asked about like any money
            // naming no period (`7월회비` with 2,000,000 won is not July plus eight years).
            if left > total || isTreasurerOrHolder(id) {
                return .refused(Messages.ref("reason.beyondNamed", periods.map(\.description).joined(separator: ", "), total.grouped, d.amount.grouped))
            }
        }
        var out = takes.map { record(d, id, $0.0, $0.1) }
        if left > 0 { out += allocateOldestFirst(d, to: id, amount: left) }
        return .ok(out)
    }

    /// A treasurer's explicit periods: fill each in order; anything beyond goes the usual way.
    mutating func allocateExplicit(_ d: Deposit, to id: String, periods: [Period]) -> [Allocation] {
        guard let m = members[id] else { return [] }
        var left = d.amount
        var out: [Allocation] = []
        for p in periods where left > 0 {
            let due = group.obligation(of: m, in: p).amount
            let r = max(0, due - paidSoFar(id, p))
            let take = p == periods.last && out.isEmpty ? left : min(r, left)
            if take > 0 {
                out.append(record(d, id, p, take))
                left -= take
            }
        }
        if left > 0 { out += allocateOldestFirst(d, to: id, amount: left) }
        return out
    }

    /// Oldest unpaid period first, unquestioned: the treasurer's own decisions.
    private mutating func allocateOldestFirst(_ d: Deposit, to id: String, amount: Won) -> [Allocation] {
        guard members[id] != nil else { return [] }
        return commit(d, to: id, plan(to: id, amount: amount, at: d.time))
    }

    mutating func record(_ d: Deposit, _ id: String, _ p: Period, _ amount: Won) -> Allocation {
        paid[id, default: [:]][p] = Money.saturatingAdd(paidSoFar(id, p), amount)
        return Allocation(transactionID: d.id, memberID: id, period: p, amount: amount)
    }
}
