import Foundation
import HeartDeskCore

/// The rows of each list in the order the screen shows them: pure functions of the state,
/// shared by the view that draws them and the update that moves the selection over them.
extension ConsoleState {
    /// Open calls: pending ones (no unit yet) first, by priority then age; then the rest the same way.
    public var queueRows: [CallRecord] {
        let open = shift.calls.filter { $0.isOpen && matchesFilter(callText($0)) }
        return open.sorted { a, b in
            let pa = a.isPending ? 0 : 1, pb = b.isPending ? 0 : 1
            if pa != pb { return pa < pb }
            if a.intake.priority != b.intake.priority { return a.intake.priority < b.intake.priority }
            return a.receivedAt < b.receivedAt
        }
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

    /// The call the queue's cursor is on, kept on screen when the selection has gone.
    public var selectedCall: CallRecord? {
        let rows = queueRows
        return rows.first { $0.id == selectedCallID } ?? rows.first
    }

    public var selectedUnit: UnitRecord? {
        let rows = unitRows
        return rows.first { $0.id == selectedUnitID } ?? rows.first
    }

    public var selectedFollowUp: FollowUpRecord? {
        let rows = followUpRows
        return rows.first { $0.id == selectedFollowUpID } ?? rows.first
    }

    func matchesFilter(_ text: String) -> Bool {
        filter.isEmpty || text.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    private func callText(_ call: CallRecord) -> String {
        let i = call.intake
        return [i.id, i.callType, i.beat ?? "unknown", i.location, i.callerName, i.triage.dispatch,
                call.assignedUnits.joined(separator: " ")].joined(separator: " ")
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

extension CallRecord {
    /// Waiting for its first unit.
    public var isPending: Bool { isOpen && dispatchedUnits.isEmpty }
}
