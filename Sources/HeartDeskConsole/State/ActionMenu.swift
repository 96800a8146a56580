import HeartDeskCore

/// A short list of shift commands to choose from: a unit's statuses, back-up kinds, a follow-up's next step.
public struct ActionMenu: Sendable, Hashable {
    /// One choice: a hot key, its words, and the command it records.
    public struct Item: Sendable, Hashable {
        public let key: Character
        public let label: String
        public let command: ShiftCommand
        /// What the message line says once it is recorded.
        public let done: String
    }

    public let title: String
    public let items: [Item]
    public var selection = 0

    public init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }
}
