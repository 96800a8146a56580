import Foundation

/// Durations kept in order as they come and go, so a median and a percentile need no sort.
struct SortedDurations: Sendable {
    private(set) var values: [TimeInterval] = []

    mutating func insert(_ value: TimeInterval) { values.insert(value, at: firstIndex(notBelow: value)) }

    mutating func remove(_ value: TimeInterval) {
        let index = firstIndex(notBelow: value)
        if index < values.count && values[index] == value { values.remove(at: index) }
    }

    var summary: DurationSummary? { DurationSummary(sorted: values) }

    private func firstIndex(notBelow value: TimeInterval) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
