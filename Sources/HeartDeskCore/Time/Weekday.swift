/// A day of the week, Monday first, as opening hours are written.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Three-letter English name ("Mon").
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue]
    }

    /// The weekday of a day counted from 1970-01-01, which was a Thursday.
    public init(daysSinceEpoch days: Int64) {
        let index = Int(((days + 3) % 7 + 7) % 7)
        self = Weekday(rawValue: index)!
    }

    /// Parses "Mon", "monday", "Tues" and the like, ignoring case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard lowered.count >= 3,
              let match = Weekday.allCases.first(where: { day in
                  let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day.rawValue]
                  return full.hasPrefix(lowered)
              })
        else { return nil }
        self = match
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
