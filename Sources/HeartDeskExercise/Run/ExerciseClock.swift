import Foundation

/// The simulated shift clock of an exercise: runs at a multiple of the wall clock, and pauses.
///
/// A value with no clock of its own: every question passes the wall time in, so tests
/// drive it like swift-nio's embedded event loop and the console gives it the command's
/// wall clock (from `HEARTDESK_CLOCK` on when set, else `Date()`).
public struct ExerciseClock: Sendable, Hashable {
    /// The speeds the `+`/`-` keys step through.
    public static let speeds: [Double] = [1, 2, 5, 10, 30, 60]

    public private(set) var speed: Double
    public private(set) var isPaused = false
    // The simulated time at `anchorWall`; from there it moves `speed` times the wall clock.
    private var anchorSimulated: Date
    private var anchorWall: Date

    /// A clock showing `simulated` at wall time `wall`, running at `speed`.
    public init(simulated: Date, wall: Date, speed: Double) {
        self.speed = speed
        anchorSimulated = simulated
        anchorWall = wall
    }

    /// The simulated time at wall time `wall`.
    public func simulated(at wall: Date) -> Date {
        isPaused ? anchorSimulated : anchorSimulated + wall.timeIntervalSince(anchorWall) * speed
    }

    /// Stops or restarts the simulated clock at `wall`.
    public mutating func togglePause(at wall: Date) {
        reanchor(at: wall)
        isPaused.toggle()
    }

    /// Pauses at `wall`; already paused stays paused.
    public mutating func pause(at wall: Date) {
        guard !isPaused else { return }
        togglePause(at: wall)
    }

    /// The next speed up (`faster`) or down the list, from `wall` on.
    public mutating func step(faster: Bool, at wall: Date) {
        reanchor(at: wall)
        let speeds = Self.speeds
        if faster {
            speed = speeds.first { $0 > speed } ?? speed
        } else {
            speed = speeds.last { $0 < speed } ?? speed
        }
    }

    private mutating func reanchor(at wall: Date) {
        anchorSimulated = simulated(at: wall)
        anchorWall = wall
    }
}
