import Foundation

/// Whether a unit may be sent to a call now, checked against the live decision: the one
/// rule the console, the command line and exercises all apply.
///
/// Without an override reason a unit may go only when its response is the live decision's
/// in-person dispatch, or another in-person response eligible now, or (for a clinician by
/// phone) the phone response eligible now; a follow-up response never takes a live call.
/// A HEART response also needs the policy's required safety questions answered. A second
/// unit on a call needs confirmation (`--also` on the command line).
public struct DispatchAssessment: Sendable {
    /// Why the unit cannot be sent at all (not available, call closed); nil when it can.
    public let refusal: String?
    /// Why sending it needs an override reason; nil when it fits the live decision.
    public let overrideNeeded: String?
    /// Units already working the call: sending another asks first.
    public let alreadyOnCall: [UnitRecord]

    /// "C-0001 already has COR-2 (dispatched 14:03 by Bo at pos-2)".
    public func alreadyOnCallSummary(callID: String, zone: TimeZoneRules) -> String? {
        guard !alreadyOnCall.isEmpty else { return nil }
        let units = alreadyOnCall.map { unit in
            "\(unit.id) (\(unit.status.label) \(zone.localTime(at: unit.statusSince).clockText) by \(unit.statusBy))"
        }
        return "\(callID) already has " + units.joined(separator: ", ")
    }
}

public enum DispatchGuard {
    /// Assesses sending `unit` to `call` at `time`.
    ///
    /// `live` may be passed when already known for this call and instant (the picker checks every unit).
    public static func assess(_ call: CallRecord, unit: UnitRecord, in state: ShiftState, router: Router,
                              at time: Date, live known: LiveDecision?? = nil) -> DispatchAssessment {
        let policy = router.policy
        let live = known ?? LiveDecision(for: call, router: router, at: time)
        let already = call.assignedUnits.compactMap(state.unit).filter { $0.id != unit.id }
        var refusal: String?
        if !call.isOpen {
            refusal = "\(call.id) is already closed (\(call.disposition?.rawValue ?? "closed"))"
        } else if unit.status != .available {
            let on = unit.callID.map { " on \($0)" } ?? ""
            let since = policy.timeZone.localTime(at: unit.statusSince).clockText
            refusal = "\(unit.id) is \(unit.status.label)\(on) since \(since) (by \(unit.statusBy)), not available"
        }
        return DispatchAssessment(refusal: refusal, overrideNeeded: overrideReason(call, unit: unit, live: live, policy: policy),
                                  alreadyOnCall: already)
    }

    private static func overrideReason(_ call: CallRecord, unit: UnitRecord, live: LiveDecision?, policy: Policy) -> String? {
        let responseID = unit.definition.response
        guard let response = policy.response(id: responseID) else {
            return "\(unit.id) works for \(responseID), which policy \(policy.name) does not have"
        }
        guard let live else { return "\(call.id)'s call type \(call.intake.callType) is not in policy \(policy.name)" }
        let now = live.dispatch == response.id ? "" : " (decision now \(live.dispatch))"
        switch response.kind {
        case .followUp:
            return "\(response.id) is a follow-up after the call closes, not a response to a live call"
        case .phone:
            guard live.phone == response.id || live.isEligible(response.id) else {
                return notEligible(call, response: response.id, live: live) + now
            }
        case .inPerson:
            guard live.dispatch == response.id || live.isEligible(response.id) else {
                return notEligible(call, response: response.id, live: live) + now
            }
            // The screens keep an unarmed team from walking into danger; a clinician on the phone walks into none, so
            // the questions hold only a team sent in person (policy-format.md, "required").
            let unanswered = call.intake.unansweredRequired(in: policy)
            if response.isAlternative, !unanswered.isEmpty {
                let questions = unanswered.map { "“\($0.question)”" }.joined(separator: " and ")
                return "\(call.id): \(questions) not asked yet — ask before sending \(response.id) (revise the call with the answer)"
            }
        }
        return nil
    }

    private static func notEligible(_ call: CallRecord, response: String, live: LiveDecision) -> String {
        let why = live.reasons(response).first ?? "\(response): not eligible"
        return "\(call.id) is not eligible for \(response) now — \(why)"
    }
}
