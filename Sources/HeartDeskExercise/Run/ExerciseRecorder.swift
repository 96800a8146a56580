import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Who an exercise's automatic events are stamped as.
public struct ExerciseActor: Sendable, Hashable {
    public let position: String
    public let operatorName: String

    /// The scenario playing callers and units.
    public static let facilitator = ExerciseActor(position: "exercise", operatorName: "facilitator")
    /// The headless perfect trainee of `--auto`.
    public static let autoTrainee = ExerciseActor(position: "exercise", operatorName: "auto-trainee")

    public init(position: String, operatorName: String) {
        self.position = position
        self.operatorName = operatorName
    }
}

/// Writes an exercise's commands to its journal, stamped with the simulated time and the wall clock.
public final class ExerciseRecorder {
    public let journal: any ShiftJournal
    public let router: Router
    private let wallClock: () -> Date
    /// What the last refused command was refused for, for the facilitator's screen.
    public private(set) var lastRefusal: String?

    public init(journal: any ShiftJournal, router: Router, wallClock: @escaping () -> Date) {
        self.journal = journal
        self.router = router
        self.wallClock = wallClock
    }

    public var state: ShiftState { journal.state }

    /// Records `command` at simulated `time` as `actor`; false when the shift refused it (the trainee got there first).
    ///
    /// Journal faults are thrown: an exercise that cannot write must stop, not go on unrecorded.
    @discardableResult
    public func record(_ command: ShiftCommand, at time: Date, by actor: ExerciseActor) throws -> Bool {
        let stamp = EventStamp(wallTime: wallClock(), shiftTime: time, position: actor.position, operatorName: actor.operatorName)
        do {
            try journal.record(command, router: router, stamp: stamp)
            return true
        } catch let refusal as ShiftError {
            lastRefusal = refusal.description
            return false
        }
    }
}
