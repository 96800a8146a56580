import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

@Suite("Replay equals live")
struct ReplayTests {
    @Test("a long random run of commands, reopened, gives the identical state", arguments: [1 as UInt64, 2, 3])
    func replayEqualsLive(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        var shift = try ShiftDriver(path: directory.path("shift.hdj"))
        var random = SeededRandom(seed: seed)
        var accepted = 0
        for _ in 0..<1500 {
            shift.advance(minutes: Double.random(in: 0...3, using: &random))
            let command = RandomShiftCommands.next(in: shift.journal.state, using: &random)
            if (try? shift.run(command)) != nil { accepted += 1 }
        }
        #expect(accepted > 300, "the random mix should mostly exercise accepted commands")
        let live = shift.journal.state
        let reopened = try Journal.open(directory.path("shift.hdj"), mode: .read)
        #expect(reopened.state == live)
        #expect(reopened.recordCount == live.eventCount)
        #expect(reopened.state.inconsistentEvents == 0)
        #expect(live.calls.count > 100)
        #expect(live.calls.contains { $0.intake.callerName == "Nguyễn" })
    }

    @Test("a second handle follows the first one's appends")
    func follow() throws {
        let directory = TemporaryDirectory()
        let shift = try ShiftDriver(path: directory.path("shift.hdj"))
        let reader = try Journal.open(directory.path("shift.hdj"), mode: .read)
        try shift.run(.newCall(NewCall.screened(callType: "Nuisance", beat: "511")))
        #expect(reader.state.calls.isEmpty)
        #expect(try reader.refresh() == 1)
        #expect(reader.state == shift.journal.state)
        // A second writer appends; the first writer sees it before its own next append.
        let other = try ShiftDriver(path: directory.path("shift.hdj"))
        try other.run(.newCall(NewCall.screened(callType: "Panhandling", beat: "512")))
        let events = try shift.run(.newCall(NewCall.screened(callType: "Lost Person", beat: "513")))
        guard case .callReceived(let intake) = events.first?.body else { Issue.record("no call"); return }
        #expect(intake.id == "C-0003")
    }

    @Test("the file is created 0600: it holds people's health information")
    func permissions() throws {
        let directory = TemporaryDirectory()
        _ = try ShiftDriver(path: directory.path("shift.hdj"))
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path("shift.hdj"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
