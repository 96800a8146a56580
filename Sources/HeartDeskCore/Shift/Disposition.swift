/// How a call ended, for the record and the program's data dashboard.
public enum Disposition: String, Sendable, CaseIterable, Codable {
    case resolvedOnScene = "resolved-on-scene"
    case transportedToCare = "transported-to-care"
    case referred
    case noContact = "no-contact"
    case refusedServices = "refused-services"
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

    /// Whether a Care Navigation follow-up makes sense after this ending.
    public var allowsFollowUp: Bool { self != .cancelled }
}
