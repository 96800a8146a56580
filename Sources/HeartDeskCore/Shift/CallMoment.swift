import Foundation

/// One moment in a call's life, as its history lists them: received, each unit sent and each of its statuses
/// while on the call, back-up asked for, facts revised, closed.
public struct CallMoment: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case received
        /// `overridden`: sent against the decision, with a reason.
        case dispatched(unit: String, overridden: Bool)
        /// A unit on the call reported a status; `available` or `out-of-service` means it left the call.
        case unitStatus(unit: String, status: UnitStatus)
        case backupRequested(unit: String, kind: BackupKind)
        case revised
        case closed(Disposition)
    }

    public let time: Date
    public let kind: Kind
    public let operatorName: String

    /// "CRT-1 dispatched (override)", "CRT-1 on scene", "closed: resolved-on-scene".
    public var text: String {
        switch kind {
        case .received: return "received"
        case .dispatched(let unit, let overridden): return "\(unit) dispatched" + (overridden ? " (override)" : "")
        case .unitStatus(let unit, let status):
            return status.needsCall ? "\(unit) \(status.label)" : "\(unit) left the call (\(status.label))"
        case .backupRequested(let unit, let kind): return "\(unit) asked for \(kind == .ems ? "EMS" : "police") back-up"
        case .revised: return "facts revised"
        case .closed(let disposition): return "closed: \(disposition.rawValue)"
        }
    }
}
