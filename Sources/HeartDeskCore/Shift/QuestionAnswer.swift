/// A safety question's answer on a call: yes, no, or not asked yet (which is not the same as no).
public enum QuestionAnswer: String, Sendable, Hashable, CaseIterable {
    case yes
    case no
    case notAsked = "not asked"

    /// The next answer as a toggle cycles: not asked → yes → no → not asked.
    public var next: QuestionAnswer {
        switch self {
        case .notAsked: return .yes
        case .yes: return .no
        case .no: return .notAsked
        }
    }
}

extension CallIntake {
    /// How the call's record answers the safety question `flagID`.
    public func answer(_ flagID: String) -> QuestionAnswer {
        if flags.contains(flagID) { return .yes }
        if flagsAnsweredNo.contains(flagID) { return .no }
        return .notAsked
    }

    /// Required questions of `policy` nobody has answered yet, in policy order.
    public func unansweredRequired(in policy: Policy) -> [SafetyFlag] {
        policy.safetyFlags.filter { $0.isRequired && answer($0.id) == .notAsked }
    }
}
