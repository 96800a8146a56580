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
        let open = sortedOpenCalls(triageOrder: keys.map(\.index))
        guard !filter.isEmpty else { return open }
        // Calls are stored in arrival order, so walking back gives the newest closed match first.
        let closed = summaries.indices.reversed().filter { !summaries[$0].isOpen && shift.calls[$0].matches(search: filter) }
        return open + closed
    }

    /// Open calls in the order `queueSort` asks for; ties keep triage order, so the most urgent of equals stays on top.
    private func sortedOpenCalls(triageOrder: [Int]) -> [Int] {
        let summaries = shift.callSummaries
        switch queueSort.column {
        case .triage: return queueSort.isReversed ? triageOrder.reversed() : triageOrder
        // The AGE column counts from when a call began waiting for a unit, or from its arrival once it has one.
        case .age:
            return ordered(triageOrder, reversed: queueSort.isReversed) {
                summaries[$0].isPending ? summaries[$0].pendingSince : shift.calls[$0].receivedAt
            }
        case .priority: return ordered(triageOrder, reversed: queueSort.isReversed) { summaries[$0].priority }
        case .type: return ordered(triageOrder, reversed: queueSort.isReversed) { shift.calls[$0].intake.callType }
        // An unknown beat sorts after every known one.
        case .beat: return ordered(triageOrder, reversed: queueSort.isReversed) { summaries[$0].beat ?? "\u{10FFFF}" }
        case .decision: return ordered(triageOrder, reversed: queueSort.isReversed) { shift.calls[$0].intake.triage.dispatch }
        case .state: return ordered(triageOrder, reversed: queueSort.isReversed) { shift.calls[$0].state }
        case .call: return ordered(triageOrder, reversed: queueSort.isReversed) { $0 }
        }
    }

    /// Units filtered, in `unitSort`'s order. The roster order keeps units in the field first and the phone positions
    /// (CCD's clinicians in the 911 centre, who are in no beat) after them.
    public var unitRows: [UnitRecord] {
        let units = filter.isEmpty ? shift.units : shift.units.filter { matchesFilter(unitText($0)) }
        let roster = units.filter { !isPhonePosition($0) } + units.filter(isPhonePosition)
        let reversed = unitSort.isReversed
        switch unitSort.column {
        case .roster: return reversed ? roster.reversed() : roster
        case .status: return ordered(roster, reversed: reversed) { Self.statusRank[$0.status] ?? 0 }
        case .time: return ordered(roster, reversed: reversed) { $0.statusSince }
        case .response: return ordered(roster, reversed: reversed) { $0.definition.response }
        case .beat: return ordered(roster, reversed: reversed) { isPhonePosition($0) ? "\u{10FFFF}" : $0.lastBeat ?? "\u{10FFFE}" }
        case .unit: return ordered(roster, reversed: reversed) { $0.id }
        }
    }

    /// A unit that works by phone from the 911 centre rather than going out.
    public func isPhonePosition(_ unit: UnitRecord) -> Bool {
        policy.response(id: unit.definition.response)?.kind == .phone
    }

    /// The unit board's status order: who needs attention, who can be sent, who is busy, who is away.
    private static let statusRank: [UnitStatus: Int] = [
        .backupRequested: 0, .available: 1, .dispatched: 2, .enRoute: 3, .onScene: 4, .transporting: 5, .outOfService: 6, .offDuty: 7,
    ]

    /// `rows` stably sorted by `key` (turned round when `reversed`): equal keys keep their order in `rows`.
    private func ordered<Row, Key: Comparable>(_ rows: [Row], reversed: Bool, by key: (Row) -> Key) -> [Row] {
        let keyed = rows.enumerated().map { (key: key($0.element), position: $0.offset, row: $0.element) }
        return keyed.sorted { a, b in
            if a.key != b.key { return reversed ? a.key > b.key : a.key < b.key }
            return a.position < b.position
        }.map(\.row)
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
