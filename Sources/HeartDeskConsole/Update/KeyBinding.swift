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
    /// The key leads to recording something in the journal: a read-only console greys it.
    public let records: Bool
    /// The boards the key works on.
    public let boards: Set<Board>
    /// Opens a form that needs the whole 80×24 board (the new-call form): refused on the compact board.
    public let needsFullScreen: Bool

    public init(_ keys: [Key], keyLabel: String, label: String, shortLabel: String? = nil, help: String, records: Bool = false,
                boards: Set<Board> = [.calls], needsFullScreen: Bool = false,
                disabledReason: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                action: @escaping @Sendable (inout ConsoleState) -> ConsoleEffect?) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.label = label
        self.shortLabel = shortLabel ?? label
        self.help = help
        self.records = records
        self.boards = boards
        self.needsFullScreen = needsFullScreen
        self.disabledReason = disabledReason
        self.action = action
    }

    /// Why the key does nothing in `state`, checked in this order: the board, a read-only console, the key's own rule.
    public func whyDisabled(in state: ConsoleState) -> String? {
        if !boards.contains(state.board) {
            return state.board == .supervisor ? "Not on the supervisor view: v goes back to the call board"
                                              : "Only on the supervisor view: v opens it"
        }
        if records && state.info.isReadOnly { return "This console is read-only (--read-only): it records nothing" }
        if needsFullScreen && state.fit != .full {
            return "The form needs \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight): widen the terminal (now \(state.width)×\(state.height))"
        }
        return disabledReason(state)
    }

    /// The F-key number that gives it a slot on the key bar, if any.
    public var functionKey: Int? {
        for key in keys { if case .function(let n) = key { return n } }
        return nil
    }
}
