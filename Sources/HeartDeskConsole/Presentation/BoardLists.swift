import Foundation
import HeartDeskCore

/// The rows of each list in the order the screen shows them: pure functions of the state,
/// shared by the view that draws them and the update that moves the selection over them.
extension ConsoleState {
    /// Open calls: pending ones (no unit yet) first, by priority then age; then the rest the same way. With a
    /// filter, closed calls that match follow, newest first: the shift's history is searched from the same place.
    public var queueRows: [CallRecord] { queueOrder.map { shift.calls[$0] } }

    /// Positions in `shift.calls` of the queue's rows, in screen order.
    ///
    /// Sorts small keys read from the shift's call summaries rather than whole call records: a frame of a
    /// 1,000-call queue must not copy every record (see docs/benchmarks.md).
    /// - Complexity: O(n log n) for n calls in the shift.
    public var queueOrder: [Int] {
        var keys: [(pending: Int, priority: Int, received: Date, index: Int)] = []
        let summaries = shift.callSummaries
        keys.reserveCapacity(summaries.count)
        for i in summaries.indices where summaries[i].isOpen {
            if !filter.isEmpty && !shift.calls[i].matches(search: filter) { continue }
            keys.append((summaries[i].isPending ? 0 : 1, summaries[i].priority, summaries[i].pendingSince, i))
        }
        keys.sort { ($0.pending, $0.priority, $0.received, $0.index) < ($1.pending, $1.priority, $1.received, $1.index) }
        guard !filter.isEmpty else { return keys.map(\.index) }
        // Calls are stored in arrival order, so walking back gives the newest closed match first.
        let closed = summaries.indices.reversed().filter { !summaries[$0].isOpen && shift.calls[$0].matches(search: filter) }
        return keys.map(\.index) + closed
    }

    /// Units in roster order, filtered.
    public var unitRows: [UnitRecord] {
        guard !filter.isEmpty else { return shift.units }
        return shift.units.filter { matchesFilter(unitText($0)) }
    }

    /// Follow-ups still to do first (overdue, then by due time), then contacted, then closed.
    public var followUpRows: [FollowUpRecord] {
        shift.followUps.sorted { a, b in
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            return a.dueAt < b.dueAt
        }
    }

    private func rank(_ f: FollowUpRecord) -> Int {
        switch f.status {
        case .open: return f.isOverdue(at: time.shift) ? 0 : 1
        case .contacted: return 2
        case .closed: return 3
        }
    }

    /// Beats as the list groups them: each local service area's beats first, then the rest by district.
    public var beatGroups: [BeatGroup] {
        var groups: [BeatGroup] = []
        var placed = Set<Int>()
        for area in policy.localServiceAreas {
            let beats = policy.beats.filter { area.covers($0.index) && !placed.contains($0.index.rawValue) }
            guard !beats.isEmpty else { continue }
            beats.forEach { placed.insert($0.index.rawValue) }
            groups.append(BeatGroup(title: "\(area.name.capitalized) service area", beats: beats, isServiceArea: true))
        }
        var districts: [String] = []
        for beat in policy.beats where !placed.contains(beat.index.rawValue) && !districts.contains(beat.district) {
            districts.append(beat.district)
        }
        for district in districts {
            let beats = policy.beats.filter { $0.district == district && !placed.contains($0.index.rawValue) }
            groups.append(BeatGroup(title: "District \(district)", beats: beats, isServiceArea: false))
        }
        return groups
    }

    /// Beats in list order, flattened from `beatGroups`.
    public var beatRows: [Beat] { beatGroups.flatMap(\.beats) }

    /// The call the queue's cursor is on; the first row when the selection has gone.
    ///
    /// Looked up by id first: the key bar asks on every frame, and sorting a 1,000-call queue for it would cost a frame.
    public var selectedCall: CallRecord? {
        if let id = selectedCallID, let call = shift.call(id), filter.isEmpty ? call.isOpen : call.matches(search: filter) {
            return call
        }
        return queueOrder.first.map { shift.calls[$0] }
    }
    public var selectedUnit: UnitRecord? { selectedUnit(in: unitRows) }
    public var selectedFollowUp: FollowUpRecord? { selectedFollowUp(in: followUpRows) }

    // Views that already hold the rows pass them in, so a frame sorts the queue once.
    func selectedCall(in rows: [CallRecord]) -> CallRecord? { rows.first { $0.id == selectedCallID } ?? rows.first }

    /// Position in `order` (of `shift.calls` indices) of the selected call; the first row when the selection has gone.
    func selectedQueuePosition(in order: [Int]) -> Int? {
        guard !order.isEmpty else { return nil }
        return order.firstIndex { shift.calls[$0].id == selectedCallID } ?? 0
    }
    func selectedUnit(in rows: [UnitRecord]) -> UnitRecord? { rows.first { $0.id == selectedUnitID } ?? rows.first }
    func selectedFollowUp(in rows: [FollowUpRecord]) -> FollowUpRecord? {
        rows.first { $0.id == selectedFollowUpID } ?? rows.first
    }

    func matchesFilter(_ text: String) -> Bool {
        filter.isEmpty || text.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    private func unitText(_ unit: UnitRecord) -> String {
        [unit.id, unit.definition.response, unit.status.label, unit.callID ?? "", unit.lastBeat ?? "",
         unit.definition.languages.joined(separator: " ")].joined(separator: " ")
    }
}

/// Beats listed under one heading.
public struct BeatGroup: Sendable {
    public let title: String
    public let beats: [Beat]
    public let isServiceArea: Bool
}
