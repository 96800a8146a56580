/// Why each call the decision did not give a HEART team was kept from them, remembered per call and its facts.
///
/// Finding out means routing the call again at the moment it came in; a call's answer changes only when its
/// facts are revised, so it is worked out once per revision instead of on every refresh of the figures.
public struct PoliceDecisionReasons: Sendable {
    private var known: [Int: (revisions: Int, reason: UnservedReason?)] = [:]

    public init() {}

    /// The reason for the call at `index` in the shift, as `work` finds it, unless known for this many revisions.
    mutating func reason(forCallAt index: Int, revisions: Int, work: () -> UnservedReason?) -> UnservedReason? {
        if let entry = known[index], entry.revisions == revisions { return entry.reason }
        let reason = work()
        known[index] = (revisions, reason)
        return reason
    }
}
