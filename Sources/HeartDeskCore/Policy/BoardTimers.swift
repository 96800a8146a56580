import Foundation

/// The policy's warn / alert thresholds for the timers on the call queue and unit board.
///
/// A status without thresholds never changes colour; a back-up request is always an
/// alert, whatever the policy says, because no one may miss it.
public struct BoardTimers: Sendable, Hashable {
    /// How long a call may wait for a unit (or a phone clinician) before it stands out.
    public let pendingCall: TimerThresholds?
    /// Per unit status ("dispatched", "on-scene", …), time in that status.
    public let unitStatus: [UnitStatus: TimerThresholds]

    public init(pendingCall: TimerThresholds? = nil, unitStatus: [UnitStatus: TimerThresholds] = [:]) {
        self.pendingCall = pendingCall
        self.unitStatus = unitStatus
    }

    /// No thresholds at all: nothing ever changes colour.
    public static let none = BoardTimers()

    /// How urgent a unit's status timer is after `elapsed` in `status`.
    public func level(of status: UnitStatus, after elapsed: TimeInterval) -> TimerLevel {
        if status == .backupRequested { return .alert }
        return unitStatus[status]?.level(after: elapsed) ?? .normal
    }

    /// How urgent a call that has waited `elapsed` without a unit is.
    public func pendingLevel(after elapsed: TimeInterval) -> TimerLevel {
        pendingCall?.level(after: elapsed) ?? .normal
    }
}
