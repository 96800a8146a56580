import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Drives a journal with shift commands in-process, as the console and the CLI do.
public struct ShiftDriver {
    public let journal: Journal
    public var clock: Date

    /// Opens (creating) a journal at `path` with the Durham roster; the shift clock starts at `start`.
    public init(path: String, start: Date = Durham.instant("2026-11-23T10:30")) throws {
        journal = try Journal.open(path, mode: .write)
        clock = start
        if journal.state.openedAt == nil {
            try run(.openShift(units: try RosterLoader.bundledDurham(policy: Durham.policy)))
        }
    }

    /// Drives an already-open journal.
    public static func attach(_ journal: Journal, start: Date = Durham.instant("2026-11-23T10:30")) -> ShiftDriver {
        ShiftDriver(journal: journal, clock: start)
    }

    private init(journal: Journal, clock: Date) {
        self.journal = journal
        self.clock = clock
    }

    /// Runs one command at the current shift clock; throws ``ShiftError`` if it is refused.
    @discardableResult
    public func run(_ command: ShiftCommand, by operatorName: String = "tester", at position: String = "test") throws -> [ShiftEvent] {
        let stamp = EventStamp(wallTime: clock, shiftTime: clock, position: position, operatorName: operatorName)
        return try journal.record(command, router: Durham.router, stamp: stamp)
    }

    public mutating func advance(minutes: Double) { clock += minutes * 60 }
}
