/// One response's units as the supervisor's board counts them, and whether the response works now.
public struct ResponseUnits: Sendable, Hashable {
    public let response: String
    public let name: String
    public internal(set) var available = 0
    /// On a call: dispatched, en route, on scene, transporting or asking for back-up.
    public internal(set) var committed = 0
    public internal(set) var outOfService = 0
    public internal(set) var offDuty = 0
    /// Whether the response takes calls at this hour.
    public let isOpenNow: Bool
    /// When a closed response opens next: "10:00" later today, "Mon 09:00" on another day; nil when open or never.
    public let opensNext: String?

    /// Units of the response on the roster.
    public var total: Int { available + committed + outOfService + offDuty }
}
