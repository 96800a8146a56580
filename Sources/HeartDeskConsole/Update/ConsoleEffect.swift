import HeartDeskCore

/// What handling a key asks of the session: a command for the journal, leaving, or a change to the exercise clock.
public enum ConsoleEffect: Sendable, Hashable {
    /// Check and record `command`; on success close the overlay and show `done`, on refusal keep it open and show why.
    case record(ShiftCommand, done: String)
    case quit
    /// Change an exercise's simulated clock.
    case clock(ClockControl)
}

/// What the exercise keys ask of the simulated clock.
public enum ClockControl: Sendable, Hashable {
    case togglePause
    case faster
    case slower
}
