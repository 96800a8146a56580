import HeartDeskCore

/// A yes/no question before a command that changes more than its key suggests (a unit leaving its call).
public struct Confirmation: Sendable, Hashable {
    public let title: String
    /// What will happen, in sentences.
    public let lines: [String]
    /// Recorded on `y`.
    public let command: ShiftCommand
    public let done: String
}
