import Foundation

/// Unit time by response and quarter hour over the last day: what the supervisor's utilisation chart draws.
///
/// ``ShiftState`` adds each stretch a unit spent in a status as the status ends, so no history of statuses is
/// kept, and a stretch still running is added by whoever asks (``ShiftFigures``). Quarter hours because every
/// time zone's offset is a whole number of them, so four make any zone's local clock hour. Only the last
/// ``window`` is kept: the chart shows a day, and a stretch years long (a hand-made journal) costs no more than
/// a day's.
public struct UnitTimeLedger: Sendable, Hashable {
    static let slotSeconds: TimeInterval = 900
    /// The chart's 24 hours, the hour it is in, and one to spare for events recorded a little out of order.
    static let window: TimeInterval = 26 * 3600

    private struct Key: Hashable {
        let slot: Int
        let response: String
    }

    private var time: [Key: UnitTime] = [:]
    /// The quarter hour of the latest moment added: anything more than ``window`` before it is dropped.
    private var latestSlot = Int.min

    public init() {}

    /// Adds the stretch `start..<end` a unit of `response` spent in `status`.
    mutating func add(response: String, status: UnitStatus, from start: Date, to end: Date) {
        guard status != .offDuty, end > start else { return }
        let endSeconds = end.timeIntervalSince1970
        let startSeconds = max(start.timeIntervalSince1970, endSeconds - Self.window)
        let endSlot = Self.slot(of: endSeconds)
        if endSlot > latestSlot { moveWindow(to: endSlot) }
        var slot = Self.slot(of: startSeconds)
        let oldest = latestSlot - Int(Self.window / Self.slotSeconds)
        while slot <= endSlot {
            let slotStart = Double(slot) * Self.slotSeconds
            let seconds = min(endSeconds, slotStart + Self.slotSeconds) - max(startSeconds, slotStart)
            if seconds > 0 && slot >= oldest { time[Key(slot: slot, response: response), default: UnitTime()].add(seconds, in: status) }
            slot += 1
        }
    }

    /// The unit time of `response` recorded between `start` and `end` (quarter-hour aligned: whole slots in between).
    public func time(of response: String, from start: Date, to end: Date) -> UnitTime {
        var total = UnitTime()
        var slot = Self.slot(of: start.timeIntervalSince1970)
        let last = Self.slot(of: end.timeIntervalSince1970 - 1)
        guard last >= slot, last - slot <= Int(Self.window / Self.slotSeconds) else { return total }
        while slot <= last {
            if let entry = time[Key(slot: slot, response: response)] { total.add(entry) }
            slot += 1
        }
        return total
    }

    private mutating func moveWindow(to slot: Int) {
        let previous = latestSlot
        latestSlot = slot
        // Pruned once a quarter hour of shift time at most, so the dictionary holds about a day of slots.
        guard previous != Int.min else { return }
        let oldest = slot - Int(Self.window / Self.slotSeconds)
        time = time.filter { $0.key.slot >= oldest }
    }

    private static func slot(of seconds: TimeInterval) -> Int {
        // Clamped so a nonsense time in a damaged journal cannot trap the conversion.
        Int((seconds / slotSeconds).rounded(.down).clamped(to: -1e15...1e15))
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
