import Foundation
import HeartDeskCore

/// How the report writes times, durations and table cells.
public enum ReportFormat {
    /// "14:05" in the policy's zone.
    public static func clock(_ date: Date, _ zone: TimeZoneRules) -> String {
        let local = zone.localTime(at: date)
        return String(format: "%02d:%02d", local.hour, local.minute)
    }

    /// "4:30" (minutes:seconds), "1:04:30" past an hour, "—" for nothing.
    public static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "—" }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// "dispatch CRT 5 · POLICE 3; phone CCD 4; follow-up CN 2", each name passed through `escape` for its format.
    static func decisions(_ counts: AfterActionReport.DecisionCounts, escape: (String) -> String) -> String {
        let parts = [("dispatch", counts.dispatch), ("phone", counts.phone), ("follow-up", counts.followUp)]
            .filter { !$0.1.isEmpty }
            .map { label, list in label + " " + list.map { "\(escape($0.response)) \($0.calls)" }.joined(separator: " · ") }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    /// "sent CRT" / "expected CRT, follow-up CN" in short words.
    static func expected(_ handling: ExpectedHandling?) -> String {
        guard let handling, !handling.isEmpty else { return "" }
        var parts: [String] = []
        if let dispatch = handling.dispatch { parts.append(dispatch) }
        if let phone = handling.phone { parts.append("phone \(phone)") }
        if let followUp = handling.followUp { parts.append("follow-up \(followUp)") }
        return parts.isEmpty ? "as typed: \(handling.callType ?? "?")" : parts.joined(separator: ", ")
    }

    /// "CRT-1 + POLICE, follow-up CN": the units sent, the traditional response if handed over, the follow-up.
    /// "Calls needing an interpreter: 3 (1 ASL)"; nil when none did.
    static func interpreters(_ calls: [CallReview]) -> String? {
        let needing = calls.filter(\.interpreter.isNeeded)
        guard !needing.isEmpty else { return nil }
        let sign = needing.filter { $0.interpreter == .signLanguage }.count
        return "Calls needing an interpreter: \(needing.count)" + (sign > 0 ? " (\(sign) ASL)" : "")
    }

    static func sent(_ call: CallReview) -> String {
        let handedOver = call.sent.filter { response in !call.unitResponses.contains(response) }
        let went = call.units + handedOver
        var parts = [went.isEmpty ? "nobody" : went.joined(separator: " + ")]
        if let followUp = call.followUp { parts.append("follow-up \(followUp)") }
        return parts.joined(separator: ", ")
    }
}
