import HeartDeskCore

/// Derived figures every output shows the same way: per-year scaling, hour windows, beats ranked.
enum AnalysisFigures {
    /// "Mon" … "Sun", the rows of a heat map.
    static let weekdays = Weekday.allCases.map(\.shortName)

    /// "Fri 21:00" for hour of week 117.
    static func hourOfWeekLabel(_ hour: Int) -> String { "\(weekdays[hour / 24]) \(clock(hour % 24))" }

    /// "21:00" for hour 21.
    static func clock(_ hour: Int) -> String { ClockTime.format(hour * 60) }

    /// "09" for hour 9: a heat map's column heading.
    static func hourHeading(_ hour: Int) -> String { String(clock(hour).prefix(2)) }

    /// Sums hour-of-week counts into hours of the day.
    static func byHourOfDay(_ hourOfWeek: [Int]) -> [Int] {
        (0..<24).map { hour in (0..<7).reduce(0) { $0 + hourOfWeek[$1 * 24 + hour] } }
    }

    /// The shortest run of clock hours (wrapping past midnight) holding at least half of `counts`, as "21:00–02:00",
    /// with its share; nil when there is nothing to place.
    static func busiestWindow(_ counts: [Int]) -> (label: String, share: Double)? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        for length in 1...24 {
            var best: (start: Int, sum: Int)?
            for start in 0..<24 {
                let sum = (0..<length).reduce(0) { $0 + counts[(start + $1) % 24] }
                if sum * 2 >= total, sum > (best?.sum ?? -1) { best = (start, sum) }
            }
            if let best {
                let end = (best.start + length) % 24
                return ("\(clock(best.start))–\(clock(end))", Double(best.sum) / Double(total))
            }
        }
        return nil
    }

    /// Keys (beats, codes) ranked by count, most first, ties by name.
    static func ranked(_ counts: [String: Int], limit: Int) -> [(key: String, count: Int)] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map { ($0.key, $0.value) }
    }

    /// `count` calls over the data's span, as calls a year.
    static func perYear(_ count: Int, spanDays: Double) -> Int { Int((Double(count) * 365.25 / spanDays).rounded()) }

    /// Thousands separated: "1,000,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// Response ids in the order counts should be listed: the policy's order first.
    static func ordered(_ counts: [String: Int], policy order: [String]) -> [(String, Int)] {
        (order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()).map { ($0, counts[$0]!) }
    }
}
