import Foundation
import HeartDeskCore
import HeartDeskJournal

/// The journal an exercise writes: always a new file, opened with the scenario's roster.
public enum ExerciseJournal {
    /// Why an exercise cannot use a journal file.
    public struct AlreadyExists: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "journal \(path) already exists: an exercise starts on a new journal (choose another --journal)"
        }
    }

    /// Creates the journal at `path` with the shift opened on the scenario's roster at its start time.
    public static func create(_ path: String, scenario: Scenario, wallClock: () -> Date) throws -> Journal {
        if FileManager.default.fileExists(atPath: path) { throw AlreadyExists(path: path) }
        let journal = try Journal.open(path, mode: .write)
        let stamp = EventStamp(wallTime: wallClock(), shiftTime: scenario.start, position: ExerciseActor.facilitator.position,
                               operatorName: ExerciseActor.facilitator.operatorName)
        try journal.openShiftIfNew(roster: scenario.roster, router: Router(policy: scenario.policy), stamp: stamp)
        return journal
    }
}
