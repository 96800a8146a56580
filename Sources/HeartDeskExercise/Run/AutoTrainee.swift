import Foundation
import HeartDeskCore

/// The perfect trainee of `heartdesk exercise --headless --auto`: answers every call,
/// asks every safety question, and takes every recommendation.
///
/// It shows what a scenario's author expects and gives CI an exercise with a known
/// perfect score. What it does, in order, each simulated minute:
/// - answers a ringing call a minute after it rang, with the scenario's call type and every answer the caller gives when asked;
/// - hands a call whose decision has no unit on the roster (police) to that dispatch;
/// - dispatches the unit recommended by the live decision to a call that has none; with none to recommend, hands it to police;
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
            let yes = caller.answers.map(\.flag)
            let no = policy.safetyFlags.map(\.id).filter { !yes.contains($0) }
            let entry = NewCall(callType: script.callType, beat: caller.beat, flags: yes, flagsAnsweredNo: no,
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
        let recommendation = UnitRecommendation(for: call, in: recorder.state, router: recorder.router, at: time)
        guard recommendation.wanted != nil else {
            try recorder.record(.close(callID: call.id, disposition: .handedToPolice, declineFollowUp: false), at: time, by: .autoTrainee)
            return
        }
        if let pick = recommendation.pick {
            try recorder.record(.dispatch(callID: call.id, unitID: pick.unit.id, overrideReason: nil), at: time, by: .autoTrainee)
        }
    }

    /// Asks police back-up for every unit the call's facts now rule out.
    private func protect(_ call: CallRecord, at time: Date, recorder: ExerciseRecorder) throws {
        for warning in recorder.state.warnings(for: call, router: recorder.router, at: time) {
            guard recorder.state.unit(warning.unitID)?.status != .backupRequested else { continue }
            try recorder.record(.requestBackup(unitID: warning.unitID, kind: .police), at: time, by: .autoTrainee)
        }
    }
}
