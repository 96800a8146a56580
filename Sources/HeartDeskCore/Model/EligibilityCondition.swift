/// The safety-flag condition under which a response takes a call type.
public enum EligibilityCondition: Sendable, Hashable {
    /// Taken whatever the flags.
    case always
    /// Taken only when none of these flags is reported (unarmed teams).
    case unlessAny(SafetyFlagSet)
    /// Taken only when at least one of these flags is reported (co-response).
    case onlyIfAny(SafetyFlagSet)
}
