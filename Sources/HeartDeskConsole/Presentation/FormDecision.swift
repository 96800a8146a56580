import HeartDeskCore

/// What the new-call (or revise) form routes to as it stands: worked out here, not while drawing.
public struct FormDecision: Sendable {
    /// The decision in words; nil until the call type names one.
    public let explanation: Explanation?
    /// Required questions not yet answered ("Does anyone have a weapon?").
    public let unansweredRequired: [SafetyFlag]
    /// What stands between the typed text and a decision ("unknown beat 99x …").
    public let problem: String?
}

extension ConsoleState {
    /// The live decision for what `form` holds, at the shift clock now.
    public func formDecision(_ form: NewCallForm) -> FormDecision {
        let required = policy.safetyFlags.filter { $0.isRequired && form.answer($0.index) == .notAsked }
        let yes = form.yesFlags.map { policy.safetyFlags[$0].id }
        do {
            let facts = try policy.resolveFacts(callType: form.text(.callType), beat: form.text(.beat), flags: yes)
            return FormDecision(explanation: Explanation(router.route(facts, at: time.shift), policy: policy),
                                unansweredRequired: required, problem: nil)
        } catch {
            return FormDecision(explanation: nil, unansweredRequired: required, problem: error.description)
        }
    }
}
