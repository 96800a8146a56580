/// How a call ended, for the record and the program's data dashboard.
public enum Disposition: String, Sendable, CaseIterable, Codable {
    case resolvedOnScene = "resolved-on-scene"
    case transportedToCare = "transported-to-care"
    case referred
    case noContact = "no-contact"
    case refusedServices = "refused-services"
    /// The caller was put through by phone to the phone response (a clinician on the floor, 988): served outside HeartDesk.
    case transferredByPhone = "transferred-by-phone"
    case cancelled
    case handedToPolice = "handed-to-police"
    case handedToEMS = "handed-to-ems"
    case handedToFire = "handed-to-fire"

    /// The traditional service the call was handed to ("POLICE", "EMS", "FIRE"), or nil if it was not handed over.
    public var handedOverTo: String? {
        switch self {
        case .handedToPolice: "POLICE"
        case .handedToEMS: "EMS"
        case .handedToFire: "FIRE"
        default: nil
        }
    }

    /// The response that served the call when it ended this way without a unit: the phone response of its
    /// decision for a phone transfer; nil otherwise.
    public func servedByPhone(decision: TriageRecord) -> String? {
        self == .transferredByPhone ? decision.phone : nil
    }

    /// Whether a Care Navigation follow-up makes sense after this ending.
    public var allowsFollowUp: Bool { self != .cancelled }
}
