import Foundation

/// The state of a shift: a fold of its journal's events, and nothing else.
///
/// `apply` never fails: events were checked by ``ShiftCommand`` before they were
/// written. An event that does not fit (which only a hand-made journal can contain) is
/// counted in `inconsistentEvents` and otherwise ignored, so replay never loses the rest.
public struct ShiftState: Sendable, Hashable {
    /// The policy the shift was opened under (name and file hash); an empty name before the shift opens.
    public private(set) var policy = PolicyIdentity(name: "", contentHash: "")
    /// The name of the policy the shift was opened under.
    public var policyName: String { policy.name }
    public private(set) var openedAt: Date?
    /// In chunks: a console's copy and the journal's share all but the chunk an event changes.
    public private(set) var calls = ChunkedArray<CallRecord>()
    /// One summary per call, in the same order: what the board counts and sorts by.
    public private(set) var callSummaries: [CallSummary] = []
    /// Calls open now.
    public private(set) var openCallCount = 0
    /// Open calls with no unit on them.
    public private(set) var pendingCallCount = 0
    public private(set) var units: [UnitRecord] = []
    public private(set) var followUps: [FollowUpRecord] = []
    public private(set) var backupRequests: [BackupRequest] = []
    /// Set when the journal is a tabletop exercise's.
    public private(set) var exercise: ExerciseInfo?
    /// Exercise calls that rang, answered or not, in order.
    public private(set) var incomingCalls: [IncomingCallRecord] = []
    public private(set) var facilitatorNotes: [FacilitatorNote] = []
    /// How many events have been applied.
    public private(set) var eventCount = 0
    /// The shift clock of the last event applied.
    public private(set) var lastShiftTime: Date?
    public private(set) var inconsistentEvents = 0
    /// Unit time by response and status over the last day, for the supervisor's utilisation chart.
    public private(set) var unitTime = UnitTimeLedger()

    /// Calls whose id is not the one their place gives ("C-0042" is the 42nd call's): only hand-made or foreign ones.
    private var callIndex: [String: Int] = [:]
    private var unitIndex: [String: Int] = [:]
    private var followUpIndex: [String: Int] = [:]
    private var incomingIndex: [String: Int] = [:]
    /// What revisions changed, shared: the same few lists come back call after call (docs/benchmarks.md, soak).
    private var revisionChanges = SharedLists()

    public init() {}

    /// The state after replaying `events` from the start.
    public init<S: Sequence>(replaying events: S) where S.Element == ShiftEvent {
        self.init()
        for event in events { apply(event) }
    }

    /// Makes room for `count` calls at once: replaying a long journal otherwise copies every call record each time
    /// the list doubles. Changes nothing else.
    public mutating func reserveCapacity(calls count: Int) {
        calls.reserveCapacity(count)
        callSummaries.reserveCapacity(count)
    }

    public func call(_ id: String) -> CallRecord? { callPosition(id).map { calls[$0] } }
    public func unit(_ id: String) -> UnitRecord? { unitPosition(id).map { units[$0] } }
    public func followUp(_ id: String) -> FollowUpRecord? { followUpPosition(id).map { followUps[$0] } }
    public func incomingCall(_ id: String) -> IncomingCallRecord? { incomingIndex[id].map { incomingCalls[$0] } }
    /// Exercise calls still ringing, longest first.
    public var ringingCalls: [IncomingCallRecord] { incomingCalls.filter(\.isRinging) }

    /// Where call `id` is in ``calls``. Every call HeartDesk numbers sits where its number says ("C-0042" is the
    /// 42nd), which a replay checks with one comparison; a hash lookup of each id was a fifth of folding a long shift.
    private func callPosition(_ id: String) -> Int? {
        // The chunked list reads in place: comparing the id does not copy the record (perf).
        if let number = Self.callNumber(in: id), number <= calls.count, calls[number - 1].intake.id == id { return number - 1 }
        return callIndex[id]
    }

