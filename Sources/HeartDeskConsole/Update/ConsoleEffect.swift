import HeartDeskCore

/// What handling a key asks of the session: a command for the journal, or leaving.
public enum ConsoleEffect: Sendable, Hashable {
    /// Check and record `command`; on success close the overlay and show `done`, on refusal keep it open and show why.
    case record(ShiftCommand, done: String)
    case quit
}
