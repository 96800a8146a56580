import Foundation

/// The decision that governs a call now: the router's answer for the call's current facts at this instant.
///
/// The triage decision stays on the record (history; the report reads it); the live one is
/// what a dispatch is chosen and checked against, because hours close and facts change.
public struct LiveDecision: Sendable {
    public let decision: Decision
    public let explanation: Explanation
    /// The response the call was triaged (or last revised) to send, when the live decision no longer sends it.
    public let changedFrom: String?
    /// Why the triaged response no longer takes it ("CRT: closed — every day 10:00–21:00, now Sat 21:00").
    public let changeReasons: [String]

    /// The live decision for `call` at `time`; nil when its call type is not in the router's policy.
    public init?(for call: CallRecord, router: Router, at time: Date) {
        guard let decision = router.reroute(call.intake, at: time) else { return nil }
        let explanation = Explanation(decision, policy: router.policy)
        self.decision = decision
        self.explanation = explanation
        let triaged = call.intake.triage.dispatch
        if triaged != explanation.dispatch {
            changedFrom = triaged
            changeReasons = explanation.lines.first { $0.id == triaged }?.reasons ?? []
        } else {
            changedFrom = nil
            changeReasons = []
        }
    }

    /// "Dispatch CRT · phone CCD · follow-up CN", now.
    public var dispatch: String { explanation.dispatch }
    public var phone: String? { explanation.phone }
    public var followUp: String? { explanation.followUp }

    /// "CRT: closed — every day 10:00–21:00, now Sat 21:00 — decision now POLICE", or nil when unchanged.
    public var changeSummary: String? {
        guard changedFrom != nil else { return nil }
        return (changeReasons.first.map { $0 + " — " } ?? "") + "decision now \(dispatch)"
    }

    /// Whether `responseID` is eligible for the call now.
    public func isEligible(_ responseID: String) -> Bool {
        explanation.lines.contains { $0.id == responseID && $0.isEligible }
    }

    /// The reasons of `responseID`'s verdict now.
    public func reasons(_ responseID: String) -> [String] {
        explanation.lines.first { $0.id == responseID }?.reasons ?? []
    }
}
