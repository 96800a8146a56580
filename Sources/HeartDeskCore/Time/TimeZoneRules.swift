import Foundation

/// A time zone's UTC offsets, precomputed so that converting an instant to local time is a binary search.
///
/// Foundation's `TimeZone` answers each question in about a microsecond; routing
/// millions of calls a second needs far less. The table covers 1970–2100 and falls
/// back to Foundation outside it.
public struct TimeZoneRules: Sendable {
    /// IANA identifier ("America/New_York").
    public let identifier: String
    private let zone: TimeZone
    /// UTC seconds at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` holds before `transitions[i]`; the last one after the last transition.
    private let offsets: [Int]
    private let tableRange: Range<Int64>

    /// 2100-01-01 UTC: where the precomputed table ends.
    private static let tableEnd: Int64 = 4_102_444_800

    /// The rules for an IANA zone, or nil if this machine does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        let start = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: TimeInterval(Self.tableEnd))
        var transitions: [Int64] = []
        var offsets = [zone.secondsFromGMT(for: start)]
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(Int64(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(zone.secondsFromGMT(for: next))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        tableRange = 0..<Self.tableEnd
    }

    /// Rules from a table worked out before (a compiled policy's), skipping the walk through Foundation's transitions.
    init?(identifier: String, transitions: [Int64], offsets: [Int]) {
        guard let zone = TimeZone(identifier: identifier), offsets.count == transitions.count + 1 else { return nil }
        self.identifier = identifier
        self.zone = zone
        self.transitions = transitions
        self.offsets = offsets
        tableRange = 0..<Self.tableEnd
    }

    /// The precomputed table, for a compiled policy to keep.
    var table: (transitions: [Int64], offsets: [Int]) { (transitions, offsets) }

    /// Seconds east of UTC in force at `utcSeconds`.
    /// - Complexity: O(log n) in the number of transitions (about 260 for New York).
    public func utcOffset(atUTC utcSeconds: Int64) -> Int {
        guard tableRange.contains(utcSeconds) else {
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
        }
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= utcSeconds { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    /// The wall-clock reading at `instant`.
    public func localTime(at instant: Date) -> LocalTime {
        let utcSeconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let offset = utcOffset(atUTC: utcSeconds)
        return LocalTime(localSeconds: utcSeconds + Int64(offset), utcOffsetSeconds: offset)
    }

    /// What a local wall-clock reading means as an instant.
    public enum Resolution: Sendable, Equatable {
        /// Exactly one instant; or, where clocks went back and the reading happened twice, the first.
        case instant(Date)
        /// Clocks sprang forward over this reading: it never happened.
        case skipped
    }

    /// Resolves a local wall-clock reading (seconds since 1970-01-01 local) to an instant.
    public func resolve(localSeconds: Int64) -> Resolution {
        // Offsets a day either side cover any single transition around the reading.
        let candidates = Set([utcOffset(atUTC: localSeconds - 86_400), utcOffset(atUTC: localSeconds + 86_400)])
        let valid = candidates
            .map { localSeconds - Int64($0) }
            .filter { utc in Int64(utcOffset(atUTC: utc)) == localSeconds - utc }
        guard let earliest = valid.min() else { return .skipped }
        return .instant(Date(timeIntervalSince1970: TimeInterval(earliest)))
    }
}
