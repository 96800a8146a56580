import Foundation
import HeartDeskCore
@testable import HeartDeskJournal
import Testing
import TestSupport

/// Input that once crashed a reader: each is refused with a message, never a trap.
@Suite("Hostile journal records")
struct HostileInputTests {
    /// A call-received payload written by hand, with `priority` as any 64-bit value (the codec's own layout).
    static func callPayload(priority: UInt64) -> [UInt8] {
        var w = ByteWriter()
        w.signed(1_795_460_400_000)
        w.signed(1_795_460_400_000)
        w.string("pos")
        w.string("op")
        w.u8(2)  // call received
        w.string("C-0001")
        w.string("Mental Health Crisis")
        w.optionalString("111")
        w.strings([])
        for text in ["", "", "", ""] { w.string(text) }  // location, caller, callback, language
        w.varint(priority)
        w.string("")  // note
        w.string("CRT")
        w.optionalString(nil)
        w.optionalString(nil)
        w.strings(["CRT"])
        w.strings([])
        return w.bytes
    }

    @Test("a priority of 2^63 or more is an undecodable record named by number and offset", arguments: [UInt64(1) << 63, .max, 1_001])
    func hugePriority(priority: UInt64) throws {
        let directory = TemporaryDirectory()
        let path = directory.path("shift.hdj")
        let opened = ShiftEvent(wallMillis: 1_795_460_400_000, shiftMillis: 1_795_460_400_000, position: "pos", operatorName: "op",
                                body: .shiftOpened(policy: PolicyIdentity(name: "Durham HEART", contentHash: ""), units: []))
        let first = JournalFormat.frame(EventCodec.encode(opened), after: JournalFormat.genesis)
        let second = JournalFormat.frame(Self.callPayload(priority: priority), after: first.hash)
        directory.write(JournalFormat.header + first.bytes + second.bytes, to: "shift.hdj")
        let offset = JournalFormat.header.count + first.bytes.count
        #expect(performing: { try Journal.open(path, mode: .read) }, throws: { error in
            guard let error = error as? JournalError else { return false }
            return error.kind == .undecodable && error.recordNumber == 2 && error.detail.hasPrefix("record 2 at byte \(offset) ")
        })
        // The same bytes with an ordinary priority read fine: the test's hand-made layout is the codec's.
        let good = JournalFormat.frame(Self.callPayload(priority: 2), after: first.hash)
        directory.write(JournalFormat.header + first.bytes + good.bytes, to: "good.hdj")
        #expect(try Journal.open(directory.path("good.hdj"), mode: .read).state.call("C-0001")?.intake.priority == 2)
    }

    @Test("a follower that meets an undecodable record after good new ones folds them once, however often it refreshes")
    func undecodableAfterNewRecordsFoldsThemOnce() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("shift.hdj")
        let opened = ShiftEvent(wallMillis: 1_795_460_400_000, shiftMillis: 1_795_460_400_000, position: "pos", operatorName: "op",
                                body: .shiftOpened(policy: PolicyIdentity(name: "Durham HEART", contentHash: ""), units: []))
        let first = JournalFormat.frame(EventCodec.encode(opened), after: JournalFormat.genesis)
        let call = JournalFormat.frame(Self.callPayload(priority: 2), after: first.hash)
        directory.write(JournalFormat.header + first.bytes + call.bytes, to: "shift.hdj")
        let follower = try Journal.open(path, mode: .read)

        // Another writer adds a note, then a record this HeartDesk cannot read.
        let noteEvent = ShiftEvent(wallMillis: 1_795_460_460_000, shiftMillis: 1_795_460_460_000, position: "pos", operatorName: "op",
                                   body: .noteAdded(callID: "C-0001", text: "caller calmer now"))
        let note = JournalFormat.frame(EventCodec.encode(noteEvent), after: call.hash)
        let unreadable = JournalFormat.frame(Self.callPayload(priority: .max), after: note.hash)
        directory.write(JournalFormat.header + first.bytes + call.bytes + note.bytes + unreadable.bytes, to: "shift.hdj")

        for _ in 0..<3 {
            #expect(performing: { try follower.refresh() }, throws: { error in
                (error as? JournalError)?.kind == .undecodable && (error as? JournalError)?.recordNumber == 4
            })
        }
        #expect(follower.state.call("C-0001")?.notes.map(\.text) == ["caller calmer now"])
    }

    @Test("a note longer than a record may hold is refused before it is written: the file is unchanged and the next note is taken")
    func noteTooLongForARecord() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("shift.hdj")
        let driver = try ShiftDriver(path: path)
        try driver.run(.newCall(NewCall(callType: "Mental Health Crisis", beat: "112", flags: [], flagsAnsweredNo: ["weapon", "violent"],
                                        location: "12 Oak St", note: "")))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let pasted = String(repeating: "x", count: JournalFormat.maxPayload + 1)
        // Caught by hand: a failing #expect would print the 16 MB event it was given back.
        do {
            try driver.run(.addNote(callID: "C-0001", text: pasted))
            Issue.record("a 16 MB note was recorded")
        } catch let error as JournalError {
            #expect(error.kind == .undecodable && error.recordNumber == 3)
            #expect(error.description.hasPrefix("journal \(path): record 3 would be longer than the 16 MB a record may hold ("))
            #expect(error.description.hasSuffix(" bytes): nothing was written"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(driver.journal.state.call("C-0001")?.notes.isEmpty == true)
        try driver.run(.addNote(callID: "C-0001", text: "caller calmer now"))
        let replayed = try Journal.open(path, mode: .read).state
        #expect(replayed.call("C-0001")?.notes.map(\.text) == ["caller calmer now"])
        // What the writer holds is what any reader builds from the file.
        #expect(replayed == driver.journal.state)
    }
}
