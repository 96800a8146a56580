import Foundation

/// The goals a program sets for the figures it is judged by: each city writes its own in the policy's
/// `targets:` section (docs/policy-format.md), and the supervisor's board colours each figure against them.
public struct ProgramTargets: Sendable, Hashable {
    /// "90 % within 2 minutes": a share of calls that must take no longer than a time.
    public struct WithinTime: Sendable, Hashable {
        public let seconds: TimeInterval
        /// 0...1.
        public let share: Double

        public init(seconds: TimeInterval, share: Double) {
            self.seconds = seconds
            self.share = share
        }

        /// Met when the share within the time reaches the goal; near when it is at most ten points short.
        public func status(shareWithin achieved: Double) -> TargetStatus {
            if achieved >= share { return .met }
            return achieved >= share - 0.10 ? .near : .missed
        }
    }

    /// From a call's arrival to its first unit sent, for calls that got a HEART team in person.
    public let timeToDispatch: WithinTime?
    /// From the first unit sent to the first on scene, for the same calls.
    public let dispatchToScene: WithinTime?
    /// Back-up requests per HEART in-person call, at most (0...1).
    public let backupRate: Double?

    public init(timeToDispatch: WithinTime? = nil, dispatchToScene: WithinTime? = nil, backupRate: Double? = nil) {
        self.timeToDispatch = timeToDispatch
        self.dispatchToScene = dispatchToScene
        self.backupRate = backupRate
    }

    /// No targets: figures are shown uncoloured.
    public static let none = ProgramTargets()

    /// Met at or under the rate; near when at most five points over.
    public func backupRateStatus(_ rate: Double) -> TargetStatus? {
        guard let backupRate else { return nil }
        if rate <= backupRate { return .met }
        return rate <= backupRate + 0.05 ? .near : .missed
    }
}

/// How a figure stands against its target.
public enum TargetStatus: String, Sendable, Hashable {
    case met, near, missed
}
