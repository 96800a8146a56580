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

    /// Hashes are checked on one thread while events are decoded on another: whichever fault comes first in the
    /// file is the one reported, as one thread reading in order would.
    @Test("a long journal damaged at one record and undecodable at another reports the earlier of the two",
          arguments: [(damaged: 9_001, undecodable: 10_500), (damaged: 9_001, undecodable: 5_000)])
    func earlierFaultWins(damaged: Int, undecodable: Int) throws {
        let directory = TemporaryDirectory()
        var payloads = Self.events.map(EventCodec.encode)
        payloads[undecodable - 1] += [0xFF]
        var bytes = JournalImage.framing(payloads: payloads)
        let (starts, _) = JournalFrames.records(of: bytes)
        bytes[starts[damaged] - 1] ^= 0x01  // the last byte of the damaged record's stored hash: its payload still decodes
        directory.write(bytes, to: "long.hdj")
        let error = try #require(throws: JournalError.self) { try Journal.open(directory.path("long.hdj"), mode: .read) }
        #expect(error.recordNumber == min(damaged, undecodable))
        #expect(error.kind == (damaged < undecodable ? .corrupt : .undecodable))
        #expect(error.detail.contains("at byte \(starts[min(damaged, undecodable) - 1])"))
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

    /// The ways a long journal can be laid out or damaged, each against the same piece sizes.
    enum Layout: String, CaseIterable, Sendable {
        case clean, tornTail, corrupt, undecodable
    }

    /// What a scan saw: its events, and how it ended or why it failed.
    struct ScanOutcome: Equatable {
        var events: [ShiftEvent] = []
        var count = -1
        var endOffset = -1
        var ending: RecordScanner.Ending?
        var error: String?
    }

    @Test("read a piece at a time, a journal scans to exactly what one scan of all its bytes gives, whatever the piece size",
          arguments: Layout.allCases, [97, 1_000, 4_096, 65_536])
    func piecesMatchOneScan(layout: Layout, pieceSize: Int) throws {
        var payloads = Self.events.prefix(1_500).map(EventCodec.encode)
        if layout == .undecodable { payloads[1_200] += [0xFF] }
        var bytes = JournalImage.framing(payloads: payloads)
        let (starts, _) = JournalFrames.records(of: bytes)
        switch layout {
        case .clean, .undecodable: break
        case .tornTail: bytes = Array(bytes[..<(starts.last! + 30)])
        case .corrupt: bytes[starts[700] + 20] ^= 0x40
        }
        let header = JournalFormat.header.count
        var whole = ScanOutcome()
        do {
            var decoder = EventDecoder()
            let result = try bytes.withUnsafeBytes { raw in
                Result { () throws(JournalError) in
                    try RecordScanner.scanEvents(UnsafeRawBufferPointer(rebasing: raw[header...]), baseOffset: header,
                                                 previous: JournalFormat.genesis, firstNumber: 1, path: "x",
                                                 decoder: &decoder) { whole.events.append($0) }
                }
            }.get()
            (whole.count, whole.endOffset, whole.ending) = (result.count, result.endOffset, result.ending)
        } catch { whole.error = error.detail }

        let directory = TemporaryDirectory()
        directory.write(bytes, to: "long.hdj")
        let file = try JournalFile.openForReading(directory.path("long.hdj"))
        var pieces = ScanOutcome()
        do {
            var decoder = EventDecoder()
            let result = try RecordScanner.scanFileEvents(file, from: header, to: bytes.count, previous: JournalFormat.genesis,
                                                          firstNumber: 1, pieceSize: pieceSize, decoder: &decoder) {
                pieces.events.append($0)
            }
            (pieces.count, pieces.endOffset, pieces.ending) = (result.count, result.endOffset, result.ending)
        } catch { pieces.error = error.detail }

        #expect(pieces == whole)
        switch layout {
        case .clean: #expect(whole.count == 1_500 && whole.ending == .clean)
        case .tornTail: #expect(whole.ending == .tornTail(recordNumber: 1_500, offset: starts.last!, reason: "record of \(payloads.last!.count) bytes cut short after 22"))
        case .corrupt: #expect(whole.count == 700)
        case .undecodable: #expect(whole.error?.contains("record 1201 at byte \(starts[1_200])") == true)
        }
    }
}
