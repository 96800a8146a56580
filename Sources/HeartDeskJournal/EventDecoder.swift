import Foundation
import HeartDeskCore

/// Reads events back from record payloads (the layout ``EventCodec`` writes), sharing the strings and string
/// lists that repeat from record to record.
///
/// One decoder lives as long as the journal it reads, so a follower catching up shares with what came before.
struct EventDecoder {
    /// Positions, operators, unit ids, call types, reason lines: the vocabulary of a shift, not its free text.
    /// Sized for a policy's reason lines: one per response, call type, beat and hours, a few tens of thousands at most.
    private var names = SpanInterner<String>(maxCapacity: 1 << 16)
    /// Safety-flag answers and eligible responses: a policy makes a few dozen such lists, repeated call after call.
    private var nameLists = SpanInterner<[String]>(maxCapacity: 1 << 12)
    /// Names short enough to live inside their `String`: remembered apart, by their bytes.
    private var shortNames = ShortNameCache()
    private let unitStatuses = EnumSpellings<UnitStatus>()
    private let backupKinds = EnumSpellings<BackupKind>()
    private let dispositions = EnumSpellings<Disposition>()
    private let followUpStatuses = EnumSpellings<FollowUpStatus>()

    private typealias Malformed = ByteReader.Malformed
    private typealias Tag = EventCodec.Tag

    /// The event in `payload`; anything malformed or left over is undecodable.
    mutating func decode(_ payload: UnsafeRawBufferPointer) throws(EventCodec.UndecodableEvent) -> ShiftEvent {
        var r = ByteReader(payload)
        do {
            let wall = try r.signed()
            let shift = try r.signed()
            let position = try name(&r)
            let operatorName = try name(&r)
            guard let tag = Tag(rawValue: try r.u8()) else { throw EventCodec.UndecodableEvent() }
            let body = try decodeBody(tag, &r)
            guard r.isAtEnd else { throw EventCodec.UndecodableEvent() }
            return ShiftEvent(wallMillis: wall, shiftMillis: shift, position: position, operatorName: operatorName, body: body)
        } catch {
            throw EventCodec.UndecodableEvent()
        }
    }

    /// A string that is likely to repeat: shared, so it is neither checked as UTF-8 nor allocated again.
    private mutating func name(_ r: inout ByteReader) throws(Malformed) -> String {
        let span = try r.stringBytes()
        if span.count <= ShortNameCache.maxLength { return shortNames.name(span) }
        if let shared = names.value(for: span) { return shared }
        let string = String(decoding: span, as: UTF8.self)
        names.remember(string, for: span)
        return string
    }

    /// A call's id: it comes back in every event about the call, so one of up to 15 bytes (all HeartDesk's, "C-0042")
    /// is remembered with the short names; a longer, foreign one is read as it is, never kept in the shared table,
    /// which is for names that repeat across calls.
    private mutating func identifier(_ r: inout ByteReader) throws(Malformed) -> String {
        let span = try r.stringBytes()
        return span.count <= ShortNameCache.maxLength ? shortNames.name(span) : String(decoding: span, as: UTF8.self)
    }

    private mutating func optionalName(_ r: inout ByteReader) throws(Malformed) -> String? {
        switch try r.u8() {
        case 0: return nil
        case 1: return try name(&r)
        default: throw Malformed()
        }
    }

