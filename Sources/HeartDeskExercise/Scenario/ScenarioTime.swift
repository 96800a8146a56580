import Foundation
import HeartDeskCore

/// Times and durations as scenario files write them.
///
/// Durations: `90s`, `5m`, `1h30m`, `1:30` (hours:minutes). Times: `+5m` or `+1:30` after
/// the start, `14:05` on the start's date, or a full local `2026-11-23T23:30`.
enum ScenarioTime {
    /// The longest an exercise may run, and so the longest any of its durations or offsets may be.
    static let longest: TimeInterval = 7 * 24 * 3600

    /// Seconds in a duration, or nil when the text is not one.
    static func duration(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let minuteOfDay = hoursMinutes(trimmed) { return TimeInterval(minuteOfDay * 60) }
        var total = 0.0, number = "", sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return number.isEmpty && sawUnit ? total : nil
    }

    /// The instant `text` names, for an exercise starting at `start`; nil when it does not parse.
    static func instant(_ text: String, start: Date, zone: TimeZoneRules) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+") { return duration(String(trimmed.dropFirst())).map { start + $0 } }
        if trimmed.hasPrefix("-") { return duration(String(trimmed.dropFirst())).map { start - $0 } }
        if let minuteOfDay = hoursMinutes(trimmed), minuteOfDay < 24 * 60 {
            let date = zone.localTime(at: start).iso8601.prefix(10)
            return try? InstantParser.parse("\(date)T\(ClockTime.format(minuteOfDay))", zone: zone)
        }
        return try? InstantParser.parse(trimmed, zone: zone)
    }

    /// Minutes in "H:MM" or "HH:MM".
    private static func hoursMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        // Hours are bounded before they are multiplied: "9223372036854775807:00" is not a time, and must not trap.
        guard parts.count == 2, parts[1].count == 2, parts[0].count <= 6, let h = Int(parts[0]), let m = Int(parts[1]), h >= 0,
              (0..<60).contains(m) else {
            return nil
        }
        return h * 60 + m
    }

    /// "+1:05" for a time 65 minutes after the start.
    static func offset(_ date: Date, from start: Date) -> String {
        let raw = (date.timeIntervalSince(start) / 60).rounded(.down)
        guard raw.isFinite, abs(raw) < 1e9 else { return raw < 0 ? "-∞" : "+∞" }
        let minutes = Int(raw)
        return (minutes < 0 ? "-" : "+") + String(format: "%d:%02d", abs(minutes) / 60, abs(minutes) % 60)
    }
}
