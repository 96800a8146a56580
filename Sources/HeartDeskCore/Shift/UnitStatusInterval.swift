import Foundation

/// A stretch of time a unit spent in one status, for the data dashboard and the after-action report.
public struct UnitStatusInterval: Sendable, Hashable {
    public let unitID: String
    public let status: UnitStatus
    public let start: Date
    /// nil while the unit is still in this status.
    public let end: Date?
    public let callID: String?

    /// Every unit's status intervals, replayed from `events` in order.
    public static func intervals(from events: [ShiftEvent]) -> [UnitStatusInterval] {
        var state = ShiftState()
        var result: [UnitStatusInterval] = []
        var open: [String: (status: UnitStatus, start: Date, call: String?)] = [:]
        for event in events {
            state.apply(event)
            for unit in state.units {
                let now = (unit.status, unit.statusSince, unit.callID)
                if let current = open[unit.id], current.status == now.0, current.start == now.1 { continue }
                if let current = open[unit.id] {
                    result.append(UnitStatusInterval(unitID: unit.id, status: current.status, start: current.start,
                                                     end: unit.statusSince, callID: current.call))
                }
                open[unit.id] = now
            }
        }
        for unit in state.units {
            if let current = open[unit.id] {
                result.append(UnitStatusInterval(unitID: unit.id, status: current.status, start: current.start, end: nil,
                                                 callID: current.call))
            }
        }
        return result.sorted { ($0.unitID, $0.start) < ($1.unitID, $1.start) }
    }
}
