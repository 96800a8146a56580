import Foundation

/// A ringing call as the shift knows it: when it rang, and which call it became once answered.
public struct IncomingCallRecord: Sendable, Hashable {
    public let call: IncomingCall
    public let offeredAt: Date
    /// The call id it was recorded as ("C-0004"); nil while it still rings.
    public internal(set) var answeredCallID: String?
    public internal(set) var answeredAt: Date?

    public var id: String { call.id }
    public var isRinging: Bool { answeredCallID == nil }
}
