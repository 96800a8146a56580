import Foundation
import HeartDeskCore
@testable import HeartDeskJournal
import Testing
import TestSupport

/// The interpreter need, added to call records after journals were first written: old records read as "not needed",
/// new ones keep it, and a value no HeartDesk writes is an undecodable record.
@Suite("Interpreter need in the journal")
struct InterpreterRecordTests {
    func replay(_ payload: [UInt8]) throws -> ShiftState {
        let directory = TemporaryDirectory()
        let opened = ShiftEvent(wallMillis: 1_795_460_400_000, shiftMillis: 1_795_460_400_000, position: "pos", operatorName: "op",
                                body: .shiftOpened(policy: PolicyIdentity(name: "Durham HEART", contentHash: ""), units: []))
        let first = JournalFormat.frame(EventCodec.encode(opened), after: JournalFormat.genesis)
        let second = JournalFormat.frame(payload, after: first.hash)
        directory.write(JournalFormat.header + first.bytes + second.bytes, to: "shift.hdj")
        return try Journal.open(directory.path("shift.hdj"), mode: .read).state
    }

    @Test("a record written before the interpreter need reads as not needed; one with it keeps it")
    func oldAndNew() throws {
        // The oldest layout ends after the decision; the next added the questions answered no (an empty list: 0).
        let oldest = HostileInputTests.callPayload(priority: 2)
        #expect(try replay(oldest).call("C-0001")?.intake.interpreter == .notNeeded)
        #expect(try replay(oldest + [0]).call("C-0001")?.intake.interpreter == .notNeeded)
        #expect(try replay(oldest + [0, InterpreterNeed.signLanguage.rawValue]).call("C-0001")?.intake.interpreter == .signLanguage)
        #expect(throws: JournalError.self) { try replay(oldest + [0, 7]) }
    }

    @Test("a revision that changes the need is recorded, replayed and described")
    func revision() throws {
        let directory = TemporaryDirectory()
        let shift = try ShiftDriver(path: directory.path("shift.hdj"))
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111", language: "Spanish")))
        let events = try shift.run(.revise(callID: "C-0001", CallRevision(interpreter: .spoken), note: ""))
        guard case .callRevised(_, let previous, let facts, _, _)? = events.last?.body else {
            Issue.record("no revision recorded")
            return
        }
        #expect(facts.changes(from: previous) == ["interpreter no → yes"])
        let reopened = try Journal.open(directory.path("shift.hdj"), mode: .read)
        #expect(reopened.state.call("C-0001")?.intake.interpreter == .spoken)
        #expect(reopened.state == shift.journal.state)
    }
}
