import Foundation

/// A unit left on a call its response may no longer take, and what to do about it.
public struct CallWarning: Sendable, Hashable {
    public let callID: String
    public let unitID: String
    /// "CRT-1 is unarmed on a weapon call (C-0001): request police back-up or recall".
    public let text: String
}

extension ShiftState {
    /// Units on `call` that its current facts rule out, until each is recalled, police
    /// back-up is asked for it, or the facts change back.
    ///
    /// Only the facts count: a response that closes while its team is on scene finishes the job.
    /// A unit sent with an override reason is not warned about until the facts change after it was sent:
    /// the call-taker was told then, and said why.
    public func warnings(for call: CallRecord, router: Router, at time: Date) -> [CallWarning] {
        guard call.isOpen, !call.assignedUnits.isEmpty, let decision = router.reroute(call.intake, at: time) else { return [] }
        return warnings(for: call, decision: decision, policy: router.policy)
    }

    /// The same, against a decision already routed for the call's facts (the queue has one per row).
    public func warnings(for call: CallRecord, decision: Decision, policy: Policy) -> [CallWarning] {
        guard call.isOpen, !call.assignedUnits.isEmpty else { return [] }
        var result: [CallWarning] = []
        for unitID in call.assignedUnits {
            guard let unit = unit(unitID), let response = policy.response(id: unit.definition.response) else { continue }
            let verdict = decision.verdicts[response.index.rawValue]
            let unsafe = verdict.blockers.intersection([.flagsReported, .callTypeNotCovered])
            guard !unsafe.isEmpty else { continue }
            let covered = backupRequests.contains { $0.unitID == unit.id && $0.callID == call.id && $0.kind == .police }
            guard !covered else { continue }
            if let sent = call.assignment(of: unit.id), sent.overridden, !call.retriages.contains(where: { $0.time > sent.at }) { continue }
            let what: String
            if unsafe.contains(.flagsReported) {
                let labels = verdict.flags.indices.map { policy.safetyFlags[$0].label }.joined(separator: " and ")
                // The policy rules this response out for these flags: it is not equipped for them.
                what = "\(unit.id) is unarmed on a \(labels) call"
            } else {
                what = "\(unit.id) is on a \(call.intake.callType) call, which \(response.id) does not take"
            }
            result.append(CallWarning(callID: call.id, unitID: unit.id,
                                      text: "\(what) (\(call.id)): request police back-up or recall"))
        }
        return result
    }
}
