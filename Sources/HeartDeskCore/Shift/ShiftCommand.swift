import Foundation

/// Something a call-taker or supervisor asks for; checked against the state before anything is written.
public enum ShiftCommand: Sendable, Hashable {
    case openShift(units: [UnitDefinition])
    case newCall(NewCall)
    case addNote(callID: String, text: String)
    case dispatch(callID: String, unitID: String, overrideReason: String?)
    case setStatus(unitID: String, status: UnitStatus)
    case requestBackup(unitID: String, kind: BackupKind)
    case close(callID: String, disposition: Disposition, declineFollowUp: Bool)
    case setFollowUpStatus(followUpID: String, status: FollowUpStatus)
    /// Marks the shift as a tabletop exercise.
    case startExercise(title: String, scenario: String)
    /// Rings an exercise call at the console.
    case offerCall(IncomingCall)
    /// Changes an open call's safety answers and routes it again; `note` says what was learnt.
    case reviseFlags(callID: String, flags: [String], note: String)
    /// An exercise facilitator's announcement.
    case announce(String)

    /// The events this command produces in `state`, or why it is refused.
    ///
    /// `shiftTime` is the shift clock now: new calls are routed at that instant.
    public func events(in state: ShiftState, router: Router, shiftTime: Date) throws(ShiftError) -> [ShiftEvent.Body] {
        let policy = router.policy
        if case .openShift = self {} else if state.openedAt == nil {
            throw ShiftError("the shift is not open yet")
        }
        switch self {
        case .openShift(let units):
            guard state.openedAt == nil else { throw ShiftError("the shift is already open") }
            var seen = Set<String>()
            for unit in units {
                guard seen.insert(unit.id.uppercased()).inserted else { throw ShiftError("unit \(unit.id) is on the roster twice") }
                guard policy.response(id: unit.response) != nil else {
                    throw ShiftError("unit \(unit.id) works for \(unit.response), which policy \(policy.name) does not have")
                }
            }
            return [.shiftOpened(policy: policy.name, units: units)]

        case .newCall(let entry):
            guard let incomingID = entry.answering else {
                return [.callReceived(try intake(entry, state: state, router: router, at: shiftTime))]
            }
            guard let incoming = state.incomingCall(incomingID) else { throw ShiftError("no ringing call \(incomingID)") }
            if let callID = incoming.answeredCallID { throw ShiftError("ringing call \(incoming.id) was already answered as \(callID)") }
            let received = try intake(entry, state: state, router: router, at: shiftTime)
            return [.callReceived(received), .callAnswered(incomingID: incoming.id, callID: received.id)]

        case .addNote(let callID, let text):
            _ = try call(callID, in: state)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ShiftError("the note is empty") }
            return [.noteAdded(callID: callID.uppercased(), text: trimmed)]

        case .dispatch(let callID, let unitID, let overrideReason):
            let call = try openCall(callID, in: state)
            let unit = try unit(unitID, in: state)
            guard unit.status == .available else {
                let detail = unit.callID.map { " on \($0)" } ?? ""
                throw ShiftError("\(unit.id) is \(unit.status.label)\(detail), not available")
            }
            let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            if !call.intake.triage.eligible.contains(unit.definition.response) {
                guard let reason, !reason.isEmpty else {
                    throw ShiftError("\(call.id) is not eligible for \(unit.definition.response) "
                                     + "(decision: \(call.intake.triage.dispatch)); give --override REASON to send \(unit.id) anyway")
                }
            }
            return [.unitDispatched(callID: call.id, unitID: unit.id, overrideReason: (reason?.isEmpty ?? true) ? nil : reason)]

        case .setStatus(let unitID, let status):
            let unit = try unit(unitID, in: state)
            if status == .dispatched { throw ShiftError("a unit becomes dispatched by dispatching it to a call") }
            if status == .backupRequested { throw ShiftError("request back-up with the backup command, which says police or ems") }
            if status.needsCall && unit.callID == nil {
                throw ShiftError("\(unit.id) is not on a call, so it cannot be \(status.label)")
            }
            guard unit.status != status else { throw ShiftError("\(unit.id) is already \(status.label)") }
            return [.unitStatusChanged(unitID: unit.id, status: status)]

        case .requestBackup(let unitID, let kind):
            let unit = try unit(unitID, in: state)
            guard let callID = unit.callID else { throw ShiftError("\(unit.id) is not on a call; back-up is asked for a call") }
            return [.backupRequested(unitID: unit.id, callID: callID, kind: kind)]

        case .close(let callID, let disposition, let declineFollowUp):
            let call = try openCall(callID, in: state)
            let queue = call.intake.triage.followUp != nil && !declineFollowUp && disposition.allowsFollowUp
            return [.callClosed(callID: call.id, disposition: disposition, followUpID: queue ? state.nextFollowUpID : nil)]

        case .setFollowUpStatus(let followUpID, let status):
            guard let followUp = state.followUp(followUpID) else { throw ShiftError("no follow-up \(followUpID) in this shift") }
            guard followUp.status != .closed else { throw ShiftError("follow-up \(followUp.id) is already closed") }
            guard followUp.status != status else { throw ShiftError("follow-up \(followUp.id) is already \(status.rawValue)") }
            guard status != .open else { throw ShiftError("a follow-up cannot be reopened") }
            return [.followUpStatusChanged(followUpID: followUp.id, status: status)]

        case .startExercise(let title, let scenario):
            guard state.exercise == nil else { throw ShiftError("this journal is already exercise \(state.exercise!.title)") }
            guard state.calls.isEmpty else { throw ShiftError("an exercise cannot start in a journal that already has calls") }
            return [.exerciseStarted(title: title, scenario: scenario)]

        case .offerCall(let incoming):
            guard state.exercise != nil else { throw ShiftError("calls ring through HeartDesk only in an exercise") }
            guard state.incomingCall(incoming.id) == nil else { throw ShiftError("ringing call \(incoming.id) was already offered") }
            return [.callOffered(incoming)]

        case .reviseFlags(let callID, let flagIDs, let note):
            let call = try openCall(callID, in: state)
            var flags = SafetyFlagSet()
            for id in flagIDs {
                guard let flag = policy.safetyFlag(id: id) else { throw ShiftError("safety flag '\(id)' is not in policy \(policy.name)") }
                flags.insert(SafetyFlagSet(index: flag.index))
            }
            let ids = flags.indices.map { policy.safetyFlags[$0].id }
            guard ids != call.intake.flags else { throw ShiftError("\(call.id) already has those safety answers") }
            guard let decision = router.reroute(call.intake, flags: ids, at: shiftTime) else {
                throw ShiftError("\(call.id)'s call type \(call.intake.callType) is not in policy \(policy.name)")
            }
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            return (trimmed.isEmpty ? [] : [.noteAdded(callID: call.id, text: trimmed)])
                + [.callRetriaged(callID: call.id, flags: ids, triage: TriageRecord(decision, policy: policy))]

        case .announce(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ShiftError("the announcement is empty") }
            return [.facilitatorNote(text: trimmed)]
        }
    }

    /// This command's events stamped, preceded by the shift's opening when `state` is a new journal's.
    ///
    /// `roster` is asked only when the shift must be opened; its errors (a bad roster file) pass through.
    public func stampedEvents(
        in state: ShiftState, router: Router, stamp: EventStamp, rosterIfOpening roster: () throws -> [UnitDefinition]
    ) throws -> [ShiftEvent] {
        var working = state
        var events: [ShiftEvent] = []
        if state.openedAt == nil {
            if case .openShift = self {} else {
                for body in try ShiftCommand.openShift(units: try roster()).events(in: working, router: router, shiftTime: stamp.shiftTime) {
                    let event = stamp.event(body)
                    working.apply(event)
                    events.append(event)
                }
            }
        }
        return events + (try self.events(in: working, router: router, shiftTime: stamp.shiftTime).map(stamp.event))
    }

    private func intake(_ entry: NewCall, state: ShiftState, router: Router, at time: Date) throws(ShiftError) -> CallIntake {
        let policy = router.policy
        guard let callType = policy.callType(named: entry.callType) else {
            let close = policy.callTypeSuggestions(for: entry.callType)
            throw ShiftError("unknown call type '\(entry.callType)'" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        var beat: Beat?
        if let typed = entry.beat, !typed.isEmpty, typed.lowercased() != "unknown" {
            guard let found = policy.beat(id: typed) else { throw ShiftError("unknown beat '\(typed)' in policy \(policy.name)") }
            beat = found
        }
        var flags = SafetyFlagSet()
        for id in entry.flags {
            guard let flag = policy.safetyFlag(id: id) else { throw ShiftError("safety flag '\(id)' is not in policy \(policy.name)") }
            flags.insert(SafetyFlagSet(index: flag.index))
        }
        if let priority = entry.priority, !(1...3).contains(priority) {
            throw ShiftError("priority \(priority) is out of range: use 1 (most urgent) to 3")
        }
        let decision = router.route(CallFacts(callType: callType.index, beat: beat?.index, flags: flags), at: time)
        return CallIntake(
            id: state.nextCallID, callType: callType.name, beat: beat?.id,
            flags: flags.indices.map { policy.safetyFlags[$0].id },
            location: entry.location, callerName: entry.callerName, callback: entry.callback, language: entry.language,
            priority: entry.priority ?? (flags.isEmpty ? 2 : 1), note: entry.note.trimmingCharacters(in: .whitespacesAndNewlines),
            triage: TriageRecord(decision, policy: policy))
    }

    private func call(_ id: String, in state: ShiftState) throws(ShiftError) -> CallRecord {
        guard let call = state.call(id.uppercased()) else { throw ShiftError("no call \(id) in this shift") }
        return call
    }

    private func openCall(_ id: String, in state: ShiftState) throws(ShiftError) -> CallRecord {
        let call = try call(id, in: state)
        guard call.isOpen else { throw ShiftError("\(call.id) is already closed (\(call.disposition?.rawValue ?? "closed"))") }
        return call
    }

    private func unit(_ id: String, in state: ShiftState) throws(ShiftError) -> UnitRecord {
        guard let unit = state.unit(id) else {
            throw ShiftError("no unit \(id) on this shift (units: \(state.units.map(\.id).joined(separator: " ")))")
        }
        return unit
    }
}
