import Foundation

/// One fact of a shift, as the journal records it: what happened, when, where and by whom.
public struct ShiftEvent: Sendable, Hashable {
    /// What happened.
    public enum Body: Sendable, Hashable {
        /// First event of every journal: the policy in force (name and file hash) and the roster the shift starts with.
        case shiftOpened(policy: PolicyIdentity, units: [UnitDefinition])
        case callReceived(CallIntake)
        case noteAdded(callID: String, text: String)
        case unitDispatched(callID: String, unitID: String, overrideReason: String?)
        case unitStatusChanged(unitID: String, status: UnitStatus)
        case backupRequested(unitID: String, callID: String, kind: BackupKind)
        case callClosed(callID: String, disposition: Disposition, followUpID: String?)
        case followUpStatusChanged(followUpID: String, status: FollowUpStatus)
        /// The journal is a tabletop exercise's (follows the opening).
        case exerciseStarted(title: String, scenario: String, plan: ExercisePlan?)
        /// A call rings in an exercise, not yet triaged.
        case callOffered(IncomingCall)
        /// The ringing call was answered and recorded as `callID` (follows that call's `callReceived`).
        case callAnswered(incomingID: String, callID: String)
        /// The call's safety answers changed and it was routed again (written by HeartDesk before revisions; still read).
        case callRetriaged(callID: String, flags: [String], triage: TriageRecord)
        /// The call's facts were corrected and it was routed again: before, after, the new decision and the priority
        /// it leaves (nil in records written before the priority was recorded: 1 once a flag is reported, as then).
        // Boxed: with two sets of facts it is the largest case, and every event is as large as the largest case
        // (345 bytes with it inline, 272 boxed), moved several times on its way into the state (perf: replay's
        // folding thread 6 % less CPU). A revision is a few events in a hundred; boxing every call was slower.
        indirect case callRevised(callID: String, previous: RecordedFacts, facts: RecordedFacts, triage: TriageRecord, priority: Int?)
        /// Someone at a console took in a unit's back-up request.
        case backupAcknowledged(unitID: String, callID: String)
        /// The back-up a unit asked for is on scene.
        case backupArrived(unitID: String, callID: String)
        /// An exercise facilitator's announcement to the room.
        case facilitatorNote(text: String)
    }

    /// Milliseconds since 1970 on the wall clock when the event was recorded.
    public let wallMillis: Int64
    /// Milliseconds since 1970 on the shift clock: the wall clock live, the simulated clock in exercises.
    public let shiftMillis: Int64
    /// Console position that recorded it ("call-taker 2").
    public let position: String
    /// Operator's login name.
    public let operatorName: String
    // Settable only so the fold can move a body out of an event it owns (``ShiftState/apply(_:)``), not copy it.
    public internal(set) var body: Body

    public init(wallMillis: Int64, shiftMillis: Int64, position: String, operatorName: String, body: Body) {
        self.wallMillis = wallMillis
        self.shiftMillis = shiftMillis
        self.position = position
        self.operatorName = operatorName
        self.body = body
    }

    public var shiftTime: Date { Date(millisecondsSince1970: shiftMillis) }
    public var wallTime: Date { Date(millisecondsSince1970: wallMillis) }
}

extension Date {
    /// The instant `milliseconds` after 1970-01-01T00:00Z.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// Whole milliseconds since 1970, rounded down: how the journal stores time.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
