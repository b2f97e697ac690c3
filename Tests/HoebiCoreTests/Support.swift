import HoebiCore

func p(_ s: String) -> Period { Period(s)! }
func t(_ s: String) -> SeoulTime { SeoulTime(parsing: s)! }

/// The example group: a rate change in July, a member joining late, leaving and exempt once,
/// and a member with her own amount.
func hiking(_ extra: [Member] = []) -> Group {
    Group(
        id: "hiking", name: "북한산 산악회", account: Account(bank: "kakaobank", number: "3333-01-1234567"),
        dues: Dues(dueDay: 10, schedule: [.init(from: p("2026-01"), amount: 30000), .init(from: p("2026-07"), amount: 35000)]),
        members: [
            Member(id: "hong", name: "홍길동", aliases: ["길동이"], joined: p("2026-01")),
            Member(id: "lee", name: "이서연", joined: p("2026-03"), left: p("2026-09"), exempt: [p("2026-05")]),
            Member(id: "kim", name: "김솔", amount: 15000)
        ] + extra,
        nonDuesKeywords: ["뒷풀이", "회식"])
}

/// Runs the allocator over deposits given as (time, amount, text) and returns outcomes and allocations.
func allocate(
    _ group: Group, _ rows: [(String, Won, String)], kinds: [String] = [],
    decisions: [Int64: Decision] = [:], learned: [String: String] = [:]
) -> Allocator.Result {
    var a = Allocator(group: group, learnedAliases: learned)
    let deposits = rows.enumerated().map { i, r in
        Deposit(id: Int64(i + 1), time: t(r.0), amount: r.1, text: r.2, kind: i < kinds.count ? kinds[i] : "일반입금")
    }
    return a.run(deposits: deposits, decisions: decisions)
}

extension Allocator.Result {
    /// Paid per member and period, summed.
    func paid(_ member: String) -> [String: Won] {
        var out: [String: Won] = [:]
        for a in allocations where a.memberID == member { out[a.period?.description ?? "credit", default: 0] += a.amount }
        return out
    }
}
