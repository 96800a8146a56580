/// Formats and parses minutes of the day as "HH:MM".
public enum ClockTime {
    /// "09:05" for 545; "24:00" for 1440.
    public static func format(_ minuteOfDay: Int) -> String {
        pad(minuteOfDay / 60) + ":" + pad(minuteOfDay % 60)
    }

    /// Minutes since midnight for "HH:MM" between 00:00 and 24:00, or nil.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute),
              hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }
}
