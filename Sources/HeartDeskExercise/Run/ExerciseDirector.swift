import Foundation
import HeartDeskCore

/// Plays a scenario's side of an exercise: rings the calls, has callers reveal facts,
/// moves the simulated units along, and speaks the facilitator's notes.
///
/// It reads the shift only through the recorder's state, so it works the same whether
/// a trainee at the console or the automatic trainee is handling the calls.
public struct ExerciseDirector {
    public let scenario: Scenario
    private var started = false
    private var nextCall = 0
    private var nextUnitEvent = 0
    private var nextNote = 0
    /// Ringing calls whose caller's later facts are already scheduled.
    private var scheduledReveals: Set<String> = []
    private var reveals: [PendingReveal] = []
    /// Each unit's progress on its current call, keyed by unit id.
    private var plans: [String: UnitPlan] = [:]
    public private(set) var isOver = false

    private struct PendingReveal {
        let time: Date
        let callID: String
        let fact: RevealedFact
    }

    /// When a simulated unit moves on; planned when it is first seen dispatched.
    private struct UnitPlan {
        let callID: String
        var enRouteAt: Date?
        var onSceneAt: Date
        var clearAt: Date
        var arrived = false
    }

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Records everything the scenario has due by simulated `time`.
    public mutating func step(at time: Date, recorder: ExerciseRecorder) throws {
        let actor = ExerciseActor.facilitator
        if !started {
            started = true
            let plan = ExercisePlan(end: scenario.end, scriptedCalls: scenario.calls.count)
            try recorder.record(.startExercise(title: scenario.title, scenario: scenario.name, plan: plan), at: time, by: actor)
        }
        while nextNote < scenario.notes.count, scenario.notes[nextNote].at <= time {
            try recorder.record(.announce(scenario.notes[nextNote].text), at: time, by: actor)
            nextNote += 1
        }
        while nextCall < scenario.calls.count, scenario.calls[nextCall].at <= time {
            try recorder.record(.offerCall(scenario.calls[nextCall].incoming), at: time, by: actor)
            nextCall += 1
        }
        try scheduleReveals(in: recorder.state)
        try revealDueFacts(at: time, recorder: recorder)
        // Plans first, so a unit event this minute (a delay) finds the plan of a unit dispatched this minute.
        planUnits(in: recorder.state, now: time)
        while nextUnitEvent < scenario.unitEvents.count, scenario.unitEvents[nextUnitEvent].at <= time {
            try play(scenario.unitEvents[nextUnitEvent], at: time, recorder: recorder)
            nextUnitEvent += 1
        }
        try moveUnits(at: time, recorder: recorder)
        if !isOver, time >= scenario.end {
            isOver = true
            try recorder.record(.announce("The exercise is over: \(scenario.title)."), at: time, by: actor)
        }
    }

    /// The scenario call a shift call was answered from, if any.
    public func scenarioCall(for call: CallRecord) -> ScenarioCall? {
        call.incomingID.flatMap { id in scenario.calls.first { $0.id == id } }
    }

    // MARK: Callers

    private mutating func scheduleReveals(in state: ShiftState) throws {
        for incoming in state.incomingCalls where !scheduledReveals.contains(incoming.id) {
            guard let callID = incoming.answeredCallID, let answeredAt = incoming.answeredAt,
                  let call = scenario.calls.first(where: { $0.id == incoming.id }) else { continue }
            scheduledReveals.insert(incoming.id)
            reveals += call.later.map { PendingReveal(time: answeredAt + $0.after, callID: callID, fact: $0) }
        }
        reveals.sort { $0.time < $1.time }
    }

    private mutating func revealDueFacts(at time: Date, recorder: ExerciseRecorder) throws {
        while let first = reveals.first, first.time <= time {
            reveals.removeFirst()
            guard let call = recorder.state.call(first.callID), call.isOpen else { continue }
            let words = "Caller: \(first.fact.words)"
            if let flag = first.fact.flag, !call.intake.flags.contains(flag) {
                try recorder.record(.revise(callID: call.id, CallRevision(answers: [flag: .yes]), note: words), at: time, by: .facilitator)
            } else {
                try recorder.record(.addNote(callID: call.id, text: words), at: time, by: .facilitator)
            }
        }
    }

    // MARK: Units

