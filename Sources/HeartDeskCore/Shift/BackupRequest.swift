import Foundation

/// A unit's request for police or EMS back-up: counted, because the back-up rate is a headline figure.
public struct BackupRequest: Sendable, Hashable {
    public let unitID: String
    public let callID: String
    public let kind: BackupKind
    public let time: Date
    public let operatorName: String
}
