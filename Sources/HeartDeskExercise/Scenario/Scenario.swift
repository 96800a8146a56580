import Foundation
import HeartDeskCore

/// A tabletop exercise as its file describes it: a shift's roster and what happens when.
///
/// Every reference in it (call types, units, beats, flags, responses) has been checked
/// against its policy by ``ScenarioLoader``, so running it cannot fail on the data.
public struct Scenario: Sendable {
    /// Short name: the file name without `.yaml` ("safety-test").
    public let name: String
    public let title: String
    public let policy: Policy
    /// When the simulated shift begins.
    public let start: Date
    /// When the exercise ends.
    public let end: Date
    public let roster: [UnitDefinition]
    public let timing: ResponseTiming
    /// Incoming calls, in the order they ring.
    public let calls: [ScenarioCall]
    /// Unit reports, in time order.
    public let unitEvents: [UnitInject]
    /// Facilitator notes, in time order.
    public let notes: [ScenarioNote]
}

/// How long the simulated units take, unless a call says otherwise.
public struct ResponseTiming: Sendable, Hashable {
    /// From dispatch to en route (or, for a phone response, to on the line).
    public var acknowledge: TimeInterval = 60
    /// From en route to on scene.
    public var travel: TimeInterval = 8 * 60
    /// From on scene to clear.
    public var onScene: TimeInterval = 30 * 60

    public init() {}
}

/// One incoming call of a scenario.
public struct ScenarioCall: Sendable, Hashable {
    /// When it rings.
    public let at: Date
    /// What rings: the caller's words and the answer key.
    public let incoming: IncomingCall
    /// The call type the narrative describes (the answer a perfect trainee gives).
    public let callType: String
    /// Facts the caller tells during the call, at offsets from when it was answered.
    public let later: [RevealedFact]
    /// Minutes the responders spend on scene, overriding the scenario's timing.
    public let onScene: TimeInterval?
    public let travel: TimeInterval?
    /// How the call ends when its unit clears.
    public let disposition: Disposition

    public var id: String { incoming.id }
}

/// Something the caller says partway through a call; with a flag, the call is routed again.
public struct RevealedFact: Sendable, Hashable {
    /// Time after the call was answered.
    public let after: TimeInterval
    /// Safety flag id the words report, if any.
    public let flag: String?
    public let words: String
}

/// A unit's report at a time: out of service, back, on scene, asking for back-up, delayed.
public struct UnitInject: Sendable, Hashable {
    /// Which unit: a named one, or whichever unit is working a scenario call at the time.
    public enum Target: Sendable, Hashable {
        case unit(String)
        case call(String)
    }

    public enum Event: Sendable, Hashable {
        case outOfService
        case available
        case onScene
        case backup(BackupKind)
        /// Arrives this much later than it would have.
        case delayed(TimeInterval)
    }

    public let at: Date
    public let target: Target
    public let event: Event
    /// What the unit says on the radio, shown to the room.
    public let words: String
}

/// A facilitator's note for the room at a time.
public struct ScenarioNote: Sendable, Hashable {
    public let at: Date
    public let text: String
}
