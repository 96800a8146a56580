import Foundation
import HeartDeskCore
import HeartDeskJournal

/// The journal an exercise writes: always a new one (a file, or a shift in a database), opened with the scenario's roster.
public enum ExerciseJournal {
    /// Why an exercise cannot use a journal.
    public struct AlreadyExists: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates the journal file at `path` with the shift opened on the scenario's roster at its start time.
    public static func create(_ path: String, scenario: Scenario, wallClock: () -> Date) throws -> Journal {
        if FileManager.default.fileExists(atPath: path) {
            throw AlreadyExists(description: "journal \(path) already exists: an exercise starts on a new journal (choose another --journal)")
        }
        let journal = try Journal.open(path, mode: .write)
        try start(journal, scenario: scenario, wallClock: wallClock)
        return journal
    }

    /// Opens the shift in `journal`, which must hold nothing yet, on the scenario's roster at its start time. Checked
    /// inside the append, so two exercises started on one database shift at once cannot both take it.
    public static func start(_ journal: any ShiftJournal, scenario: Scenario, wallClock: () -> Date) throws {
        let stamp = EventStamp(wallTime: wallClock(), shiftTime: scenario.start, position: ExerciseActor.facilitator.position,
                               operatorName: ExerciseActor.facilitator.operatorName)
        let router = Router(policy: scenario.policy)
        let location = journal.location
        try journal.append { state in
            guard state.eventCount == 0 else {
                throw AlreadyExists(description: "\(location) already holds \(state.eventCount) events: an exercise starts on a new "
                                    + "journal (choose another shift name)")
            }
            return try ShiftCommand.openShift(units: scenario.roster).stampedEvents(in: state, router: router, stamp: stamp) { scenario.roster }
        }
    }
}
