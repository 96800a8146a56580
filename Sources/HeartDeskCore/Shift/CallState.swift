/// The life of a call from intake to close.
public enum CallState: String, Sendable, CaseIterable, Codable, Comparable {
    case new
    case triaged
    case dispatched
    case enRoute = "en-route"
    case onScene = "on-scene"
    case closed

    /// Order along the call's life, so a call only moves forward as its units report.
    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: CallState, rhs: CallState) -> Bool { lhs.rank < rhs.rank }
}
