import Foundation

/// What one call adds to the supervisor's figures as it stands now: taken out and put back whenever the call
/// changes, so the figures follow the shift without a pass over every call.
struct CallContribution: Sendable {
    let receivedAt: Date
    /// The in-person decision as it stands.
    let decision: String
    let phone: String?
    /// The response of the first unit sent, the service a call was handed to, or ``PeriodFigures/noUnit``.
    let sent: String
    let unserved: UnservedReason?
    /// A HEART team went in person.
    let heartInPerson: Bool
    /// Arrival to first unit sent, and first unit sent to on scene, for calls a HEART team went to.
    let timeToDispatch: TimeInterval?
    let dispatchToScene: TimeInterval?
    /// When the call began waiting, while it waits.
    let pendingSince: Date?

    /// Adds (`sign` 1) or takes back (`sign` -1) this call's counts in `figures`; durations are kept apart.
    func count(into figures: inout PeriodFigures, sign: Int) {
        figures.calls += sign
        Self.bump(&figures.byDecision, decision, by: sign)
        if let phone { Self.bump(&figures.byPhone, phone, by: sign) }
        Self.bump(&figures.bySent, sent, by: sign)
        if let unserved { Self.bump(&figures.unserved, unserved, by: sign) }
        if heartInPerson { figures.heartInPerson += sign }
    }

    /// A count that drops to zero leaves the table, so a breakdown never shows "CRT 0".
    private static func bump<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, by sign: Int) {
        let value = counts[key, default: 0] + sign
        counts[key] = value == 0 ? nil : value
    }
}
