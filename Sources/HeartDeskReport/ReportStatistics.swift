import Foundation
import HeartDeskCore

/// Median and 90th percentile of a set of durations, as the report's summary gives them.
public struct DurationStatistics: Sendable, Hashable {
    public let count: Int
    /// The middle value; with an even count, the mean of the two middle values.
    public let median: TimeInterval
    /// Nearest rank: the smallest value at or above 90 % of the values.
    public let p90: TimeInterval

    /// Statistics of `values`, or nil when there are none: the supervisor's board's ``DurationSummary``, so the
    /// report and the board never disagree on a median.
    public init?(_ values: [TimeInterval]) {
        guard let summary = DurationSummary(values) else { return nil }
        count = summary.count
        median = summary.median
        p90 = summary.percentile90
    }
}
