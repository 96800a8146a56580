import Foundation

/// Something a call-taker or supervisor asks for; checked against the state before anything is written.
public enum ShiftCommand: Sendable, Hashable {
    case openShift(units: [UnitDefinition])
    case newCall(NewCall)
    case addNote(callID: String, text: String)
    /// Sends a unit; checked by ``DispatchGuard`` against the live decision. `also` confirms a second unit on the call.
    case dispatch(callID: String, unitID: String, overrideReason: String?, also: Bool = false)
    case setStatus(unitID: String, status: UnitStatus)
    case requestBackup(unitID: String, kind: BackupKind)
    /// Someone at a console has taken in the unit's latest back-up request.
    case acknowledgeBackup(unitID: String)
    /// The back-up the unit asked for is on scene.
    case backupArrived(unitID: String)
    case close(callID: String, disposition: Disposition, declineFollowUp: Bool)
    case setFollowUpStatus(followUpID: String, status: FollowUpStatus)
    /// Marks the shift as a tabletop exercise.
    case startExercise(title: String, scenario: String, plan: ExercisePlan? = nil)
    /// Rings an exercise call at the console.
    case offerCall(IncomingCall)
    /// Corrects an open call's facts and routes it again; `note` says what was learnt.
    case revise(callID: String, CallRevision, note: String)
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
        // Routing a call under another city's rules (or another version of this one) would be silent and wrong.
        if state.openedAt != nil, let mismatch = state.policy.mismatch(with: policy.identity) { throw ShiftError(mismatch) }
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
            return [.shiftOpened(policy: policy.identity, units: units)]

        case .newCall(let entry):
            guard let incomingID = entry.answering else {
                return [.callReceived(try Self.intake(entry, id: state.nextCallID, router: router, at: shiftTime))]
            }
            guard let incoming = state.incomingCall(incomingID) else { throw ShiftError("no ringing call \(incomingID)") }
            if let callID = incoming.answeredCallID { throw ShiftError("ringing call \(incoming.id) was already answered as \(callID)") }
            let received = try Self.intake(entry, id: state.nextCallID, router: router, at: shiftTime)
            return [.callReceived(received), .callAnswered(incomingID: incoming.id, callID: received.id)]

