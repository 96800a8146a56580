/// The router's answer for one call at one instant: who goes, who phones, who follows up, and why.
public struct Decision: Sendable, Hashable {
    /// The call as routed.
    public let call: CallFacts
    /// The policy-local time the decision was made for.
    public let localTime: LocalTime
    /// The in-person response to send: the first eligible in the policy's dispatch preference.
    public let dispatch: Response.Index
    /// The phone response that may take the call, if any (e.g. crisis clinicians in the 911 center).
    public let phone: Response.Index?
    /// The follow-up to queue once the call closes, if any.
    public let followUp: Response.Index?
    /// One verdict per response, in policy order.
    public let verdicts: [Verdict]
}
