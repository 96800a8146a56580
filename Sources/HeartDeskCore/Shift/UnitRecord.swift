import Foundation

/// A unit on the status board: who it is, its status since when, and its call.
public struct UnitRecord: Sendable, Hashable {
    public let definition: UnitDefinition
    public internal(set) var status: UnitStatus
    public internal(set) var statusSince: Date
    public internal(set) var callID: String?
    /// Where the unit is, or was last known to be: its call's beat, else its last call's, else its home beat.
    public internal(set) var lastBeat: String?
    /// Who recorded the current status, and at which position: kept apart, joined only when shown,
    /// so replaying a journal does not build a string per event.
    public internal(set) var statusOperator = ""
    public internal(set) var statusPosition = ""
    /// "Bo at pos-2".
    public var statusBy: String { "\(statusOperator) at \(statusPosition)" }
    /// Shift time of the last event about this unit: back-dated entries must not go before it.
    public internal(set) var lastEventAt: Date

    public var id: String { definition.id }
}
