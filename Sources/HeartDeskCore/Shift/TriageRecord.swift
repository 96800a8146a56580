/// The routing decision taken at triage, as it was shown: kept in words so the record
/// reads the same even if the policy file changes later.
public struct TriageRecord: Sendable, Hashable, Codable {
    public let dispatch: String
    public let phone: String?
    public let followUp: String?
    /// Ids of every eligible response.
    public let eligible: [String]
    public let reasons: [String]

    public init(dispatch: String, phone: String?, followUp: String?, eligible: [String], reasons: [String]) {
        self.dispatch = dispatch
        self.phone = phone
        self.followUp = followUp
        self.eligible = eligible
        self.reasons = reasons
    }

    /// The record of `decision` made under `policy`.
    public init(_ decision: Decision, policy: Policy) {
        let explanation = Explanation(decision, policy: policy)
        self.init(dispatch: explanation.dispatch, phone: explanation.phone, followUp: explanation.followUp,
                  eligible: explanation.lines.filter(\.isEligible).map(\.id),
                  reasons: explanation.lines.flatMap(\.reasons))
    }
}
