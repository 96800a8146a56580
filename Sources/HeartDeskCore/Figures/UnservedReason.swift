/// Why a call a HEART team could have taken did not get one.
public enum UnservedReason: String, Sendable, CaseIterable, Hashable {
    /// A safety answer ruled the teams out (a weapon, violence).
    case flag
    /// The beat is outside every team's service area, or unknown.
    case outsideArea = "outside area"
    /// The teams were not working at the hour the call came in.
    case closed
    /// A team was the decision, but another response went: none was free.
    case noUnitFree = "no unit free"
    /// A team was the decision, but the call was closed handed to police or EMS without one going.
    case handedOver = "handed over"
}
