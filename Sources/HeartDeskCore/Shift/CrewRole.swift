/// A responder's role on a unit; the board shows its letter ("C P E").
public enum CrewRole: String, Sendable, CaseIterable, Codable {
    case clinician
    case peerSupport = "peer-support"
    case emt
    case citOfficer = "cit-officer"

    /// One letter for the unit board.
    public var letter: String {
        switch self {
        case .clinician: return "C"
        case .peerSupport: return "P"
        case .emt: return "E"
        case .citOfficer: return "O"
        }
    }
}
