import Foundation

extension Router {
    /// The decision for a recorded call at another instant, or with other safety answers.
    ///
    /// Exercises and the after-action report ask it "would this response still take the
    /// call now?". Nil when the call type is not in this router's policy; flags it does not
    /// know are left out.
    public func reroute(_ intake: CallIntake, flags: [String]? = nil, at time: Date) -> Decision? {
        guard let callType = policy.callType(named: intake.callType) else { return nil }
        var set = SafetyFlagSet()
        for id in flags ?? intake.flags {
            if let flag = policy.safetyFlag(id: id) { set.insert(SafetyFlagSet(index: flag.index)) }
        }
        // Tolerant where the resolver is strict: a recorded call must still route if the policy lost a beat or flag since.
        return route(CallFacts(callType: callType.index, beat: intake.beat.flatMap(policy.beat(id:))?.index, flags: set), at: time)
    }
}
