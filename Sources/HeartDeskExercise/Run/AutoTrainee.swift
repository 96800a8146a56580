import Foundation
import HeartDeskCore

/// The perfect trainee of `heartdesk exercise --headless --auto`: answers every call,
/// asks every safety question, and takes every recommendation.
///
/// It shows what a scenario's author expects and gives CI an exercise with a known
/// perfect score. What it does, in order, each simulated minute:
/// - answers a ringing call a minute after it rang, with the scenario's call type and every answer the caller gives when asked;
/// - hands a call whose decision has no unit on the roster (police) to that dispatch;
/// - dispatches the recommended unit to a call that has none, if its response is still open, else hands it to police;
/// - asks police back-up for a unit left on a call that a revealed fact made it ineligible for.
public struct AutoTrainee: ExerciseTrainee {
    /// How long the perfect trainee takes to triage a call.
    public static let triageTime: TimeInterval = 60

    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Does what is due at simulated `time`.
    public mutating func step(at time: Date, recorder: ExerciseRecorder) throws {
        let policy = recorder.router.policy
        for ringing in recorder.state.ringingCalls where ringing.offeredAt + Self.triageTime <= time {
            guard let script = scenario.calls.first(where: { $0.id == ringing.id }) else { continue }
            let caller = ringing.call
            let entry = NewCall(callType: script.callType, beat: caller.beat, flags: caller.answers.map(\.flag),
                                location: caller.location, callerName: caller.callerName, callback: caller.callback,
                                language: caller.language, note: caller.narrative, answering: caller.id)
            try recorder.record(.newCall(entry), at: time, by: .autoTrainee)
        }
        for call in recorder.state.calls where call.isOpen {
            if call.assignedUnits.isEmpty {
                try send(call, at: time, recorder: recorder, policy: policy)
            } else {
                try protect(call, at: time, recorder: recorder)
            }
        }
    }

    private func send(_ call: CallRecord, at time: Date, recorder: ExerciseRecorder, policy: Policy) throws {
        let recommendation = UnitRecommendation(for: call, in: recorder.state, policy: policy)
        guard let wanted = recommendation.wanted, stillOpen(wanted, for: call, at: time, router: recorder.router) else {
            try recorder.record(.close(callID: call.id, disposition: .handedToPolice, declineFollowUp: false), at: time, by: .autoTrainee)
            return
        }
        if let pick = recommendation.pick {
            try recorder.record(.dispatch(callID: call.id, unitID: pick.unit.id, overrideReason: nil), at: time, by: .autoTrainee)
        }
    }

    /// Whether `response` would still take the call now (hours change while a call waits).
    private func stillOpen(_ response: String, for call: CallRecord, at time: Date, router: Router) -> Bool {
        guard let decision = router.reroute(call.intake, at: time) else { return false }
        return TriageRecord(decision, policy: router.policy).eligible.contains(response)
    }

    private func protect(_ call: CallRecord, at time: Date, recorder: ExerciseRecorder) throws {
        guard !call.retriages.isEmpty else { return }
        for unitID in call.assignedUnits {
            guard let unit = recorder.state.unit(unitID), unit.status != .backupRequested,
                  !call.intake.triage.eligible.contains(unit.definition.response),
                  !recorder.state.backupRequests.contains(where: { $0.unitID == unitID && $0.callID == call.id }) else { continue }
            try recorder.record(.requestBackup(unitID: unitID, kind: .police), at: time, by: .autoTrainee)
        }
    }
}
