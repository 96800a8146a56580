import Foundation

/// A unit on the status board: who it is, its status since when, and its call.
public struct UnitRecord: Sendable, Hashable {
    public let definition: UnitDefinition
    public internal(set) var status: UnitStatus
    public internal(set) var statusSince: Date
    public internal(set) var callID: String?

    public var id: String { definition.id }
}
