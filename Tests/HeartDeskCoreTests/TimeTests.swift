import Foundation
import HeartDeskCore
import Testing
import TestSupport

@Suite("Time: parsing and the zone table")
struct TimeTests {
    let zone = Durham.policy.timeZone

    @Test("ISO 8601 forms a call-taker or script types", arguments: [
        ("2026-11-23T14:05-05:00", 1_795_460_700.0),
        ("2026-11-23T19:05Z", 1_795_460_700.0),
        ("2026-11-23T19:05:00z", 1_795_460_700.0),
        ("2026-11-23T20:05+0100", 1_795_460_700.0),
        ("2026-11-23T14:05", 1_795_460_700.0),           // local EST
        ("2026-11-23 14:05:30", 1_795_460_730.0),
        ("2026-11-23T14:05:30.250", 1_795_460_730.25),
        ("2026-07-04T12:00", 1_783_180_800.0),           // local EDT
        ("2026-11-01T01:30", 1_793_511_000.0),           // repeated hour: first (EDT) occurrence
        ("2026-11-01T01:30-05:00", 1_793_514_600.0),     // the second, named by its offset
    ])
    func parses(text: String, epoch: Double) throws {
        #expect(try InstantParser.parse(text, zone: zone).timeIntervalSince1970 == epoch)
    }

    @Test("unreadable times are refused with a reason", arguments: [
        ("tomorrow", "cannot read time"), ("2026-11-23", "cannot read time"), ("2026-11-23T14", "cannot read time"),
        ("2026-13-01T10:00", "no month 13"), ("2026-02-29T10:00", "has no day 29"), ("2026-11-23T24:30", "not a time of day"),
        ("2026-11-23T14:05+25:00", "offset"), ("2026-11-23T14:05Zjunk", "cannot read time"),
        ("2026-03-08T02:30", "clocks sprang forward"),
    ])
    func refuses(text: String, fragment: String) {
        #expect {
            try InstantParser.parse(text, zone: zone)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }

    @Test("the offset table agrees with Foundation's calendar on 20,000 instants, 1970–2099")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "America/New_York"))
        var seed: UInt64 = 7
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let instant = Date(timeIntervalSince1970: Double(seed >> 33) .truncatingRemainder(dividingBy: 4_102_444_800))
            let mine = zone.localTime(at: instant)
            let theirs = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
            #expect(mine.year == theirs.year && mine.month == theirs.month && mine.day == theirs.day)
            #expect(mine.hour == theirs.hour && mine.minute == theirs.minute)
            // Foundation counts Sunday as 1.
            #expect((mine.weekday.rawValue + 1) % 7 + 1 == theirs.weekday)
        }
    }

    @Test("local readings show the zone's offset")
    func iso() {
        #expect(zone.localTime(at: Durham.instant("2026-07-04T12:00")).iso8601 == "2026-07-04T12:00:00-04:00")
        #expect(zone.localTime(at: Durham.instant("2026-11-21T11:02")).weekdayAndTime == "Sat 11:02")
    }
}
