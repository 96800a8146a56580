import Foundation

/// A Care Navigation follow-up queued when a HEART call closed.
public struct FollowUpRecord: Sendable, Hashable {
    /// How long Care Navigation has for a first contact.
    public static let firstContactTarget: TimeInterval = 48 * 3600

    /// "F-0003".
    public let id: String
    public let callID: String
    /// The follow-up response ("CN").
    public let response: String
    public let createdAt: Date
    /// First contact is due by then (48 h after the call closed).
    public let dueAt: Date
    public internal(set) var status: FollowUpStatus
    public internal(set) var statusSince: Date

    /// Still waiting for a first contact after its due time.
    public func isOverdue(at now: Date) -> Bool { status == .open && now >= dueAt }
}
