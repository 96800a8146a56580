import Foundation
import HeartDeskCore

extension ShiftJournal {
    /// Checks `command` against the shift under the journal's lock and appends its events durably: the one
    /// path by which the console, the command line and exercises record.
    ///
    /// When the journal holds no shift yet, it is opened first with `roster()`'s units.
    /// `enteredAfterTheFact` is the clock now when the command carries a back-dated time
    /// (`--at`): the time is then checked against the call's and unit's last events.
    /// Throws ``ShiftError`` when refused (nothing written), or the journal's error.
    @discardableResult
    public func record(_ command: ShiftCommand, router: Router, stamp: EventStamp, enteredAfterTheFact now: Date? = nil,
                       rosterIfOpening roster: () throws -> [UnitDefinition] = { throw ShiftError("the shift is not open yet") })
        throws -> [ShiftEvent]
    {
        try append { state in
            if let now { try command.checkEntryTime(stamp.shiftTime, now: now, in: state, zone: router.policy.timeZone) }
            return try command.stampedEvents(in: state, router: router, stamp: stamp, rosterIfOpening: roster)
        }
    }

    /// Opens the shift with `roster` unless someone already has; returns the events written (none if it was open).
    @discardableResult
    public func openShiftIfNew(roster: [UnitDefinition], router: Router, stamp: EventStamp) throws -> [ShiftEvent] {
        try append { state in
            guard state.openedAt == nil else { return [] }
            return try ShiftCommand.openShift(units: roster).stampedEvents(in: state, router: router, stamp: stamp) { roster }
        }
    }
}

extension ShiftJournal {
    /// Records calls from a city's history as received, `batchSize` calls to one durable write (one sync each), and
    /// returns how many were written. The shift must be open. Each call is routed at its own time; a refusal (a call
    /// type the policy lacks) stops at that batch with nothing of it written.
    @discardableResult
    public func recordHistoricalCalls(
        _ calls: [(entry: NewCall, receivedAt: Date)], router: Router, stamp: (Date) -> EventStamp, batchSize: Int = 8_192,
        progress: (Int) -> Void = { _ in }
    ) throws -> Int {
        var written = 0
        while written < calls.count {
            let batch = Array(calls[written..<min(calls.count, written + batchSize)])
            try append { state in
                let bodies = try ShiftCommand.historicalCalls(batch, after: state, router: router)
                return zip(bodies, batch).map { body, call in stamp(call.receivedAt).event(body) }
            }
            written += batch.count
            progress(written)
        }
        return written
    }
}
