import Foundation

/// Median and 90th percentile of a set of durations, as the report's summary gives them.
public struct DurationStatistics: Sendable, Hashable {
    public let count: Int
    /// The middle value; with an even count, the mean of the two middle values.
    public let median: TimeInterval
    /// Nearest rank: the smallest value at or above 90 % of the values.
    public let p90: TimeInterval

    /// Statistics of `values`, or nil when there are none.
    public init?(_ values: [TimeInterval]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let rank = Int((0.9 * Double(sorted.count)).rounded(.up))
        p90 = sorted[max(0, rank - 1)]
    }
}
