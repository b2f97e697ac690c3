import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import HoebiApp
@testable import HoebiCore
@testable import HoebiImport
@testable import HoebiRender
@testable import HoebiStore
@testable import HoebiWiring

/// Issue 19: a report counts every allocation once, whatever the cycles and the window. Generated
/// histories of every cycle go through the real configuration reader, importer, matcher and SQLite
/// store; for random windows every cell, row total and column total of the report is compared with
/// sums of the stored allocations computed here from the raw `allocations` rows, and the JSON, CSV,
/// xlsx, notice and reminder of the same window are checked against the same figures.
@Suite struct ReportSumTests {
    static let names = ["김민준", "이서연", "박도윤", "최지우", "정하준", "강서윤", "조시우", "윤하은", "장예린", "임태윤"]
    static let cycles: [Cycle] = [.monthly, .quarterly, .halfYearly, .yearly]

    /// One generated club: its configuration and its statement.
    struct History {
        var config: String
        var statement: String
        var cycle: Cycle
    }

    static func history(seed: UInt64) -> History {
        var rnd = SeededRandom(seed: seed)
        let cycle = cycles[rnd.below(4)]
        let start = Period(cycle: cycle, containingMonth: 2025 * 12)
        // Rates per month that every cycle divides into whole won; one change in 2026 for half the clubs.
        let unit: Won = [10000, 12000, 15000, 20000][rnd.below(4)]
        var schedule = [#"{"from": "\#(start)", "amount": \#(unit * Won(cycle.months))}"#]
        if rnd.chance(50) {
            let change = Period(cycle: cycle, containingMonth: 2026 * 12 + rnd.below(12))
            schedule.append(#"{"from": "\#(change)", "amount": \#((unit + 5000) * Won(cycle.months))}"#)
        }
        let count = 5 + rnd.below(5)
        var members: [String] = []
        var own: [Cycle] = []
        for i in 0..<count {
            let c = rnd.chance(35) ? cycles[rnd.below(4)] : cycle
            own.append(c)
            var fields = [#""id": "m\#(i)""#, #""name": "\#(names[i])""#]
            if c != cycle { fields.append(#""cycle": "\#(c.rawValue)""#) }
            let someMonth = 2025 * 12 + 2 + rnd.below(18)
            switch rnd.below(10) {
            case 0: fields.append(#""joined": "\#(Period(cycle: c, containingMonth: someMonth))""#)
            case 1: fields.append(#""left": "\#(Period(cycle: c, containingMonth: someMonth))""#)
            case 2: fields.append(#""exempt": ["\#(Period(cycle: c, containingMonth: someMonth))"]"#)
            case 3:
                let from = Period(cycle: c, containingMonth: someMonth)
                fields.append(#""paused": [{"from": "\#(from)", "to": "\#(from.advanced(by: rnd.below(2)))"}]"#)
            case 4: fields.append(#""amount": \#(unit * Won(c.months) / 2)"#)
            default: break
            }
            members.append("{" + fields.joined(separator: ", ") + "}")
        }
        // A household of the last two (they pay one rate together) in a third of the clubs.
        let household = rnd.chance(33) && own[count - 1] == own[count - 2]
        let households = household ? #", "households": [{"id": "hh", "members": ["m\#(count - 2)", "m\#(count - 1)"]}]"# : ""
        let config = """
            {"database": "ledger.sqlite", "groups": [{"id": "club", "name": "모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},
              "dues": {"cycle": "\(cycle.rawValue)", "schedule": [\(schedule.joined(separator: ", "))]},
              "members": [\(members.joined(separator: ", "))]\(households)}]}
            """
        // Deposits over two years: on time, partial, double, advance and odd amounts; some name a period.
        var lines = ["datetime,amount,text"]
        for month in (2025 * 12)..<(2027 * 12) {
            for i in 0..<count where rnd.chance(own[i] == .monthly ? 45 : 25) {
                let rate = unit * Won(own[i].months)
                let amount: Won = [rate, rate, rate / 2, rate * 2, rate + rate / 2, 5000][rnd.below(6)]
                let day = 1 + rnd.below(27)
                var text = names[i]
                if rnd.chance(15) { text += " " + Period(cycle: .monthly, containingMonth: month).label.replacingOccurrences(of: " ", with: "") }
                let mm = month % 12 + 1
                lines.append("\(month / 12)-\(mm < 10 ? "0" : "")\(mm)-\(day < 10 ? "0" : "")\(day) 1\(rnd.below(10)):00,\(amount),\(text)")
            }
        }
        return History(config: config, statement: lines.joined(separator: "\n") + "\n", cycle: cycle)
    }

    /// What the report should say, summed here from the raw allocation rows.
    struct Expected: Equatable {
        var due: [String: [Won]] = [:], paid: [String: [Won]] = [:], outstanding: [String: [Won]] = [:]
        var status: [String: [Report.Status]] = [:]
        var rowExpected: [String: Won] = [:], rowCollected: [String: Won] = [:], rowOutstanding: [String: Won] = [:]
        var columnCollected: [Won] = [], columnExpected: [Won] = [], columnOutstanding: [Won] = []
    }

    static func expected(_ g: Group, columns: [Period], allocations: [(member: String, period: Period, amount: Won)]) -> Expected {
        var e = Expected()
        let ws = columns[0].startMonth, we = columns[columns.count - 1].endMonth
        func column(_ month: Int) -> Int { columns.firstIndex { $0.contains(month: max(month, ws)) }! }
        e.columnCollected = Array(repeating: 0, count: columns.count)
        e.columnExpected = e.columnCollected
        e.columnOutstanding = e.columnCollected
        for m in g.members {
            let c = g.cycle(of: m)
            var due = Array(repeating: Won(0), count: columns.count), paid = due, outstanding = due
            var statuses = Array(repeating: [Report.Status](), count: columns.count)
            // The member's own periods overlapping the window, and what was allocated to each.
            var own: [Period] = []
            var q = Period(cycle: c, containingMonth: ws)
            while q.startMonth <= we {
                own.append(q)
                q = q.next
            }
            for q in own {
                let got = allocations.filter { $0.member == m.id && $0.period == q }.reduce(0) { $0 + $1.amount }
                let ob = g.obligation(of: m, in: q)
                let k = column(q.startMonth)
                due[k] += ob.amount
                paid[k] += got
                outstanding[k] += max(0, ob.amount - got)
                let status: Report.Status
                switch ob {
                case .due(let d): status = got >= d ? .paid : got > 0 ? .partial : .unpaid
                case .exempt: status = .exempt
                case .paused: status = .paused
                case .inactive: status = .inactive
                }
                for i in columns.indices where columns[i].overlaps(q) { statuses[i].append(status) }
            }
            e.status[m.id] = statuses.map { s in
                let owing = s.filter { [.paid, .partial, .unpaid].contains($0) }
                if owing.isEmpty { return s.contains(.paused) ? .paused : s.contains(.exempt) ? .exempt : .inactive }
                return owing.allSatisfy { $0 == .paid } ? .paid : owing.allSatisfy { $0 == .unpaid } ? .unpaid : .partial
            }
            e.due[m.id] = due
            e.paid[m.id] = paid
            e.outstanding[m.id] = outstanding
            e.rowExpected[m.id] = due.reduce(0, +)
            e.rowCollected[m.id] = paid.reduce(0, +)
            e.rowOutstanding[m.id] = outstanding.reduce(0, +)
            for i in columns.indices {
                e.columnCollected[i] += paid[i]
                e.columnExpected[i] += due[i]
                e.columnOutstanding[i] += outstanding[i]
            }
        }
        return e
    }

    static func actual(_ r: Report) -> Expected {
        var e = Expected()
        for m in r.members {
            e.due[m.id] = m.cells.map(\.due)
            e.paid[m.id] = m.cells.map(\.paid)
            e.outstanding[m.id] = m.cells.map(\.outstanding)
            e.status[m.id] = m.cells.map(\.status)
            e.rowExpected[m.id] = m.expected
            e.rowCollected[m.id] = m.collected
            e.rowOutstanding[m.id] = m.outstanding
        }
        e.columnCollected = r.totals.map(\.collected)
        e.columnExpected = r.totals.map(\.expected)
        e.columnOutstanding = r.totals.map(\.outstanding)
        return e
    }

    static func seed(_ i: Int) -> UInt64 { UInt64(i) &* 7919 &+ 17 }

    /// The generated clubs reach every cycle, members on their own cycle and households.
    @Test func theHistoriesCoverEveryCase() {
        let all = (0..<24).map { Self.history(seed: Self.seed($0)) }
        #expect(Set(all.map(\.cycle)) == Set(Self.cycles))
        // A member's own cycle follows their name; the group's follows a brace.
        #expect(all.filter { $0.config.contains(#"", "cycle": ""#) }.count >= 6)
        #expect(all.filter { $0.config.contains("households") }.count >= 3)
        for key in ["joined", "left", "exempt", "paused", "amount"] { #expect(all.contains { $0.config.contains("\"\(key)\": ") }, "\(key)") }
    }

    @Test(arguments: 0..<24)
    func everyFigureIsASumOfTheStoredAllocationsCountedOnce(seed: Int) async throws {
        let h = Self.history(seed: Self.seed(seed))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-sums-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(h.config.utf8).write(to: dir.appendingPathComponent("hoebi.json"))
        try Data(h.statement.utf8).write(to: dir.appendingPathComponent("s.csv"))
        let ws = try await Workspace.open(config: dir.appendingPathComponent("hoebi.json").path)
        let g = try ws.config.group(nil)
        let ledger = Ledger(store: ws.store)
        _ = try await ledger.importFile(dir.appendingPathComponent("s.csv"), group: g, format: nil)
        let stored = try await ws.sqliteStore!.db.read { db in
            try Row.fetchAll(db, sql: "SELECT member_id, period, amount FROM allocations WHERE group_id = 'club' AND period IS NOT NULL").map {
                (member: $0[0] as String, period: Period($0[1] as String)!, amount: $0[2] as Won)
            }
        }
        #expect(!stored.isEmpty)
        var rnd = SeededRandom(seed: UInt64(seed) &+ 99)
        let first = g.firstPeriod
        // Windows of one to three years' columns, some starting inside a longer member period.
        for _ in 0..<6 {
            let from = first.advanced(by: rnd.below(h.cycle.perYear * 2))
            let to = from.advanced(by: rnd.below(h.cycle.perYear * 2 + 1))
            let r = try await ledger.report(g, from: from, to: to)
            let columns = Period.range(from, to)
            #expect(r.periods == columns)
            let want = Self.expected(g, columns: columns, allocations: stored)
            let got = Self.actual(r)
            #expect(got == want, "seed \(seed) \(h.cycle) \(from)…\(to)")
            // Nothing counted twice: the window's money is the money allocated to periods in it.
            let inWindow = stored.filter { $0.period.endMonth >= from.startMonth && $0.period.startMonth <= to.endMonth }.reduce(0) { $0 + $1.amount }
            #expect(r.collected == inWindow)
            try Self.formatsAgree(r, dir: dir)
        }
    }

    /// The JSON, CSV grid, xlsx, notice and reminder of a report carry its figures, not their own.
    static func formatsAgree(_ r: Report, dir: URL) throws {
        let doc = try JSONSerialization.jsonObject(with: Data(try ReportJSON.render(r).utf8)) as! [String: Any]
        func won(_ v: Any?) -> Won? { (v as? Int).map(Won.init) }
        #expect(won(doc["collected"]) == r.collected && won(doc["outstanding"]) == r.outstanding && won(doc["expected"]) == r.expected)
        let docMembers = doc["members"] as! [[String: Any]]
        for (m, dm) in zip(r.members, docMembers) {
            #expect(won(dm["collected"]) == m.collected && won(dm["outstanding"]) == m.outstanding)
            let cells = dm["periods"] as! [String: [String: Any]]
            for (p, c) in zip(r.periods, m.cells) {
                #expect(won(cells[p.description]?["paid"]) == c.paid && cells[p.description]?["status"] as? String == c.status.rawValue)
            }
        }
        let totals = (doc["totals"] as! [[String: Any]]).map { won($0["collected"]) }
        #expect(totals == r.totals.map(\.collected))
        // CSV grid: each member's three totals and the 낸 돈 합계 row.
        let csv = ReportCSV.render(r).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let n = r.periods.count
        // (a 일부 cell holds a quoted comma, so the totals are read from the row's end)
        for (m, row) in zip(r.members, csv.dropFirst()) {
            let k = row.count
            #expect(
                row[1] == m.id && row[k - 4] == String(m.expected) && row[k - 3] == String(m.collected) && row[k - 2] == String(m.outstanding),
                "\(row)")
        }
        let sumRow = csv[1 + r.members.count]
        #expect(Array(sumRow[2..<(2 + n)]) == r.totals.map { String($0.collected) })
        // HTML: each member's three totals close their row, and the footer holds the column totals.
        let html = ReportHTML.render(r)
        for m in r.members {
            let end =
                "<td class=\"num tot\">\(m.expected.grouped)</td><td class=\"num tot\">\(m.collected.grouped)</td><td class=\"num\">\(m.outstanding.grouped)</td></tr>"
            #expect(html.contains(end), "\(m.id)")
        }
        #expect(html.contains("낸 돈 합계</th>" + r.totals.map { "<td class=\"num\">\($0.collected.grouped)</td>" }.joined()))
        // xlsx, read back with Hoebi's own reader.
        let url = dir.appendingPathComponent("r.xlsx")
        try ReportWorkbook.write(r, to: url)
        var rows: [[String]] = []
        try XLSXSource(data: try Data(contentsOf: url), file: url.path).rows { rows.append($0.cells) }
        for (m, row) in zip(r.members, rows.dropFirst(2)) {
            #expect(row.count > n + 3 && row[n + 1] == String(m.expected) && row[n + 2] == String(m.collected) && row[n + 3] == String(m.outstanding))
        }
        #expect(Array(rows[2 + r.members.count].dropFirst().prefix(n)) == r.totals.map { String($0.collected) })
        // The notice for the last column lists as paid exactly the members whose cell is 완납, and
        // each owing member's total is what the reminder lists; both equal the standings' arrears.
        guard let last = r.periods.last else { return }
        let notice = Notice(report: r, period: last, mask: false)
        #expect(Set(notice.paid.map(\.name)) == Set(r.members.filter { $0.cells[n - 1].status == .paid }.map(\.name)))
        #expect(notice.collected == r.totals[n - 1].collected)
        for m in r.members {
            let arrears = m.standings.filter { $0.counted <= n - 1 }.reduce(0) { $0 + $1.owed }
            let reminded = Reminder.owed(m, in: r, through: last).reduce(0) { $0 + $1.owed }
            #expect(reminded == arrears, "\(m.id)")
            if let person = notice.unpaid.first(where: { $0.name == m.name }) { #expect(person.totalOwed == arrears) }
        }
    }
}
