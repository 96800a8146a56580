/// Where a unit stands in its shift, as the status board shows it.
public enum UnitStatus: String, Sendable, CaseIterable, Codable {
    case offDuty = "off-duty"
    case available
    case dispatched
    case enRoute = "en-route"
    case onScene = "on-scene"
    case transporting
    case backupRequested = "backup-requested"
    case outOfService = "out-of-service"

    /// Statuses that only make sense while the unit is assigned to a call.
    public var needsCall: Bool {
        switch self {
        case .dispatched, .enRoute, .onScene, .transporting, .backupRequested: return true
        case .offDuty, .available, .outOfService: return false
        }
    }

    /// "en route", as a person reads it.
    public var label: String {
        switch self {
        case .offDuty: return "off duty"
        case .enRoute: return "en route"
        case .onScene: return "on scene"
        case .backupRequested: return "backup requested"
        case .outOfService: return "out of service"
        case .available, .dispatched, .transporting: return rawValue
        }
    }
}
