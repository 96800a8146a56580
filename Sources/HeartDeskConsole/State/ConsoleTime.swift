import Foundation

/// The two clocks the console runs on: the wall clock, and the shift clock that routes
/// calls and times the board (the same in a live shift, simulated in an exercise).
public struct ConsoleTime: Sendable, Hashable {
    public var wall: Date
    public var shift: Date

    public init(wall: Date, shift: Date) {
        self.wall = wall
        self.shift = shift
    }

    /// A live shift: both clocks read `now`.
    public static func live(_ now: Date) -> ConsoleTime { ConsoleTime(wall: now, shift: now) }
}
