/// A wall-clock reading in a policy's time zone: what opening hours are checked against.
public struct LocalTime: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let weekday: Weekday
    /// Minutes since local midnight, 0..<1440.
    public let minuteOfDay: Int
    public let second: Int
    /// The zone's offset from UTC at this instant, in seconds (-18000 for EST).
    public let utcOffsetSeconds: Int

    /// Builds the reading for `localSeconds` (seconds since 1970-01-01T00:00 local wall time).
    init(localSeconds: Int64, utcOffsetSeconds: Int) {
        let days = localSeconds.floorDivided(by: 86_400)
        let secondOfDay = Int(localSeconds - days * 86_400)
        let civil = CivilDate(daysSinceEpoch: days)
        year = civil.year
        month = civil.month
        day = civil.day
        weekday = Weekday(daysSinceEpoch: days)
        minuteOfDay = secondOfDay / 60
        second = secondOfDay % 60
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The reading `year-month-day hour:minute:second` taken as written, with no zone (offset 0): what a city's
    /// call export records. Nil when it names no real date or time, or a year outside ``InstantParser/years``.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard InstantParser.years.contains(year), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        self.init(localSeconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second), utcOffsetSeconds: 0)
    }

    /// Seconds since 1970-01-01T00:00 on the same wall clock: for ordering and spacing readings in one zone.
    public var wallSeconds: Int64 {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400 + Int64(minuteOfDay * 60 + second)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// "Sat 11:02", as reasons quote the time.
    public var weekdayAndTime: String { "\(weekday.shortName) \(ClockTime.format(minuteOfDay))" }

    /// "11:02:09", as messages quote when something happened.
    public var clockText: String { "\(pad(hour)):\(pad(minute)):\(pad(second))" }

    /// "2026-11-21T11:02:00-05:00": ISO 8601 with the zone's offset.
    public var iso8601: String {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offset = abs(utcOffsetSeconds) / 60
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }
}

/// Zero-padded decimal, as clocks and dates print.
func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension Int64 {
    /// Division rounding toward negative infinity, for dates before 1970.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
