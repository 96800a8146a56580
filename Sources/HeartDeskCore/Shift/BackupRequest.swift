import Foundation

/// A unit's request for police or EMS back-up: counted, because the back-up rate is a headline figure.
public struct BackupRequest: Sendable, Hashable {
    public let unitID: String
    public let callID: String
    public let kind: BackupKind
    public let time: Date
    public let operatorName: String
    /// When and by whom the request was acknowledged at a console; an unacknowledged request is an alert.
    public internal(set) var acknowledgedAt: Date?
    public internal(set) var acknowledgedBy: String?
    /// When the back-up reported on scene.
    public internal(set) var arrivedAt: Date?

    /// Still waiting for someone at a console to take it in.
    public var isUnacknowledged: Bool { acknowledgedAt == nil && arrivedAt == nil }
}
