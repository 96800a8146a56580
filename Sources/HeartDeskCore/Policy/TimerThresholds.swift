import Foundation

/// When a running timer on the board turns warning, then alert colour.
public struct TimerThresholds: Sendable, Hashable {
    public let warn: TimeInterval
    public let alert: TimeInterval

    public init(warn: TimeInterval, alert: TimeInterval) {
        self.warn = warn
        self.alert = alert
    }

    /// How urgent a timer that has run for `elapsed` is.
    public func level(after elapsed: TimeInterval) -> TimerLevel {
        if elapsed >= alert { return .alert }
        if elapsed >= warn { return .warn }
        return .normal
    }
}

/// How urgent a timer is: the colour it is drawn in.
public enum TimerLevel: Int, Sendable, Comparable, CaseIterable {
    case normal
    case warn
    case alert

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
