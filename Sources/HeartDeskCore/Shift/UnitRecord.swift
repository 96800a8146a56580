import Foundation

/// A unit on the status board: who it is, its status since when, and its call.
public struct UnitRecord: Sendable, Hashable {
    public let definition: UnitDefinition
    public internal(set) var status: UnitStatus
    public internal(set) var statusSince: Date
    public internal(set) var callID: String?
    /// Where the unit is, or was last known to be: its call's beat, else its last call's, else its home beat.
    public internal(set) var lastBeat: String?
    /// Who recorded the current status ("Bo at pos-2").
    public internal(set) var statusBy: String = ""
    /// Shift time of the last event about this unit: back-dated entries must not go before it.
    public internal(set) var lastEventAt: Date

    public var id: String { definition.id }
}
