import Foundation
import HeartDeskCore

/// Times and counts as the console prints them.
enum Formatting {
    /// "4:07" under an hour, "1:02:03" after; negative durations (clock skew between consoles) read as 0:00.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        // Interpolation, not String(format:): the board prints a duration per row per frame, and the format
        // path through Foundation cost a seventh of a frame (docs/benchmarks.md).
        return h > 0 ? "\(h):\(twoDigits(m)):\(twoDigits(s))" : "\(m):\(twoDigits(s))"
    }

    /// "07": a number below 100 with a leading zero.
    static func twoDigits(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }

    /// "31h" / "45m" / "3d": how long until, or since, a far-off time.
    static func coarse(_ seconds: TimeInterval) -> String {
        let minutes = Int(abs(seconds)) / 60
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 72 * 60 { return "\(minutes / 60)h\(twoDigits(minutes % 60))" }
        return "\(minutes / 1440)d"
    }

    /// "14:03:22" in the policy's zone.
    static func clock(_ date: Date, _ zone: TimeZoneRules) -> String {
        zone.localTime(at: date).clockText
    }

    /// "14:03" in the policy's zone.
    static func shortClock(_ date: Date, _ zone: TimeZoneRules) -> String {
        ClockTime.format(zone.localTime(at: date).minuteOfDay)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mon 23 Nov 2026".
    static func date(_ date: Date, _ zone: TimeZoneRules) -> String {
        let t = zone.localTime(at: date)
        return "\(t.weekday.shortName) \(t.day) \(months[t.month - 1]) \(t.year)"
    }

    /// "CRT +CCD +CN": the in-person decision, then the phone and follow-up responses.
    static func decision(_ triage: TriageRecord) -> String {
        decision(dispatch: triage.dispatch, phone: triage.phone, followUp: triage.followUp)
    }

    static func decision(dispatch: String, phone: String?, followUp: String?) -> String {
        ([dispatch] + [phone, followUp].compactMap { $0.map { "+" + $0 } }).joined(separator: " ")
    }

    /// "10", or "2.5" for a fractional exercise clock speed.
    static func speed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Whether `responseID` is the policy's last resort (police, fire and EMS) rather than a HEART response.
    static func isPolice(_ responseID: String, in policy: Policy) -> Bool {
        !policy.dispatchPreference.dropLast().contains { policy[$0].id == responseID }
    }

    /// "W V": the first letter of each safety flag answered yes; "?" when a required question was not asked; then
    /// "INT" or "ASL" when the caller needs an interpreter (the letters then close up: "WV? ASL").
    static func flags(_ intake: CallIntake, policy: Policy) -> String {
        let letters = intake.flags.map { String($0.prefix(1)).uppercased() }
            + (intake.unansweredRequired(in: policy).isEmpty ? [] : ["?"])
        guard intake.interpreter.isNeeded else { return letters.joined(separator: " ") }
        return letters.isEmpty ? intake.interpreter.mark : letters.joined() + " " + intake.interpreter.mark
    }

    /// "POLICE +CN": the live decision's in-person response, then phone and follow-up.
    static func decision(_ live: LiveDecision) -> String {
        decision(dispatch: live.dispatch, phone: live.phone, followUp: live.followUp)
    }
}

extension Formatting {
    /// `text` broken into lines of at most `width` columns at spaces; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if candidate.displayWidth <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = word.displayWidth <= width ? word : word.fitted(to: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
