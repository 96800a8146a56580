import HeartDeskCore

/// Closing a call: a disposition, and whether Care Navigation follows up.
public struct ClosePicker: Sendable, Hashable {
    public let callID: String
    public var selection = 0
    /// Queue the follow-up the decision asked for (only asked when there is one).
    public var queueFollowUp = true

    public init(callID: String) {
        self.callID = callID
    }

    public static let dispositions = Disposition.allCases
}