    /// A list of names, each shared. Used whole for reason lines, which are not shared as lists: a call's reasons
    /// name its beat and, for a closed response, the hour, so in a long shift most lists are new (measured: sharing
    /// them cost more than it saved).
    private mutating func nameList(_ r: inout ByteReader) throws(Malformed) -> [String] {
        let count = try r.count()
        guard count > 0 else { return [] }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try name(&r)) }
        return result
    }

    /// A short list of names that repeats whole (safety flags answered, eligible responses): the list itself shared,
    /// so a call and each of its revisions hold one more reference, not one more array.
    private mutating func sharedNameList(_ r: inout ByteReader) throws(Malformed) -> [String] {
        let span = try r.stringListBytes()
        if let shared = nameLists.value(for: span) { return shared }
        var inner = ByteReader(span)
        let list = try nameList(&inner)
        nameLists.remember(list, for: span)
        return list
    }

    /// One of `spellings`' cases; any other bytes are malformed.
    private func spelled<Value>(_ spellings: EnumSpellings<Value>, _ r: inout ByteReader) throws(Malformed) -> Value {
        guard let value = spellings.value(try r.stringBytes()) else { throw Malformed() }
        return value
    }

    private func interpreterNeed(_ r: inout ByteReader) throws(Malformed) -> InterpreterNeed {
        guard let need = InterpreterNeed(rawValue: try r.u8()) else { throw Malformed() }
        return need
    }

    private mutating func decodeFacts(_ r: inout ByteReader) throws(Malformed) -> RecordedFacts {
        RecordedFacts(callType: try name(&r), beat: try optionalName(&r), flags: try sharedNameList(&r),
                      flagsAnsweredNo: try sharedNameList(&r), language: try name(&r), location: try r.string(),
                      callback: try r.string())
    }

    private mutating func decodeTriage(_ r: inout ByteReader) throws(Malformed) -> TriageRecord {
        TriageRecord(dispatch: try name(&r), phone: try optionalName(&r), followUp: try optionalName(&r),
                     eligible: try sharedNameList(&r), reasons: try nameList(&r))
    }

    private mutating func decodeBody(_ tag: Tag, _ r: inout ByteReader) throws -> ShiftEvent.Body {
        switch tag {
        case .shiftOpened:
            let policy = try r.string()
            var units: [(definition: UnitDefinition, crew: [String])] = []
            for _ in 0..<(try r.count()) {
                let id = try r.string(), response = try r.string(), crew = try r.strings()
                guard !crew.contains(where: \.isEmpty) else { throw Malformed() }
                units.append((UnitDefinition(id: id, response: response, crew: [], languages: try r.strings(),
                                             homeBeat: try r.optionalString(), shiftHours: try r.optionalString(),
                                             initialStatus: try spelled(unitStatuses, &r)), crew))
            }
            // Added after tag 1 was first written: a record without it opened the shift under a policy known by name only.
            let hash = r.isAtEnd ? "" : try r.string()
            // Added with it: the crew roles the roster uses, so a journal shows another city's roles without its policy.
            var roles: [CrewRole] = []
            if !r.isAtEnd {
                for _ in 0..<(try r.count()) {
                    let id = try r.string(), letter = try r.string(), label = try r.string()
                    let sworn = try r.u8()
                    guard !id.isEmpty, sworn <= 1 else { throw Malformed() }
                    roles.append(CrewRole(id: id, letter: letter, label: label, isSworn: sworn == 1))
                }
            }
            return .shiftOpened(policy: PolicyIdentity(name: policy, contentHash: hash), units: units.map { unit in
                unit.definition.withCrew(unit.crew.map { CrewRole.resolve($0, in: roles) })
            })
        case .callReceived:
            let id = try identifier(&r), callType = try name(&r), beat = try optionalName(&r), flags = try sharedNameList(&r)
            let location = try r.string(), caller = try r.string(), callback = try r.string(), language = try name(&r)
            // A damaged record can hold any 64-bit value here: out of range is undecodable, never a trap.
            guard let priority = Int(exactly: try r.varint()), (0...1_000).contains(priority) else { throw Malformed() }
            let note = try r.string()
            let triage = try decodeTriage(&r)
            // Added after tag 2 was first written: a record without it answered no question "no".
            let answeredNo = r.isAtEnd ? [] : try sharedNameList(&r)
            // Added later still: a record without it needed no interpreter.
            let interpreter = r.isAtEnd ? .notNeeded : try interpreterNeed(&r)
            return .callReceived(CallIntake(id: id, callType: callType, beat: beat, flags: flags, flagsAnsweredNo: answeredNo,
                                            location: location, callerName: caller, callback: callback, language: language,
                                            interpreter: interpreter, priority: priority, note: note, triage: triage))
        case .noteAdded:
            return .noteAdded(callID: try identifier(&r), text: try r.string())
        case .unitDispatched:
            return .unitDispatched(callID: try identifier(&r), unitID: try name(&r), overrideReason: try r.optionalString())
        case .unitStatusChanged:
            return .unitStatusChanged(unitID: try name(&r), status: try spelled(unitStatuses, &r))
        case .backupRequested:
            return .backupRequested(unitID: try name(&r), callID: try identifier(&r), kind: try spelled(backupKinds, &r))
        case .callClosed:
            return .callClosed(callID: try identifier(&r), disposition: try spelled(dispositions, &r),
                               followUpID: try r.optionalString())
        case .followUpStatusChanged:
            return .followUpStatusChanged(followUpID: try r.string(), status: try spelled(followUpStatuses, &r))
        case .exerciseStarted:
            let title = try r.string(), scenario = try r.string()
            // Added after tag 9 was first written: a record without it has no plan.
            var plan: ExercisePlan?
            if !r.isAtEnd {
                let end = try r.signed()
                guard let calls = Int(exactly: try r.varint()), calls <= 100_000 else { throw Malformed() }
                plan = ExercisePlan(end: Date(millisecondsSince1970: end), scriptedCalls: calls)
            }
            return .exerciseStarted(title: title, scenario: scenario, plan: plan)
        case .callOffered:
            let id = try r.string(), narrative = try r.string(), location = try r.string(), beat = try r.optionalString()
            let caller = try r.string(), callback = try r.string(), language = try r.string()
            var answers: [SafetyAnswer] = []
            for _ in 0..<(try r.count()) { answers.append(SafetyAnswer(flag: try r.string(), words: try r.string())) }
            let expected = ExpectedHandling(callType: try r.optionalString(), dispatch: try r.optionalString(),
                                            phone: try r.optionalString(), followUp: try r.optionalString())
            return .callOffered(IncomingCall(id: id, narrative: narrative, location: location, beat: beat, callerName: caller,
                                             callback: callback, language: language, answers: answers, expected: expected))
        case .callAnswered:
            return .callAnswered(incomingID: try r.string(), callID: try identifier(&r))
        case .callRetriaged:
            return .callRetriaged(callID: try identifier(&r), flags: try sharedNameList(&r), triage: try decodeTriage(&r))
        case .facilitatorNote:
            return .facilitatorNote(text: try r.string())
        case .callRevised:
            let callID = try identifier(&r)
            var previous = try decodeFacts(&r), facts = try decodeFacts(&r)
            let triage = try decodeTriage(&r)
            var priority: Int?
            if !r.isAtEnd {
                // A damaged record can hold any 64-bit value here: out of range is undecodable, never a trap.
                guard let value = Int(exactly: try r.varint()), (0...1_000).contains(value) else { throw Malformed() }
                priority = value
                if !r.isAtEnd {
                    previous.interpreter = try interpreterNeed(&r)
                    facts.interpreter = try interpreterNeed(&r)
                }
            }
            return .callRevised(callID: callID, previous: previous, facts: facts, triage: triage, priority: priority)
        case .backupAcknowledged:
            return .backupAcknowledged(unitID: try r.string(), callID: try identifier(&r))
        case .backupArrived:
            return .backupArrived(unitID: try r.string(), callID: try identifier(&r))
        }
    }
}
