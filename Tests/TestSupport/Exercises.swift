import Foundation
import HeartDeskCore
import HeartDeskExercise
import HeartDeskJournal
import HeartDeskReport

/// Runs scenarios headless for tests and reads back what they journaled.
public enum Exercises {
    /// The scenario in `yaml`, named `test.yaml` in errors.
    public static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.load(yaml: yaml, source: "test.yaml", name: "test")
    }

    /// Plays `scenario` headless with `trainee` into a new journal in `directory`; returns every event.
    public static func run(_ scenario: Scenario, trainee: (any ExerciseTrainee)?, in directory: TemporaryDirectory,
                           journal name: String = "exercise.journal",
                           wallClock: @escaping () -> Date = Date.init) throws -> [ShiftEvent] {
        let path = directory.path(name)
        _ = try HeadlessExercise.run(scenario, journalPath: path, trainee: trainee, wallClock: wallClock)
        return try Journal.open(path, mode: .read, keepEvents: true).events
    }

    /// The after-action report of `scenario` played by `trainee`.
    public static func report(_ scenario: Scenario, trainee: (any ExerciseTrainee)?) throws -> AfterActionReport {
        let directory = TemporaryDirectory()
        return AfterActionReport(events: try run(scenario, trainee: trainee, in: directory), policy: scenario.policy)
    }
}

/// A trainee whose every move a test writes: `script` runs each simulated minute.
public struct ScriptedTrainee: ExerciseTrainee {
    public let script: (Date, ExerciseRecorder) throws -> Void

    public init(_ script: @escaping (Date, ExerciseRecorder) throws -> Void) {
        self.script = script
    }

    public mutating func step(at time: Date, recorder: ExerciseRecorder) throws {
        try script(time, recorder)
    }
}
