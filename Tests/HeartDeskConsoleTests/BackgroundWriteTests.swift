import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// A console on a journal whose writes wait on a network records them on a thread of its own: the screen stays
/// alive, keys typed meanwhile are handled in order once the write is done, and F10 never leaves before it is.
@Suite struct BackgroundWriteTests {
    func console() throws -> (ConsoleHarness, GatedJournal) {
        let directory = TemporaryDirectory()
        let journal = GatedJournal(try Journal.open(directory.path("slow.journal"), mode: .write))
        return (try ConsoleHarness(width: 120, height: 40, journal: journal, writesInBackground: true), journal)
    }

    /// Collects until the write's outcome is taken, as the console's loop does on every turn.
    func waitForOutcome(_ console: ConsoleHarness) throws {
        let deadline = Date().addingTimeInterval(10)
        while !console.session.collect(at: .live(console.now)) {
            guard Date() < deadline else { throw TmuxError("the background write never finished") }
            usleep(1_000)
        }
    }

    @Test func keysTypedDuringASlowWriteAreHandledInOrderOnceItIsRecorded() throws {
        let (console, journal) = try console()
        journal.gated = true
        console.takeCall("MHC", beat: "111")
        #expect(console.session.isRecording)
        #expect(console.screenText().contains("Recording…"))
        // The screen goes on: the clock moves while the write waits.
        console.advance(minutes: 1)
        #expect(console.screenText().contains("14:01"))
        // The call-taker starts the next call at once: held, not lost, not mixed into the first.
        console.press(.character("n"))
        console.type("Trespass")
        #expect(!console.screenText().contains("Trespass"))
        journal.gate.signal()
        try waitForOutcome(console)
        #expect(journal.state.calls.map(\.intake.callType) == ["Mental Health Crisis"])
        let screen = console.screenText()
        #expect(screen.contains("New call") && screen.contains("Trespass"), "\(screen)")
        #expect(!console.session.isRecording)
    }

    @Test func f10DuringASlowWriteClosesOnlyOnceTheWriteIsRecorded() throws {
        let (console, journal) = try console()
        journal.gated = true
        console.takeCall("MHC", beat: "111")
        console.press(.function(10))
        #expect(!console.session.shouldClose, "F10 must wait for the write: the call-taker would not know if it was recorded")
        journal.gate.signal()
        try waitForOutcome(console)
        #expect(journal.state.calls.count == 1)
        #expect(console.session.shouldClose)
    }

    @Test func aBackgroundWriteThatFailsKeepsTheFormAndSaysSo() throws {
        let (console, journal) = try console()
        journal.appendFailure = JournalError(.offline, path: "db", "cannot reach the database: no answer in 5 s")
        console.takeCall("MHC", beat: "111", location: "12 Oak St")
        try waitForOutcome(console)
        let screen = console.screenText()
        #expect(screen.contains("Not recorded: journal OFFLINE (cannot reach the database: no answer in 5 s)"), "\(screen)")
        #expect(screen.contains("New call") && screen.contains("12 Oak St"), "the typed call must stay on screen: \(screen)")
        #expect(journal.state.calls.isEmpty)
    }
}
