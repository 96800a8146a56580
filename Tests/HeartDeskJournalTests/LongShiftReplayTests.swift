import Foundation
import HeartDeskCore
@testable import HeartDeskJournal
import Testing
import TestSupport

/// Journals past a megabyte are checked and decoded on a second thread while the first folds them: the
/// state, the events and every ending (clean, torn, corrupt, undecodable) must be what one thread gives.
@Suite("Replay of a long shift")
struct LongShiftReplayTests {
    /// About 14,400 events (some 2.5 MB): well past the size at which replay splits across two threads.
    static let events: [ShiftEvent] = {
        let units = try! RosterLoader.bundledDurham(policy: Durham.policy)
        var clock = Durham.instant("2026-11-23T08:00")
        var events: [ShiftEvent] = []
        func add(_ body: ShiftEvent.Body, position: String = "ct-1") {
            clock += 7
            events.append(EventStamp.live(at: clock, position: position, operatorName: "Ada").event(body))
        }
        add(.shiftOpened(policy: Durham.policy.identity, units: units))
        let types = ["Mental Health Crisis", "Trespass", "Suicide Threat", "Nuisance", "Welfare Check"]
        for number in 1...2_400 {
            let id = String(format: "C-%04d", number)
            let type = types[number % types.count]
            let beat = Durham.pilotBeats[number % Durham.pilotBeats.count]
            let decision = Durham.route(type, beat: beat, at: "2026-11-23T14:00")
            add(.callReceived(CallIntake(id: id, callType: type, beat: beat, flags: [], location: "\(number) Main St",
                                         callerName: "Caller \(number)", callback: "919-555-0100", language: "",
                                         priority: 2, note: "caller \(number) reports a person in distress",
                                         triage: TriageRecord(decision, policy: Durham.policy))))
            let unit = units[number % units.count].id
            add(.unitDispatched(callID: id, unitID: unit, overrideReason: nil), position: "ct-2")
            add(.unitStatusChanged(unitID: unit, status: .enRoute))
            add(.unitStatusChanged(unitID: unit, status: .onScene))
            add(.noteAdded(callID: id, text: "note \(number): on scene, talking with the person"))
            add(.callClosed(callID: id, disposition: .resolvedOnScene, followUpID: nil))
        }
        return events
    }()

    /// The journal file's bytes for `events`, and where each record starts.
    static func image(of events: [ShiftEvent]) -> (bytes: [UInt8], recordStarts: [Int]) {
        let bytes = JournalImage.framing(payloads: events.map(EventCodec.encode))
        let (starts, end) = JournalFrames.records(of: bytes)
        #expect(end == bytes.count, "every byte belongs to a whole record")
        return (bytes, starts)
    }

    @Test("a clean long journal replays to exactly the state and events one thread folds")
    func clean() throws {
        let directory = TemporaryDirectory()
        let (bytes, _) = Self.image(of: Self.events)
        #expect(bytes.count > 2 * RecordScanner.pipelineThreshold, "the journal must be long enough to be read on two threads")
        directory.write(bytes, to: "long.hdj")
        let journal = try Journal.open(directory.path("long.hdj"), mode: .read, keepEvents: true)
        #expect(journal.recordCount == Self.events.count)
        #expect(journal.events == Self.events)
        #expect(journal.state == ShiftState(replaying: Self.events))
        #expect(journal.state.calls.count == 2_400 && journal.state.inconsistentEvents == 0)
    }

    @Test("a flipped byte deep in a long journal is named by its record number and byte offset")
    func corruptInTheMiddle() throws {
        let directory = TemporaryDirectory()
        var (bytes, starts) = Self.image(of: Self.events)
        let damaged = 9_001  // 1-based record number
        bytes[starts[damaged - 1] + 20] ^= 0x40
        directory.write(bytes, to: "long.hdj")
        let error = try #require(throws: JournalError.self) { try Journal.open(directory.path("long.hdj"), mode: .read) }
        #expect(error.kind == .corrupt)
        #expect(error.recordNumber == damaged)
        #expect(error.detail.contains("at byte \(starts[damaged - 1])"))
    }

    @Test("an intact but undecodable record deep in a long journal is named with its offset")
    func undecodableInTheMiddle() throws {
        let directory = TemporaryDirectory()
        var payloads = Self.events.map(EventCodec.encode)
        let bad = 10_500
        payloads[bad - 1] += [0xFF]  // bytes left over after the event: not an event this HeartDesk reads
        let bytes = JournalImage.framing(payloads: payloads)
        directory.write(bytes, to: "long.hdj")
        let starts = Self.image(of: Self.events).recordStarts
        let error = try #require(throws: JournalError.self) { try Journal.open(directory.path("long.hdj"), mode: .read) }
        #expect(error.kind == .undecodable)
        #expect(error.recordNumber == bad)
        #expect(error.detail.contains("record \(bad) at byte \(starts[bad - 1])"))
    }

    @Test("a long journal with a torn last record opens with every record before it")
    func tornTail() throws {
        let directory = TemporaryDirectory()
        let (bytes, starts) = Self.image(of: Self.events)
        directory.write(Array(bytes[..<(starts.last! + 30)]), to: "long.hdj")
        let journal = try Journal.open(directory.path("long.hdj"), mode: .read, keepEvents: true)
        #expect(journal.recordCount == Self.events.count - 1)
        #expect(journal.events == Array(Self.events.dropLast()))
        #expect(journal.health == .tornTailPending(recordNumber: Self.events.count))
    }
}
