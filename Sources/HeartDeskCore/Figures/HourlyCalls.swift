import Foundation

/// Calls received in one hour of the shift, by in-person decision: a bar of the calls-per-hour chart.
public struct HourlyCalls: Sendable, Hashable {
    /// The hour's start on the shift clock.
    public let start: Date
    /// Local clock hour, 0...23, for the chart's labels.
    public let hour: Int
    public internal(set) var byDecision: [String: Int] = [:]

    public var total: Int { byDecision.values.reduce(0, +) }
}
