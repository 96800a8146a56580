import Foundation

/// A set of durations as a supervisor reads them: how many, the median, the 90th percentile.
public struct DurationSummary: Sendable, Hashable {
    public let count: Int
    public let median: TimeInterval
    public let percentile90: TimeInterval
    /// Sorted, for shares within a target's time.
    private let sorted: [TimeInterval]

    /// Nil when there are no durations.
    public init?(_ durations: [TimeInterval]) {
        self.init(sorted: durations.sorted())
    }

    /// Nil when there are no durations; `sorted` must be in ascending order.
    init?(sorted: [TimeInterval]) {
        guard !sorted.isEmpty else { return nil }
        self.sorted = sorted
        count = sorted.count
        // The same median as the after-action report's: with an even count, the mean of the two middle values.
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        percentile90 = Self.percentile(0.9, of: sorted)
    }

    /// The share (0...1) taking no longer than `seconds`.
    public func share(within seconds: TimeInterval) -> Double {
        // Binary search for the first duration over the limit.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return Double(low) / Double(count)
    }

    /// Nearest-rank percentile: the smallest value with at least `p` of the values at or below it.
    private static func percentile(_ p: Double, of sorted: [TimeInterval]) -> TimeInterval {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
