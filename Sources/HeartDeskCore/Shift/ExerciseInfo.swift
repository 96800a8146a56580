import Foundation

/// Marks a journal as a tabletop exercise's: its title and scenario, and when it began on the simulated clock.
public struct ExerciseInfo: Sendable, Hashable {
    public let title: String
    /// Scenario name or file, as it was started.
    public let scenario: String
    public let startedAt: Date
    /// The scenario's end and number of calls; nil in journals written before HeartDesk recorded them.
    public let plan: ExercisePlan?
}
