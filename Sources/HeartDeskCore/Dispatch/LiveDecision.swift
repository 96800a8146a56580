import Foundation

/// The decision that governs a call now: the router's answer for the call's current facts at this instant.
///
/// The triage decision stays on the record (history; the report reads it); the live one is
/// what a dispatch is chosen and checked against, because hours close and facts change.
/// Cheap to make (the queue makes one per visible row each frame): words are built only when asked for.
public struct LiveDecision: Sendable {
    public let decision: Decision
    private let policy: Policy
    /// The response the call was triaged (or last revised) to send, when the live decision no longer sends it.
    public let changedFrom: String?

    /// The live decision for `call` at `time`; nil when its call type is not in the router's policy.
    public init?(for call: CallRecord, router: Router, at time: Date) {
        guard let decision = router.reroute(call.intake, at: time) else { return nil }
        self.decision = decision
        self.policy = router.policy
        let triaged = call.intake.triage.dispatch
        changedFrom = policy[decision.dispatch].id == triaged ? nil : triaged
    }

    /// The in-person response to send now ("POLICE"), and the phone and follow-up responses.
    public var dispatch: String { policy[decision.dispatch].id }
    public var phone: String? { decision.phone.map { policy[$0].id } }
    public var followUp: String? { decision.followUp.map { policy[$0].id } }

    /// The decision in words, every response with its reasons.
    public var explanation: Explanation { Explanation(decision, policy: policy) }

    /// Why the triaged response no longer takes the call ("CRT: closed — every day 10:00–21:00, now Sat 21:00").
    public var changeReasons: [String] {
        guard let changedFrom else { return [] }
        return reasons(changedFrom)
    }

    /// "CRT: closed — every day 10:00–21:00, now Sat 21:00 — decision now POLICE", or nil when unchanged.
    public var changeSummary: String? {
        guard changedFrom != nil else { return nil }
        return (changeReasons.first.map { $0 + " — " } ?? "") + "decision now \(dispatch)"
    }

    /// Whether `responseID` is eligible for the call now.
    public func isEligible(_ responseID: String) -> Bool {
        guard let response = policy.response(id: responseID) else { return false }
        return decision.verdicts[response.index.rawValue].isEligible
    }

    /// The reasons of `responseID`'s verdict now.
    public func reasons(_ responseID: String) -> [String] {
        explanation.lines.first { $0.id == responseID }?.reasons ?? []
    }
}
