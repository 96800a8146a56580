import HeartDeskCore

/// The binary encoding of one ``ShiftEvent`` inside a journal record (byte layout: docs/journal-format.md).
///
/// Binary rather than JSON because replay must run at a million events a second;
/// `heartdesk journal show` prints any journal as text on demand.
public enum EventCodec {
    /// The event in a record could not be read: the journal was written by a newer HeartDesk, or damaged.
    struct UndecodableEvent: Error {}

    enum Tag: UInt8 {
        case shiftOpened = 1, callReceived, noteAdded, unitDispatched, unitStatusChanged
        case backupRequested, callClosed, followUpStatusChanged
        case exerciseStarted, callOffered, callAnswered, callRetriaged, facilitatorNote
        case callRevised, backupAcknowledged, backupArrived
    }

    /// The payload bytes of `event`.
    public static func encode(_ event: ShiftEvent) -> [UInt8] {
        var w = ByteWriter()
        w.signed(event.wallMillis)
        w.signed(event.shiftMillis)
        w.string(event.position)
        w.string(event.operatorName)
        switch event.body {
        case .shiftOpened(let policy, let units):
            w.u8(Tag.shiftOpened.rawValue)
            w.string(policy.name)
            w.varint(UInt64(units.count))
            for unit in units {
                w.string(unit.id)
                w.string(unit.response)
                w.strings(unit.crew.map(\.id))
                w.strings(unit.languages)
                w.optionalString(unit.homeBeat)
                w.optionalString(unit.shiftHours)
                w.string(unit.initialStatus.rawValue)
            }
            // Added after tag 1 was first written: a record without it opened the shift under a policy known by name only.
            w.string(policy.contentHash)
            var roles: [CrewRole] = []
            for role in units.flatMap(\.crew) where !roles.contains(role) { roles.append(role) }
            w.varint(UInt64(roles.count))
            for role in roles {
                w.string(role.id)
                w.string(role.letter)
                w.string(role.label)
                w.u8(role.isSworn ? 1 : 0)
            }
        case .callReceived(let intake):
            w.u8(Tag.callReceived.rawValue)
            w.string(intake.id)
            w.string(intake.callType)
            w.optionalString(intake.beat)
            w.strings(intake.flags)
            w.string(intake.location)
            w.string(intake.callerName)
            w.string(intake.callback)
            w.string(intake.language)
            w.varint(UInt64(intake.priority))
            w.string(intake.note)
            encode(intake.triage, into: &w)
            // Added after tag 2 was first written: a record without it answered no question "no".
            w.strings(intake.flagsAnsweredNo)
            // Added later still: a record without it needed no interpreter.
            w.u8(intake.interpreter.rawValue)
        case .noteAdded(let callID, let text):
            w.u8(Tag.noteAdded.rawValue)
            w.string(callID)
            w.string(text)
        case .unitDispatched(let callID, let unitID, let overrideReason):
            w.u8(Tag.unitDispatched.rawValue)
            w.string(callID)
            w.string(unitID)
            w.optionalString(overrideReason)
        case .unitStatusChanged(let unitID, let status):
            w.u8(Tag.unitStatusChanged.rawValue)
            w.string(unitID)
            w.string(status.rawValue)
        case .backupRequested(let unitID, let callID, let kind):
            w.u8(Tag.backupRequested.rawValue)
            w.string(unitID)
            w.string(callID)
            w.string(kind.rawValue)
        case .callClosed(let callID, let disposition, let followUpID):
            w.u8(Tag.callClosed.rawValue)
            w.string(callID)
            w.string(disposition.rawValue)
            w.optionalString(followUpID)
        case .followUpStatusChanged(let followUpID, let status):
            w.u8(Tag.followUpStatusChanged.rawValue)
            w.string(followUpID)
            w.string(status.rawValue)
        case .exerciseStarted(let title, let scenario, let plan):
            w.u8(Tag.exerciseStarted.rawValue)
            w.string(title)
            w.string(scenario)
            if let plan {
                w.signed(plan.end.millisecondsSince1970)
                w.varint(UInt64(plan.scriptedCalls))
            }
        case .callOffered(let call):
            w.u8(Tag.callOffered.rawValue)
            w.string(call.id)
            w.string(call.narrative)
            w.string(call.location)
            w.optionalString(call.beat)
            w.string(call.callerName)
            w.string(call.callback)
            w.string(call.language)
            w.varint(UInt64(call.answers.count))
            for answer in call.answers {
                w.string(answer.flag)
                w.string(answer.words)
            }
            w.optionalString(call.expected.callType)
            w.optionalString(call.expected.dispatch)
            w.optionalString(call.expected.phone)
            w.optionalString(call.expected.followUp)
        case .callAnswered(let incomingID, let callID):
            w.u8(Tag.callAnswered.rawValue)
            w.string(incomingID)
            w.string(callID)
        case .callRetriaged(let callID, let flags, let triage):
            w.u8(Tag.callRetriaged.rawValue)
            w.string(callID)
            w.strings(flags)
            encode(triage, into: &w)
        case .facilitatorNote(let text):
            w.u8(Tag.facilitatorNote.rawValue)
            w.string(text)
        case .callRevised(let callID, let previous, let facts, let triage, let priority):
            w.u8(Tag.callRevised.rawValue)
            w.string(callID)
            encode(previous, into: &w)
            encode(facts, into: &w)
            encode(triage, into: &w)
            // Added after this tag was first written: without it, the priority follows the rule of then (1 once flagged).
            if let priority {
                w.varint(UInt64(max(0, priority)))
                // Added after the priority, and only after it (every revision since records one): interpreter before, after.
                w.u8(previous.interpreter.rawValue)
                w.u8(facts.interpreter.rawValue)
            }
        case .backupAcknowledged(let unitID, let callID):
            w.u8(Tag.backupAcknowledged.rawValue)
            w.string(unitID)
            w.string(callID)
        case .backupArrived(let unitID, let callID):
            w.u8(Tag.backupArrived.rawValue)
            w.string(unitID)
            w.string(callID)
        }
        return w.bytes
    }

    private static func encode(_ triage: TriageRecord, into w: inout ByteWriter) {
        w.string(triage.dispatch)
        w.optionalString(triage.phone)
        w.optionalString(triage.followUp)
        w.strings(triage.eligible)
        w.strings(triage.reasons)
    }

    private static func encode(_ facts: RecordedFacts, into w: inout ByteWriter) {
        w.string(facts.callType)
        w.optionalString(facts.beat)
        w.strings(facts.flags)
        w.strings(facts.flagsAnsweredNo)
        w.string(facts.language)
        w.string(facts.location)
        w.string(facts.callback)
    }
}