    private mutating func play(_ inject: UnitInject, at time: Date, recorder: ExerciseRecorder) throws {
        let state = recorder.state
        let unitID: String?
        switch inject.target {
        case .unit(let id): unitID = id
        case .call(let scenarioCallID):
            let callID = state.incomingCall(scenarioCallID)?.answeredCallID
            unitID = callID.flatMap(state.call)?.assignedUnits.first
            if unitID == nil {
                try recorder.record(.announce("(No unit is on call \(scenarioCallID) at this point, so its unit event is skipped.)"),
                                    at: time, by: .facilitator)
                return
            }
        }
        guard let unitID, let unit = state.unit(unitID) else { return }
        if !inject.words.isEmpty {
            try recorder.record(.announce("\(unit.id) on the radio: \(inject.words)"), at: time, by: .facilitator)
        }
        switch inject.event {
        case .outOfService:
            plans[unit.id] = nil
            try recorder.record(.setStatus(unitID: unit.id, status: .outOfService), at: time, by: .facilitator)
        case .available:
            plans[unit.id] = nil
            try recorder.record(.setStatus(unitID: unit.id, status: .available), at: time, by: .facilitator)
        case .onScene:
            plans[unit.id]?.arrived = true
            try recorder.record(.setStatus(unitID: unit.id, status: .onScene), at: time, by: .facilitator)
        case .backup(let kind):
            try recorder.record(.requestBackup(unitID: unit.id, kind: kind), at: time, by: .facilitator)
        case .delayed(let by):
            plans[unit.id]?.onSceneAt += by
            plans[unit.id]?.clearAt += by
        }
    }

    /// Simulated units acknowledge, travel, work the scene and clear; the call closes when its last unit clears.
    private mutating func moveUnits(at time: Date, recorder: ExerciseRecorder) throws {
        planUnits(in: recorder.state, now: time)
        for unitID in plans.keys.sorted() {
            guard let plan = plans[unitID], let unit = recorder.state.unit(unitID), unit.callID == plan.callID else { continue }
            if let enRouteAt = plan.enRouteAt, time >= enRouteAt, unit.status == .dispatched {
                try recorder.record(.setStatus(unitID: unitID, status: .enRoute), at: time, by: .facilitator)
            }
            // A crew that asked for back-up on the way still arrives (staging until police get there).
            if time >= plan.onSceneAt, !plan.arrived {
                plans[unitID]?.arrived = true
                if [.dispatched, .enRoute, .backupRequested].contains(recorder.state.unit(unitID)?.status) {
                    try recorder.record(.setStatus(unitID: unitID, status: .onScene), at: time, by: .facilitator)
                }
            }
            guard time >= plan.clearAt, let call = recorder.state.call(plan.callID), call.isOpen else { continue }
            plans[unitID] = nil
            if call.assignedUnits == [unitID] {
                let disposition = scenarioCall(for: call)?.disposition ?? .resolvedOnScene
                try recorder.record(.close(callID: call.id, disposition: disposition, declineFollowUp: false), at: time, by: .facilitator)
            } else {
                try recorder.record(.setStatus(unitID: unitID, status: .available), at: time, by: .facilitator)
            }
        }
    }

    /// Plans each unit newly seen on a call; forgets units no longer on one.
    private mutating func planUnits(in state: ShiftState, now: Date) {
        for unit in state.units {
            guard let callID = unit.callID, unit.status.needsCall else {
                plans[unit.id] = nil
                continue
            }
            if plans[unit.id]?.callID != callID {
                plans[unit.id] = plan(for: unit, callID: callID, state: state, now: now)
            }
        }
    }

    private func plan(for unit: UnitRecord, callID: String, state: ShiftState, now: Date) -> UnitPlan {
        let call = state.call(callID)
        let script = call.flatMap(scenarioCall(for:))
        let timing = scenario.timing
        let base = unit.status == .dispatched ? unit.statusSince : now
        let onPhone = scenario.policy.response(id: unit.definition.response)?.kind == .phone
        let travel = onPhone ? 0 : (script?.travel ?? timing.travel)
        let onSceneAt = base + timing.acknowledge + travel
        return UnitPlan(callID: callID, enRouteAt: onPhone ? nil : base + timing.acknowledge, onSceneAt: onSceneAt,
                        clearAt: onSceneAt + (script?.onScene ?? timing.onScene))
    }
}
