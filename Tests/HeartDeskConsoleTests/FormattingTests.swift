import HeartDeskCore
@testable import HeartDeskConsole
import Testing

/// Times and statuses as the board prints them.
@Suite struct FormattingTests {
    static let durations: [(Double, String)] = [
        (0, "0:00"), (7.9, "0:07"), (247, "4:07"), (3599, "59:59"), (3600, "1:00:00"), (3723, "1:02:03"),
        (36_309, "10:05:09"), (-30, "0:00"),
    ]
    static let coarseTimes: [(Double, String)] = [(3540, "59m"), (111_900, "31h05"), (288_000, "3d"), (-2700, "45m")]

    @Test(arguments: durations)
    func durationsReadAsMinutesAndSeconds(seconds: Double, text: String) {
        #expect(Formatting.duration(seconds) == text)
    }

    @Test(arguments: coarseTimes)
    func farOffTimesReadCoarsely(seconds: Double, text: String) {
        #expect(Formatting.coarse(seconds) == text)
    }

    @Test func clockTimesHaveTwoDigitsEach() throws {
        let zone = try #require(TimeZoneRules(identifier: "America/New_York"))
        let morning = try InstantParser.parse("2026-11-23T07:05:09", zone: zone)
        #expect(Formatting.clock(morning, zone) == "07:05:09")
        #expect(Formatting.shortClock(morning, zone) == "07:05")
    }

    @Test(arguments: UnitStatus.allCases)
    func statusLabelsAreTheirNamesInWords(status: UnitStatus) {
        #expect(status.label == status.rawValue.replacingOccurrences(of: "-", with: " "))
    }
}
