/// One key on the board: what it does, how the key bar and help name it, and when it cannot be used.
///
/// One table of these (``ConsoleState/boardBindings``) drives the key handler, the F-key
/// bar and the help screen, so the three never disagree (lazygit's `Binding` with its
/// `GetDisabledReason`).
public struct KeyBinding: Sendable {
    /// Every key that triggers it; the first F-key, if any, gets a slot on the key bar.
    public let keys: [Key]
    /// How help writes the keys ("F4 d").
    public let keyLabel: String
    /// Key-bar label, and the shorter one for a narrow bar.
    public let label: String
    public let shortLabel: String
    /// One line for the help screen.
    public let help: String
    /// Why the key does nothing now (shown on the message line, greyed on the bar); nil when it can be used.
    public let disabledReason: @Sendable (ConsoleState) -> String?
    /// What the key does.
    public let action: @Sendable (inout ConsoleState) -> ConsoleEffect?

    public init(_ keys: [Key], keyLabel: String, label: String, shortLabel: String? = nil, help: String,
                disabledReason: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                action: @escaping @Sendable (inout ConsoleState) -> ConsoleEffect?) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.label = label
        self.shortLabel = shortLabel ?? label
        self.help = help
        self.disabledReason = disabledReason
        self.action = action
    }

    /// The F-key number that gives it a slot on the key bar, if any.
    public var functionKey: Int? {
        for key in keys { if case .function(let n) = key { return n } }
        return nil
    }
}
