import HeartDeskCore

/// The binary encoding of one ``ShiftEvent`` inside a journal record (byte layout: docs/journal-format.md).
///
/// Binary rather than JSON because replay must run at a million events a second;
/// `heartdesk journal show` prints any journal as text on demand.
public enum EventCodec {
    /// The event in a record could not be read: the journal was written by a newer HeartDesk, or damaged.
    struct UndecodableEvent: Error {}

    private enum Tag: UInt8 {
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
            w.string(policy)
            w.varint(UInt64(units.count))
            for unit in units {
                w.string(unit.id)
                w.string(unit.response)
                w.strings(unit.crew.map(\.rawValue))
                w.strings(unit.languages)
                w.optionalString(unit.homeBeat)
                w.optionalString(unit.shiftHours)
                w.string(unit.initialStatus.rawValue)
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
        case .exerciseStarted(let title, let scenario):
            w.u8(Tag.exerciseStarted.rawValue)
            w.string(title)
            w.string(scenario)
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
        case .callRevised(let callID, let previous, let facts, let triage):
            w.u8(Tag.callRevised.rawValue)
            w.string(callID)
            encode(previous, into: &w)
            encode(facts, into: &w)
            encode(triage, into: &w)
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

    private static func decodeFacts(_ r: inout ByteReader) throws(ByteReader.Malformed) -> RecordedFacts {
        RecordedFacts(callType: try r.string(), beat: try r.optionalString(), flags: try r.strings(),
                      flagsAnsweredNo: try r.strings(), language: try r.string(), location: try r.string(),
                      callback: try r.string())
    }

    private static func decodeTriage(_ r: inout ByteReader) throws(ByteReader.Malformed) -> TriageRecord {
        TriageRecord(dispatch: try r.string(), phone: try r.optionalString(), followUp: try r.optionalString(),
                     eligible: try r.strings(), reasons: try r.strings())
    }

    static func decode(_ payload: UnsafeRawBufferPointer) throws(UndecodableEvent) -> ShiftEvent {
        var r = ByteReader(payload)
        do {
            let wall = try r.signed()
            let shift = try r.signed()
            let position = try r.string()
            let operatorName = try r.string()
            guard let tag = Tag(rawValue: try r.u8()) else { throw UndecodableEvent() }
            let body: ShiftEvent.Body
            switch tag {
            case .shiftOpened:
                let policy = try r.string()
                var units: [UnitDefinition] = []
                for _ in 0..<(try r.count()) {
                    let id = try r.string(), response = try r.string()
                    let crew = try r.strings().map { role throws(ByteReader.Malformed) -> CrewRole in
                        guard let parsed = CrewRole(rawValue: role) else { throw ByteReader.Malformed() }
                        return parsed
                    }
                    units.append(UnitDefinition(id: id, response: response, crew: crew, languages: try r.strings(),
                                                homeBeat: try r.optionalString(), shiftHours: try r.optionalString(),
                                                initialStatus: try r.enumeration(UnitStatus.self)))
                }
                body = .shiftOpened(policy: policy, units: units)
            case .callReceived:
                let id = try r.string(), callType = try r.string(), beat = try r.optionalString(), flags = try r.strings()
                let location = try r.string(), caller = try r.string(), callback = try r.string(), language = try r.string()
                // A damaged record can hold any 64-bit value here: out of range is undecodable, never a trap.
                guard let priority = Int(exactly: try r.varint()), (0...1_000).contains(priority) else { throw UndecodableEvent() }
                let note = try r.string()
                let triage = try decodeTriage(&r)
                let answeredNo = r.isAtEnd ? [] : try r.strings()
                body = .callReceived(CallIntake(id: id, callType: callType, beat: beat, flags: flags, flagsAnsweredNo: answeredNo,
                                                location: location,
                                                callerName: caller, callback: callback, language: language,
                                                priority: priority, note: note, triage: triage))
            case .noteAdded:
                body = .noteAdded(callID: try r.string(), text: try r.string())
            case .unitDispatched:
                body = .unitDispatched(callID: try r.string(), unitID: try r.string(), overrideReason: try r.optionalString())
            case .unitStatusChanged:
                body = .unitStatusChanged(unitID: try r.string(), status: try r.enumeration(UnitStatus.self))
            case .backupRequested:
                body = .backupRequested(unitID: try r.string(), callID: try r.string(), kind: try r.enumeration(BackupKind.self))
            case .callClosed:
                body = .callClosed(callID: try r.string(), disposition: try r.enumeration(Disposition.self),
                                   followUpID: try r.optionalString())
            case .followUpStatusChanged:
                body = .followUpStatusChanged(followUpID: try r.string(), status: try r.enumeration(FollowUpStatus.self))
            case .exerciseStarted:
                body = .exerciseStarted(title: try r.string(), scenario: try r.string())
            case .callOffered:
                let id = try r.string(), narrative = try r.string(), location = try r.string(), beat = try r.optionalString()
                let caller = try r.string(), callback = try r.string(), language = try r.string()
                var answers: [SafetyAnswer] = []
                for _ in 0..<(try r.count()) { answers.append(SafetyAnswer(flag: try r.string(), words: try r.string())) }
                let expected = ExpectedHandling(callType: try r.optionalString(), dispatch: try r.optionalString(),
                                                phone: try r.optionalString(), followUp: try r.optionalString())
                body = .callOffered(IncomingCall(id: id, narrative: narrative, location: location, beat: beat, callerName: caller,
                                                 callback: callback, language: language, answers: answers, expected: expected))
            case .callAnswered:
                body = .callAnswered(incomingID: try r.string(), callID: try r.string())
            case .callRetriaged:
                body = .callRetriaged(callID: try r.string(), flags: try r.strings(), triage: try decodeTriage(&r))
            case .facilitatorNote:
                body = .facilitatorNote(text: try r.string())
            case .callRevised:
                body = .callRevised(callID: try r.string(), previous: try decodeFacts(&r), facts: try decodeFacts(&r),
                                    triage: try decodeTriage(&r))
            case .backupAcknowledged:
                body = .backupAcknowledged(unitID: try r.string(), callID: try r.string())
            case .backupArrived:
                body = .backupArrived(unitID: try r.string(), callID: try r.string())
            }
            guard r.isAtEnd else { throw UndecodableEvent() }
            return ShiftEvent(wallMillis: wall, shiftMillis: shift, position: position, operatorName: operatorName, body: body)
        } catch {
            throw UndecodableEvent()
        }
    }
}
