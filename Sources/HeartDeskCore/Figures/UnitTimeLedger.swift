import Foundation

/// Unit time by response and quarter hour over the last day: what the supervisor's utilisation chart draws.
///
/// ``ShiftState`` adds each stretch a unit spent in a status as the status ends, so no history of statuses is
/// kept, and a stretch still running is added by whoever asks (``ShiftFigures``). Quarter hours because every
/// time zone's offset is a whole number of them, so four make any zone's local clock hour. Only the last
/// ``window`` is kept, in a fixed ring per response: the chart shows a day, a stretch years long (a hand-made
/// journal) costs no more than a day's, and replaying a journal pays a few array writes per status change.
public struct UnitTimeLedger: Sendable, Hashable {
    static let slotSeconds: TimeInterval = 900
    /// The chart's 24 hours, the hour it is in, and one to spare for events recorded a little out of order.
    static let window: TimeInterval = 26 * 3600
    static let slotCount = Int(window / slotSeconds) + 1

    /// One response's last ``slotCount`` quarter hours, each kept at position `slot mod slotCount`: a newer quarter
    /// hour takes the place of the one a window before it, so nothing is ever pruned or allocated per event.
    private struct Ring: Sendable, Hashable {
        var slots = [Int](repeating: .min, count: UnitTimeLedger.slotCount)
        var times = [UnitTime](repeating: UnitTime(), count: UnitTimeLedger.slotCount)

        /// Adds `start..<end` (seconds since 1970) spent in `status` to the quarter hours it covers.
        // On the ring, not through `rings[r]` each time: every write through the outer array checked it for sharing
        // anew (perf: 364 instructions a stretch, about a tenth of folding a status change).
        mutating func add(_ status: UnitStatus, from start: TimeInterval, to end: TimeInterval) {
            var slot = UnitTimeLedger.slot(of: start)
            let endSlot = UnitTimeLedger.slot(of: end)
            while slot <= endSlot {
                let slotStart = Double(slot) * UnitTimeLedger.slotSeconds
                let seconds = min(end, slotStart + UnitTimeLedger.slotSeconds) - max(start, slotStart)
                let position = UnitTimeLedger.position(of: slot)
                if seconds > 0 && slot >= slots[position] {
                    if slot > slots[position] {
                        slots[position] = slot
                        times[position] = UnitTime()
                    }
                    times[position].add(seconds, in: status)
                }
                slot += 1
            }
        }
    }

    /// Response ids in the order first seen, and their rings.
    private var responses: [String] = []
    private var rings: [Ring] = []

    public init() {}

    /// Adds the stretch `start..<end` a unit of `response` spent in `status`.
    mutating func add(response: String, status: UnitStatus, from start: Date, to end: Date) {
        guard status != .offDuty, end > start else { return }
        let endSeconds = end.timeIntervalSince1970
        let startSeconds = max(start.timeIntervalSince1970, endSeconds - Self.window)
        let r = responses.firstIndex(of: response) ?? {
            responses.append(response)
            rings.append(Ring())
            return responses.count - 1
        }()
        rings[r].add(status, from: startSeconds, to: endSeconds)
    }

    /// The unit time of `response` recorded between `start` and `end` (quarter-hour aligned: whole slots in between).
    public func time(of response: String, from start: Date, to end: Date) -> UnitTime {
        var total = UnitTime()
        guard let r = responses.firstIndex(of: response) else { return total }
        var slot = Self.slot(of: start.timeIntervalSince1970)
        let last = Self.slot(of: end.timeIntervalSince1970 - 1)
        guard last >= slot, last - slot < Self.slotCount else { return total }
        while slot <= last {
            let position = Self.position(of: slot)
            if rings[r].slots[position] == slot { total.add(rings[r].times[position]) }
            slot += 1
        }
        return total
    }

    fileprivate static func slot(of seconds: TimeInterval) -> Int {
        // Clamped so a nonsense time in a damaged journal cannot trap the conversion.
        Int((seconds / slotSeconds).rounded(.down).clamped(to: -1e15...1e15))
    }

    fileprivate static func position(of slot: Int) -> Int { ((slot % slotCount) + slotCount) % slotCount }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