        case .addNote(let callID, let text):
            _ = try call(callID, in: state)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ShiftError("the note is empty") }
            return [.noteAdded(callID: callID.uppercased(), text: trimmed)]

        case .dispatch(let callID, let unitID, let overrideReason, let also):
            let call = try call(callID, in: state)
            let unit = try unit(unitID, in: state)
            let check = DispatchGuard.assess(call, unit: unit, in: state, router: router, at: shiftTime)
            if let refusal = check.refusal { throw ShiftError(refusal) }
            let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if let needed = check.overrideNeeded, reason.isEmpty {
                throw ShiftError("\(needed); give --override REASON to send \(unit.id) anyway")
            }
            if let already = check.alreadyOnCallSummary(callID: call.id, zone: policy.timeZone), !also {
                throw ShiftError("\(already); give --also to send \(unit.id) as well")
            }
            return [.unitDispatched(callID: call.id, unitID: unit.id, overrideReason: reason.isEmpty ? nil : reason)]

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

        case .acknowledgeBackup(let unitID):
            let unit = try unit(unitID, in: state)
            guard let request = state.backupRequests.last(where: { $0.unitID == unit.id }), unit.callID == request.callID else {
                throw ShiftError("\(unit.id) has no back-up request on its call to acknowledge")
            }
            guard request.isUnacknowledged else { throw ShiftError("\(unit.id)'s back-up request was already acknowledged") }
            return [.backupAcknowledged(unitID: unit.id, callID: request.callID)]

        case .backupArrived(let unitID):
            let unit = try unit(unitID, in: state)
            guard let request = state.backupRequests.last(where: { $0.unitID == unit.id }), unit.callID == request.callID else {
                throw ShiftError("\(unit.id) has no back-up request on its call")
            }
            guard request.arrivedAt == nil else { throw ShiftError("\(unit.id)'s back-up is already on scene") }
            return [.backupArrived(unitID: unit.id, callID: request.callID)]

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

        case .startExercise(let title, let scenario, let plan):
            guard state.exercise == nil else { throw ShiftError("this journal is already exercise \(state.exercise!.title)") }
            guard state.calls.isEmpty else { throw ShiftError("an exercise cannot start in a journal that already has calls") }
            return [.exerciseStarted(title: title, scenario: scenario, plan: plan)]

        case .offerCall(let incoming):
            guard state.exercise != nil else { throw ShiftError("calls ring through HeartDesk only in an exercise") }
            guard state.incomingCall(incoming.id) == nil else { throw ShiftError("ringing call \(incoming.id) was already offered") }
            return [.callOffered(incoming)]

        case .revise(let callID, let revision, let note):
            let call = try openCall(callID, in: state)
            guard !revision.isEmpty else { throw ShiftError("nothing to revise on \(call.id): say what changed") }
            let previous = call.intake.facts
            let facts: RecordedFacts
            do { facts = try revision.applied(to: previous, policy: policy) } catch { throw ShiftError(error.description) }
            guard facts != previous else { throw ShiftError("\(call.id) already has those facts") }
            let priority = facts.flags.isEmpty ? call.intake.priority : min(call.intake.priority, policy.priorities.withSafetyFlag)
            let revised = call.intake.revised(facts, triage: call.intake.triage, priority: priority)
            guard let decision = router.reroute(revised, at: shiftTime) else {
                throw ShiftError("\(call.id)'s call type \(facts.callType) is not in policy \(policy.name)")
            }
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            return (trimmed.isEmpty ? [] : [.noteAdded(callID: call.id, text: trimmed)])
                + [.callRevised(callID: call.id, previous: previous, facts: facts, triage: TriageRecord(decision, policy: policy),
                                priority: priority)]

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

    /// Calls from a city's history, recorded as received: each checked and routed at its own time as a new call is,
    /// numbered on from `state`'s next call id. For a bulk import, which must not copy the shift for every call.
    public static func historicalCalls(
        _ calls: [(entry: NewCall, receivedAt: Date)], after state: ShiftState, router: Router
    ) throws(ShiftError) -> [ShiftEvent.Body] {
        guard state.openedAt != nil else { throw ShiftError("the shift is not open yet") }
        if let mismatch = state.policy.mismatch(with: router.policy.identity) { throw ShiftError(mismatch) }
        var events: [ShiftEvent.Body] = []
        events.reserveCapacity(calls.count)
        for (offset, call) in calls.enumerated() {
            let id = ShiftState.callID(number: state.calls.count + offset + 1)
            events.append(.callReceived(try intake(call.entry, id: id, router: router, at: call.receivedAt)))
        }
        return events
    }

    private static func intake(_ entry: NewCall, id: String, router: Router, at time: Date) throws(ShiftError) -> CallIntake {
        let policy = router.policy
        let callType: CallType, beat: Beat?, yes: SafetyFlagSet, no: SafetyFlagSet
        do {
            callType = try policy.resolveCallType(entry.callType)
            beat = try policy.resolveBeat(entry.beat)
            yes = try policy.resolveFlags(entry.flags)
            no = try policy.resolveFlags(entry.flagsAnsweredNo).subtracting(yes)
        } catch {
            throw ShiftError(error.description)
        }
        if let priority = entry.priority, !policy.priorities.contains(priority) {
            throw ShiftError("priority \(priority) is not one of policy \(policy.name)'s: \(policy.priorities.usage)")
        }
        let decision = router.route(CallFacts(callType: callType.index, beat: beat?.index, flags: yes), at: time)
        return CallIntake(
            id: id, callType: callType.name, beat: beat?.id, flags: policy.flagIDs(yes),
            flagsAnsweredNo: policy.flagIDs(no),
            location: entry.location, callerName: entry.callerName, callback: entry.callback, language: entry.language,
            interpreter: entry.interpreter,
            priority: entry.priority ?? policy.priorities.defaultFor(anyFlagReported: !yes.isEmpty), note: entry.note.trimmingWhitespace,
            triage: TriageRecord(decision, policy: policy))
    }

    /// Refuses an event entered after the fact (`--at`) that would go before the last event of
    /// its call or unit, or that lies more than five minutes ahead of the clock `now`.
    public func checkEntryTime(_ time: Date, now: Date, in state: ShiftState, zone: TimeZoneRules) throws(ShiftError) {
        let text = zone.localTime(at: time).iso8601
        if time > now + Self.allowedLead {
            throw ShiftError("--at \(text) is more than 5 minutes ahead of the clock (\(zone.localTime(at: now).iso8601))")
        }
        var last: [(what: String, at: Date)] = []
        switch self {
        case .addNote(let callID, _), .close(let callID, _, _), .revise(let callID, _, _):
            if let call = state.call(callID.uppercased()) { last.append((call.id, call.lastEventAt)) }
        case .dispatch(let callID, let unitID, _, _):
            if let call = state.call(callID.uppercased()) { last.append((call.id, call.lastEventAt)) }
            if let unit = state.unit(unitID) { last.append((unit.id, unit.lastEventAt)) }
        case .setStatus(let unitID, _), .requestBackup(let unitID, _), .acknowledgeBackup(let unitID), .backupArrived(let unitID):
            if let unit = state.unit(unitID) {
                last.append((unit.id, unit.lastEventAt))
                if let call = unit.callID.flatMap(state.call) { last.append((call.id, call.lastEventAt)) }
            }
        case .setFollowUpStatus(let followUpID, _):
            if let followUp = state.followUp(followUpID) { last.append((followUp.id, followUp.statusSince)) }
        case .newCall, .openShift, .startExercise, .offerCall, .announce:
            break
        }
        if let opened = state.openedAt { last.append(("the shift", opened)) }
        if let latest = last.max(by: { $0.at < $1.at }), time < latest.at {
            throw ShiftError("--at \(text) is earlier than the last event of \(latest.what) (\(zone.localTime(at: latest.at).iso8601))")
        }
    }

    /// How far ahead of the clock an entry may be stamped: clocks of two positions drift a little, never by minutes.
    public static let allowedLead: TimeInterval = 5 * 60

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