    /// The number in a call id of HeartDesk's form, "C-" and digits ("C-0042" → 42, "C-000042" too); nil for any other.
    static func callNumber(in id: String) -> Int? {
        let number = id.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count > 2, bytes.count <= 14, bytes[0] == UInt8(ascii: "C"), bytes[1] == UInt8(ascii: "-") else { return nil }
            var number = 0
            for byte in bytes[2...] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                number = number * 10 + Int(byte &- UInt8(ascii: "0"))
            }
            return number
        }
        // nil twice over: no contiguous bytes (never for a native string), or not of HeartDesk's form.
        guard let number = number ?? nil, number > 0 else { return nil }
        return number
    }

    // Events carry canonical ids, so the exact lookup hits during replay; typed ids may differ in case.
    private func unitPosition(_ id: String) -> Int? {
        // A roster of a few dozen units is searched faster than a string is hashed: four events in six name a unit (perf).
        if units.count <= 32,
           let found = units.withUnsafeBufferPointer({ $0.firstIndex { $0.definition.id == id } }) { return found }
        return unitIndex[id] ?? unitIndex[id.uppercased()]
    }
    private func followUpPosition(_ id: String) -> Int? { followUpIndex[id] ?? followUpIndex[id.uppercased()] }

    /// The id the next call will get.
    public var nextCallID: String { Self.callID(number: calls.count + 1) }

    /// "C-0042": the id of the shift's `number`th call (padded by hand: an import numbers tens of thousands at a time).
    public static func callID(number: Int) -> String {
        let digits = String(number)
        return "C-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
    /// The id the next follow-up will get.
    public var nextFollowUpID: String { String(format: "F-%04d", followUps.count + 1) }

    /// Folds one event into the state.
    ///
    /// The event is consumed: the state keeps its strings and lists as they are, instead of retaining them here and
    /// releasing them again when the caller frees the event (a replay's busiest thread did both for every event).
    public mutating func apply(_ event: consuming ShiftEvent) {
        eventCount += 1
        let time = event.shiftTime
        lastShiftTime = time
        let who = (operatorName: event.operatorName, position: event.position)
        // The body moved out of the event (an empty note left in its place) and consumed by the match, so what it
        // holds passes into the state as it is: matching on `event.body` copied it whole, a retain per string and
        // list and the matching releases when the event was freed (perf: a tenth of replay's folding thread).
        var body = ShiftEvent.Body.facilitatorNote(text: "")
        swap(&body, &event.body)
        switch consume body {
        case .shiftOpened(let policy, let definitions):
            guard openedAt == nil else { return inconsistent() }
            self.policy = policy
            openedAt = time
            for definition in definitions where unitIndex[definition.id.uppercased()] == nil {
                unitIndex[definition.id.uppercased()] = units.count
                units.append(UnitRecord(definition: definition, status: definition.initialStatus, statusSince: time, callID: nil,
                                        lastBeat: definition.homeBeat, statusOperator: who.operatorName,
                                        statusPosition: who.position, lastEventAt: time))
            }

        case .callReceived(let intake):
            guard callPosition(intake.id) == nil else { return inconsistent() }
            if Self.callNumber(in: intake.id) != calls.count + 1 { callIndex[intake.id] = calls.count }
            let notes = intake.note.isEmpty ? [] : [CallRecord.Note(time: time, operatorName: who.operatorName, text: intake.note)]
            // The summary first, so the intake can then be moved into the record rather than copied.
            callSummaries.append(CallSummary(isOpen: true, isPending: true, priority: intake.priority, pendingSince: time,
                                             beat: intake.beat, changeNumber: eventCount))
            var record = CallRecord(intake: consume intake, receivedAt: time, state: .triaged, stateSince: time, notes: notes,
                                    assignedUnits: [], dispatchedUnits: [], overrides: [], disposition: nil, followUpID: nil,
                                    lastEventAt: time)
            // Room for a call's usual life (received, dispatched, en route, on scene, closed) in one allocation, not four.
            record.moments.reserveCapacity(5)
            record.moments.append(CallMoment(time: time, kind: .received, operatorName: who.operatorName))
            // Consumed, or the list's consuming append still got a copy and the local was destroyed after it: a whole
            // call record's retains and releases per call (callgrind: apply 8 % of its instructions).
            calls.append(consume record)
            openCallCount += 1
            pendingCallCount += 1

        case .noteAdded(let callID, let text):
            guard let c = callPosition(callID) else { return inconsistent() }
            calls[c].notes.append(CallRecord.Note(time: time, operatorName: who.operatorName, text: text))
            touch(call: c, at: time)

        case .unitDispatched(let callID, let unitID, let overrideReason):
            guard let c = callPosition(callID), let u = unitPosition(unitID) else { return inconsistent() }
            detach(unit: u, at: time)
            units[u].callID = callID
            setStatus(unit: u, .dispatched, at: time, by: who)
            if let beat = calls[c].intake.beat { units[u].lastBeat = beat }
            calls[c].assignedUnits.append(units[u].id)
            calls[c].dispatchedUnits.append(units[u].id)
            if let overrideReason { calls[c].overrides.append(overrideReason) }
            calls[c].assign(CallRecord.Assignment(unitID: units[u].id, at: time, overridden: overrideReason != nil))
            calls[c].moments.append(CallMoment(time: time, kind: .dispatched(unit: units[u].id, overridden: overrideReason != nil),
                                               operatorName: who.operatorName))
            if calls[c].firstDispatchedAt == nil {
                calls[c].firstDispatchedAt = time
                calls[c].firstSentResponse = units[u].definition.response
            }
            advance(call: c, to: .dispatched, at: time)
            touch(call: c, at: time)

        case .unitStatusChanged(let unitID, let status):
            guard let u = unitPosition(unitID) else { return inconsistent() }
            if let callID = units[u].callID, let c = callPosition(callID) {
                calls[c].moments.append(CallMoment(time: time, kind: .unitStatus(unit: units[u].id, status: status),
                                                   operatorName: who.operatorName))
            }
            if !status.needsCall { detach(unit: u, at: time) }
            setStatus(unit: u, status, at: time, by: who)
            if let callID = units[u].callID, let c = callPosition(callID) {
                switch status {
                case .enRoute: advance(call: c, to: .enRoute, at: time)
                case .onScene, .transporting: advance(call: c, to: .onScene, at: time)
                default: break
                }
                touch(call: c, at: time)
            }

        case .backupRequested(let unitID, let callID, let kind):
            guard let u = unitPosition(unitID) else { return inconsistent() }
            backupRequests.append(BackupRequest(unitID: units[u].id, callID: callID, kind: kind, time: time,
                                                operatorName: who.operatorName))
            setStatus(unit: u, .backupRequested, at: time, by: who)
            if let c = callPosition(callID) {
                calls[c].moments.append(CallMoment(time: time, kind: .backupRequested(unit: units[u].id, kind: kind),
                                                   operatorName: who.operatorName))
                touch(call: c, at: time)
            }

        case .backupAcknowledged(let unitID, let callID):
            guard let r = backupRequests.lastIndex(where: { $0.unitID == unitID && $0.callID == callID }) else { return inconsistent() }
            backupRequests[r].acknowledgedAt = time
            backupRequests[r].acknowledgedBy = "\(who.operatorName) at \(who.position)"
            if let u = unitPosition(unitID) { units[u].lastEventAt = time }

        case .backupArrived(let unitID, let callID):
            guard let r = backupRequests.lastIndex(where: { $0.unitID == unitID && $0.callID == callID }) else { return inconsistent() }
            backupRequests[r].arrivedAt = time
            // The unit is back to working the scene, now with back-up beside it.
            if let u = unitPosition(unitID), units[u].callID == callID, units[u].status == .backupRequested {
                setStatus(unit: u, .onScene, at: time, by: who)
            }
            if let c = callPosition(callID) { touch(call: c, at: time) }

        case .callClosed(let callID, let disposition, let followUpID):
            // The field, not isOpen: a computed property read through calls[c] copies the whole record (perf).
            guard let c = callPosition(callID), calls[c].state != .closed else { return inconsistent() }
            for unitID in calls[c].assignedUnits {
                guard let u = unitPosition(unitID) else { continue }
                units[u].callID = nil
                setStatus(unit: u, .available, at: time, by: who)
            }
            calls[c].assignedUnits = []
            calls[c].moments.append(CallMoment(time: time, kind: .closed(disposition), operatorName: who.operatorName))
            calls[c].releaseSpareRoom()
            calls[c].state = .closed
            calls[c].stateSince = time
            calls[c].disposition = disposition
            touch(call: c, at: time)
            if let followUpID, followUpIndex[followUpID] == nil {
                calls[c].followUpID = followUpID
                followUpIndex[followUpID] = followUps.count
                followUps.append(FollowUpRecord(id: followUpID, callID: callID,
                                                response: calls[c].intake.triage.followUp ?? "",
                                                createdAt: time, dueAt: time + FollowUpRecord.firstContactTarget,
                                                status: .open, statusSince: time))
            }

        case .followUpStatusChanged(let followUpID, let status):
            guard let f = followUpPosition(followUpID) else { return inconsistent() }
            followUps[f].status = status
            followUps[f].statusSince = time

        case .exerciseStarted(let title, let scenario, let plan):
            guard exercise == nil else { return inconsistent() }
            exercise = ExerciseInfo(title: title, scenario: scenario, startedAt: time, plan: plan)

        case .callOffered(let call):
            guard incomingIndex[call.id] == nil else { return inconsistent() }
            incomingIndex[call.id] = incomingCalls.count
            incomingCalls.append(IncomingCallRecord(call: call, offeredAt: time))

        case .callAnswered(let incomingID, let callID):
            guard let i = incomingIndex[incomingID], incomingCalls[i].isRinging, let c = callPosition(callID) else {
                return inconsistent()
            }
            incomingCalls[i].answeredCallID = callID
            incomingCalls[i].answeredAt = time
            calls[c].incomingID = incomingID

        case .callRetriaged(let callID, let flags, let triage):
            guard let c = callPosition(callID) else { return inconsistent() }
            var facts = calls[c].intake.facts
            facts.flags = flags
            revise(call: c, to: facts, triage: triage, at: time, by: who.operatorName)

        case .callRevised(let callID, _, let facts, let triage, let priority):
            guard let c = callPosition(callID) else { return inconsistent() }
            revise(call: c, to: facts, triage: triage, priority: priority, at: time, by: who.operatorName)

        case .facilitatorNote(let text):
            facilitatorNotes.append(FacilitatorNote(time: time, text: text))
        }
    }

    private mutating func inconsistent() { inconsistentEvents += 1 }

    /// Takes a unit off whatever call it was on; a call left with no unit goes back to waiting from `time`.
    private mutating func detach(unit u: Int, at time: Date) {
        guard let callID = units[u].callID, let c = callPosition(callID) else { return }
        calls[c].assignedUnits.removeAll { $0 == units[u].id }
        units[u].callID = nil
        // The field, not isOpen: a computed property read through calls[c] copies the whole record (perf).
        if calls[c].state != .closed && calls[c].assignedUnits.isEmpty && calls[c].state > .triaged {
            calls[c].state = .triaged
            calls[c].stateSince = time
        }
        touch(call: c, at: time)
    }

    private mutating func setStatus(unit u: Int, _ status: UnitStatus, at time: Date, by who: (operatorName: String, position: String)) {
        Self.setStatus(&units[u], status, at: time, by: who, ledger: &unitTime)
    }

    /// One access to the unit: seven through `units[u]` each checked the list's bounds and uniqueness (callgrind: 1.3 % of apply).
    private static func setStatus(_ unit: inout UnitRecord, _ status: UnitStatus, at time: Date,
                                  by who: (operatorName: String, position: String), ledger: inout UnitTimeLedger) {
        ledger.add(response: unit.definition.response, status: unit.status, from: unit.statusSince, to: time)
        unit.status = status
        unit.statusSince = time
        unit.statusOperator = who.operatorName
        unit.statusPosition = who.position
        unit.lastEventAt = max(unit.lastEventAt, time)
    }

    /// Marks call `c` changed at `time`: every path that changes a call ends here, so its summary and the counts follow.
    private mutating func touch(call c: Int, at time: Date) {
        // The two flags read, not the old summary copied: a copy retained and released its beat (perf).
        let wasOpen = callSummaries[c].isOpen, wasPending = callSummaries[c].isPending
        let new = Self.touch(&calls[c], at: time, changeNumber: eventCount)
        openCallCount += (new.isOpen ? 1 : 0) - (wasOpen ? 1 : 0)
        pendingCallCount += (new.isPending ? 1 : 0) - (wasPending ? 1 : 0)
        callSummaries[c] = new
    }

    /// Dates `call`'s last event and sums it up: one access to the record, which sits in a chunk of the calls.
    private static func touch(_ call: inout CallRecord, at time: Date, changeNumber: Int) -> CallSummary {
        call.lastEventAt = max(call.lastEventAt, time)
        // Field by field, spelling out CallRecord.isPending and .pendingSince: the computed properties copied the whole
        // record on every event (measured: replay 0.51–0.60 against 0.63–0.68 M events/s).
        let state = call.state
        return CallSummary(isOpen: state != .closed, isPending: state != .closed && call.assignedUnits.isEmpty,
                           priority: call.intake.priority, pendingSince: state == .triaged ? call.stateSince : call.receivedAt,
                           beat: call.intake.beat, changeNumber: changeNumber)
    }

    private mutating func revise(
        call c: Int, to facts: RecordedFacts, triage: TriageRecord, priority: Int? = nil, at time: Date, by operatorName: String
    ) {
        let before = calls[c].intake
        calls[c].retriages.append(Retriage(time: time, previousFlags: before.flags, flags: facts.flags,
                                           previousDispatch: before.triage.dispatch, dispatch: triage.dispatch,
                                           changes: revisionChanges.shared(facts.changes(from: before.facts)),
                                           operatorName: operatorName))
        calls[c].intake = before.revised(facts, triage: triage, priority: priority)
        calls[c].moments.append(CallMoment(time: time, kind: .revised, operatorName: operatorName))
        touch(call: c, at: time)
    }

    /// Moves a call forward along its life; units reporting late never move it back. The caller touches the call after.
    private mutating func advance(call c: Int, to state: CallState, at time: Date) {
        // The field read once, not through isOpen: a guard on calls[c].isOpen copied the whole record (perf).
        let current = calls[c].state
        guard current != .closed, current < state else { return }
        calls[c].state = state
        calls[c].stateSince = time
        if state == .onScene && calls[c].firstOnSceneAt == nil { calls[c].firstOnSceneAt = time }
    }
}
