import Foundation

/// A call as the shift knows it now: intake, notes, units, state and ending.
public struct CallRecord: Sendable, Hashable {
    /// A timestamped line of narrative.
    public struct Note: Sendable, Hashable {
        public let time: Date
        public let operatorName: String
        public let text: String
    }

    /// What was recorded at intake, with the safety answers and decision as they stand now.
    public internal(set) var intake: CallIntake
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
    /// The ringing exercise call this was answered from.
    public internal(set) var incomingID: String?
    /// Each time its facts were revised, oldest first.
    public internal(set) var retriages: [Retriage] = []
    /// When each unit was last sent to it, and whether that took an override reason: one entry per unit, in the
    /// order first sent. A list, not a dictionary: a call has a unit or two, and a dictionary per call cost replay
    /// an allocation and a string hash for every dispatch (perf).
    public internal(set) var assignments: [Assignment] = []

    /// How a unit came to be on the call.
    public struct Assignment: Sendable, Hashable {
        public let unitID: String
        public let at: Date
        /// Sent against the decision, knowingly, with a reason.
        public let overridden: Bool
    }

    /// The last time `unitID` was sent to this call, if it was.
    public func assignment(of unitID: String) -> Assignment? { assignments.first { $0.unitID == unitID } }

    /// Records that `unitID` was sent now, replacing when it was sent before.
    mutating func assign(_ assignment: Assignment) {
        if let index = assignments.firstIndex(where: { $0.unitID == assignment.unitID }) {
            assignments[index] = assignment
        } else {
            assignments.append(assignment)
        }
    }

    /// Gives back the room its lists kept for a life still going on, once it is over.
    ///
    /// A closed call stays in memory for the rest of the shift, and room grown by doubling was about 130 of the
    /// 2,200 bytes each call held in the soak's shift (docs/benchmarks.md). One copy per close; anything recorded
    /// after it (a unit reporting late) grows the list again.
    mutating func releaseSpareRoom() {
        // One spare moment is left be: copying the list to save its 48 bytes cost more than the rest of the close
        // (perf: 1,300 instructions a close).
        if moments.capacity > moments.count + 1 { moments = moments.map { $0 } }
        if retriages.capacity > retriages.count { retriages = retriages.map { $0 } }
    }

    /// Shift time of the last event about this call: back-dated entries must not go before it.
    public internal(set) var lastEventAt: Date
    /// When the first unit was sent to it (time to dispatch runs from `receivedAt` to here).
    public internal(set) var firstDispatchedAt: Date?
    /// When a unit first reported on scene (dispatch to scene runs from `firstDispatchedAt` to here).
    public internal(set) var firstOnSceneAt: Date?
    /// The response of the first unit sent ("CRT"), as the shift's roster had it.
    public internal(set) var firstSentResponse: String?
    /// Every moment of its life in order, for its history (notes are in ``notes``).
    public internal(set) var moments: [CallMoment] = []

    public var id: String { intake.id }
    /// Open and waiting for a unit: none yet, or the last one left it.
    @inlinable public var isPending: Bool { state != .closed && assignedUnits.isEmpty }
    /// Since when a pending call has been waiting: its arrival, or the moment its last unit left it.
    @inlinable public var pendingSince: Date { state == .triaged ? stateSince : receivedAt }
    // Inlinable so a loop over the shift's calls reads the field instead of copying each whole record.
    @inlinable public var isOpen: Bool { state != .closed }
    /// When it was closed, nil while open.
    public var closedAt: Date? { state == .closed ? stateSince : nil }
    /// Who served the call: the response of the first unit sent, the phone response a transfer went to, or the
    /// service it was handed to; nil while none has.
    public var responseServed: String? {
        firstSentResponse ?? disposition?.servedByPhone(decision: intake.triage) ?? disposition?.handedOverTo
    }

    /// The response the decision first dispatched at triage, before any revision.
    public var firstDispatch: String { retriages.first?.previousDispatch ?? intake.triage.dispatch }
}
