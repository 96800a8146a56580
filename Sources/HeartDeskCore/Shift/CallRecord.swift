import Foundation

/// A call as the shift knows it now: intake, notes, units, state and ending.
public struct CallRecord: Sendable, Hashable {
    /// A timestamped line of narrative.
    public struct Note: Sendable, Hashable {
        public let time: Date
        public let operatorName: String
        public let text: String
    }

    public let intake: CallIntake
    public let receivedAt: Date
    public internal(set) var state: CallState
    public internal(set) var stateSince: Date
    public internal(set) var notes: [Note]
    /// Units working the call now.
    public internal(set) var assignedUnits: [String]
    /// Every unit ever dispatched to it, in order.
    public internal(set) var dispatchedUnits: [String]
    /// Reasons given for dispatching against the decision.
    public internal(set) var overrides: [String]
    public internal(set) var disposition: Disposition?
    public internal(set) var followUpID: String?

    public var id: String { intake.id }
    public var isOpen: Bool { state != .closed }
}
