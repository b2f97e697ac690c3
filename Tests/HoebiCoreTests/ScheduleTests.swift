import Foundation
import Testing

@testable import HoebiCore

/// When `hoebi serve` syncs: cron lines and intervals, in Seoul time (issue 13, point 2).
@Suite struct ScheduleTests {
    func t(_ s: String) -> SeoulTime { SeoulTime(parsing: String(s.prefix(10)), time: String(s.dropFirst(11)))! }

    @Test func cronLinesFindTheirNextMinute() throws {
        let every30 = try #require(Cron("*/30 * * * *"))
        #expect(every30.next(after: t("2026-11-22 10:05:00")).iso8601 == "2026-11-22T10:30:00+09:00")
        #expect(every30.next(after: t("2026-11-22 10:30:00")).iso8601 == "2026-11-22T11:00:00+09:00")
        // 9 o'clock on weekdays: Friday evening → Monday morning (2026-11-20 is a Friday).
        let weekdays = try #require(Cron("0 9 * * 1-5"))
        #expect(weekdays.next(after: t("2026-11-20 18:00:00")).iso8601 == "2026-11-23T09:00:00+09:00")
        // The 1st and the 15th, across a month and a year end; day 7 of the week is Sunday too.
        let twiceMonthly = try #require(Cron("0 8 1,15 * *"))
        #expect(twiceMonthly.next(after: t("2026-12-20 00:00:00")).iso8601 == "2027-01-01T08:00:00+09:00")
        #expect(try #require(Cron("0 0 * * 7")).next(after: t("2026-11-22 00:00:00")).iso8601 == "2026-11-29T00:00:00+09:00")
        // Both day fields restricted: either matches (cron's rule).
        let either = try #require(Cron("0 12 13 * 5"))
        #expect(either.next(after: t("2026-11-01 00:00:00")).iso8601 == "2026-11-06T12:00:00+09:00")
        // A line that never matches answers a year later instead of spinning.
        let never = try #require(Cron("0 0 31 2 *"))
        #expect(never.next(after: t("2026-01-01 00:00:00")).year == 2027)
    }

    @Test func badLinesAndIntervalsAreRefused() {
        for bad in [
            "", "* * * *", "60 * * * *", "* 24 * * *", "*/0 * * * *", "5-1 * * * *", "a * * * *", "* * 0 * *", "* * * 13 *", "* * * * 8", "1,,2 * * * *"
        ] {
            #expect(Cron(bad) == nil, "\(bad)")
        }
        #expect(SyncSchedule(every: "30m") == .every(seconds: 1800))
        #expect(SyncSchedule(every: "6h") == .every(seconds: 21600))
        #expect(SyncSchedule(every: "1d") == .every(seconds: 86400))
        for bad in ["30", "0m", "-5m", "10s", "1w", "m", "9999999d"] { #expect(SyncSchedule(every: bad) == nil, "\(bad)") }
    }

    @Test func theConfigurationChecksTheSchedule() throws {
        func problems(_ sync: String) -> String {
            let json =
                #"{"groups": [{"id": "g", "name": "G", "account": {"bank": "kb", "number": "123"}, "dues": {"schedule": [{"from": "2026-01", "amount": 10000}]}, "members": [{"id": "a", "name": "김하나"}], "sync": {"source": "kftc", "baseURL": "https://x", \#(sync)}}]}"#
            do {
                _ = try Configuration.parse(Data(json.utf8))
                return ""
            } catch { return "\(error)" }
        }
        #expect(problems(#""schedule": "*/30 * * * *""#) == "")
        #expect(problems(#""schedule": "every half hour""#).contains("sync.schedule"))
        #expect(problems(#""every": "30""#).contains("sync.every"))
        #expect(problems(#""schedule": "0 9 * * *", "every": "1h""#).contains("not both"))
    }
}
