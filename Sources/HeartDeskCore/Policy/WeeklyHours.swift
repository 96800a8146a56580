/// When a response works: spans of local wall-clock time on each weekday, start inclusive, end exclusive.
public struct WeeklyHours: Sendable, Hashable {
    /// One opening on one day, in minutes since local midnight.
    public struct Span: Sendable, Hashable {
        public let open: Int
        public let close: Int

        public init(open: Int, close: Int) {
            precondition(0 <= open && open < close && close <= 1440, "span must lie within one day")
            self.open = open
            self.close = close
        }
    }

    /// `spansByDay[weekday.rawValue]`, each day's spans in order.
    public let spansByDay: [[Span]]

    /// Open every minute of the week.
    public static let always = WeeklyHours(spansByDay: alwaysSpans)
    private static let alwaysSpans = Array(repeating: [Span(open: 0, close: 1440)], count: 7)

    /// The hours as a call-taker reads them: "Mon–Fri 09:00–17:00", "every day 10:00–21:00", "always". Worked out
    /// once: every decision's reasons quote it.
    public let summary: String

    public init(spansByDay: [[Span]]) {
        precondition(spansByDay.count == 7, "one entry per weekday")
        let sorted = spansByDay.map { $0.sorted { $0.open < $1.open } }
        self.spansByDay = sorted
        summary = Self.summary(of: sorted)
    }

    /// Whether the response is open at this local time.
    public func isOpen(at time: LocalTime) -> Bool {
        for span in spansByDay[time.weekday.rawValue] where span.open <= time.minuteOfDay && time.minuteOfDay < span.close {
            return true
        }
        return false
    }

    public var isAlways: Bool { spansByDay == Self.alwaysSpans }

    /// When a closed response next opens, in local wall-clock terms: the weekday, the minute of that day, and
    /// how many days ahead (0 = later today); nil when it never opens. Local terms, so a clock change between
    /// now and then cannot shift the time shown.
    public func nextOpening(after time: LocalTime) -> (weekday: Weekday, minuteOfDay: Int, daysAhead: Int)? {
        for daysAhead in 0...7 {
            let day = Weekday(rawValue: (time.weekday.rawValue + daysAhead) % 7)!
            for span in spansByDay[day.rawValue] where daysAhead > 0 || span.open > time.minuteOfDay {
                return (day, span.open, daysAhead)
            }
        }
        return nil
    }

    private static func summary(of spansByDay: [[Span]]) -> String {
        if spansByDay == alwaysSpans { return "always" }
        // Runs of consecutive days with the same spans read as "Mon–Fri".
        var groups: [(first: Weekday, last: Weekday, spans: [Span])] = []
        for day in Weekday.allCases {
            let spans = spansByDay[day.rawValue]
            if let previous = groups.last, previous.spans == spans, previous.last.rawValue == day.rawValue - 1 {
                groups[groups.count - 1].last = day
            } else {
                groups.append((day, day, spans))
            }
        }
        let open = groups.filter { !$0.spans.isEmpty }
        if open.isEmpty { return "never" }
        return open.map { group in
            let days: String
            if group.first == .monday && group.last == .sunday {
                days = "every day"
            } else if group.first == group.last {
                days = group.first.shortName
            } else {
                days = "\(group.first.shortName)–\(group.last.shortName)"
            }
            let times = group.spans.map { "\(ClockTime.format($0.open))–\(ClockTime.format($0.close))" }
            return "\(days) \(times.joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}
