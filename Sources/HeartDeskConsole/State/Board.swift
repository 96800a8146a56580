/// Which whole screen the console shows under its header.
public enum Board: String, Sendable, CaseIterable, Hashable {
    /// The call-taker's board: queue, units, beats, follow-ups.
    case calls
    /// The supervisor's: the shift's figures against the program's targets, with charts.
    case supervisor
}
