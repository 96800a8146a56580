import Foundation

/// Decides which responses may take a call: a pure function of call, instant and policy.
public struct Router: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Routes one call at one instant.
    ///
    /// Each response is checked on call type and safety flags, service area and hours.
    /// Dispatch goes to the first eligible response in the dispatch preference (the
    /// policy guarantees its last entry takes every call); a follow-up is eligible when
    /// one of the responses it follows is the dispatch or the phone response.
    /// - Complexity: O(responses + log transitions); one allocation, for the verdicts.
    public func route(_ call: CallFacts, at instant: Date) -> Decision {
        route(call, localTime: policy.timeZone.localTime(at: instant))
    }

    /// Routes one call at a reading of the policy's local clock: how a city's history, recorded in wall time, is run.
    public func route(_ call: CallFacts, localTime local: LocalTime) -> Decision {
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(policy.responses.count)
        var phone: Response.Index?
        for response in policy.responses {
            var blockers = Verdict.Blockers()
            var flags = SafetyFlagSet()
            switch response.eligibility {
            case .anyCall, .followUp:
                break  // follow-ups are settled once dispatch and phone are known
            case .byCallType(let conditions):
                switch conditions[call.callType.rawValue] {
                case nil:
                    blockers.insert(.callTypeNotCovered)
                case .always?:
                    break
                case .unlessAny(let excluded)?:
                    let reported = excluded.intersection(call.flags)
                    if !reported.isEmpty { blockers.insert(.flagsReported); flags = reported }
                case .onlyIfAny(let needed)?:
                    if needed.isDisjoint(with: call.flags) { blockers.insert(.flagsNotReported); flags = needed }
                }
            }
            if !response.area.covers(call.beat) { blockers.insert(.outsideArea) }
            // A follow-up is decided now and worked later in its own hours, so hours do not gate it.
            if response.kind != .followUp && !response.hours.isOpen(at: local) { blockers.insert(.closed) }
            if response.kind == .phone && blockers.isEmpty && phone == nil { phone = response.index }
            verdicts.append(Verdict(response: response.index, blockers: blockers, flags: flags))
        }

        guard let dispatch = policy.dispatchPreference.first(where: { verdicts[$0.rawValue].isEligible }) else {
            preconditionFailure("policy \(policy.name) lets a call go without dispatch; PolicyReader must refuse that")
        }

        var followUp: Response.Index?
        for index in verdicts.indices {
            let response = policy.responses[index]
            guard case .followUp(let after) = response.eligibility else { continue }
            if !after.contains(dispatch) && !after.contains(where: { $0 == phone }) {
                let old = verdicts[index]
                verdicts[index] = Verdict(response: old.response, blockers: old.blockers.union(.noPriorResponse), flags: old.flags)
            }
            if verdicts[index].isEligible && followUp == nil { followUp = response.index }
        }
        return Decision(call: call, localTime: local, dispatch: dispatch, phone: phone, followUp: followUp, verdicts: verdicts)
    }
}
