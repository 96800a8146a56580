import Foundation

/// The program's figures over one stretch of a shift: the shift so far, or the last hour.
public struct PeriodFigures: Sendable, Hashable {
    /// Calls received in the period.
    public internal(set) var calls = 0
    /// Calls by in-person decision as it stands ("CRT", "POLICE").
    public internal(set) var byDecision: [String: Int] = [:]
    /// Calls a phone response may take, by that response ("CCD").
    public internal(set) var byPhone: [String: Int] = [:]
    /// Calls by the response of the first unit sent; ``noUnit`` for calls no unit went to.
    public internal(set) var bySent: [String: Int] = [:]
    /// Calls a HEART team could have taken that did not get one, by why.
    public internal(set) var unserved: [UnservedReason: Int] = [:]
    /// Calls a HEART team went to in person.
    public internal(set) var heartInPerson = 0
    /// Back-up requests made in the period.
    public internal(set) var backupRequests = 0
    /// Arrival to first unit sent, for calls a HEART team went to.
    public internal(set) var timeToDispatch: DurationSummary?
    /// First unit sent to first on scene, for the same calls.
    public internal(set) var dispatchToScene: DurationSummary?

    /// The ``bySent`` key of calls no unit went to.
    public static let noUnit = "none"

    /// Back-up requests per HEART in-person call; nil before any.
    public var backupRate: Double? { heartInPerson > 0 ? Double(backupRequests) / Double(heartInPerson) : nil }
    /// Every unserved call, whatever the reason.
    public var unservedCount: Int { unserved.values.reduce(0, +) }
}
