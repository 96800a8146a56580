import Foundation

/// What an exercise's scenario set out to play, recorded when it starts, so its report can tell
/// an exercise run to its end from one left early, and count the scripted calls that never rang.
public struct ExercisePlan: Sendable, Hashable {
    /// When the scenario ends on the simulated clock.
    public let end: Date
    /// How many calls the scenario rings in all.
    public let scriptedCalls: Int

    public init(end: Date, scriptedCalls: Int) {
        self.end = end
        self.scriptedCalls = scriptedCalls
    }
}
