import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Someone working an exercise's calls without a terminal: the perfect trainee, or a test's scripted one.
public protocol ExerciseTrainee {
    /// Does whatever is due at simulated `time`, through `recorder`.
    mutating func step(at time: Date, recorder: ExerciseRecorder) throws
}

/// Runs a scenario start to end without a terminal, a simulated minute at a time.
///
/// With a trainee (`--auto` gives the perfect one) the calls are handled; without, nobody
/// handles them, which shows a facilitator what the trainees will face. Everything but
/// the wall-clock fields of the journal is the same on every run of the same scenario.
public enum HeadlessExercise {
    /// How far the simulated clock moves between looks.
    public static let step: TimeInterval = 60

    /// Plays `scenario` into the new journal file at `path`; returns the final shift.
    public static func run(_ scenario: Scenario, journalPath path: String, trainee: (any ExerciseTrainee)?,
                           wallClock: @escaping () -> Date = Date.init) throws -> ShiftState {
        let journal = try ExerciseJournal.create(path, scenario: scenario, wallClock: wallClock)
        return try play(scenario, into: journal, trainee: trainee, wallClock: wallClock)
    }

    /// Plays `scenario` into `journal`, whose shift ``ExerciseJournal`` has opened; returns the final shift.
    public static func play(_ scenario: Scenario, into journal: any ShiftJournal, trainee: (any ExerciseTrainee)?,
                            wallClock: @escaping () -> Date = Date.init) throws -> ShiftState {
        let recorder = ExerciseRecorder(journal: journal, router: Router(policy: scenario.policy), wallClock: wallClock)
        var director = ExerciseDirector(scenario: scenario)
        var trainee = trainee
        var time = scenario.start
        while time <= scenario.end {
            try director.step(at: time, recorder: recorder)
            try trainee?.step(at: time, recorder: recorder)
            time += step
        }
        return journal.state
    }
}
