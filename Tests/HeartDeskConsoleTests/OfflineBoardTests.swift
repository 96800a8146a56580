import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// A console whose journal's database is out of reach: the last board stays, dated, its age kept current.
@Suite struct OfflineBoardTests {
    @Test func theHeaderSaysSinceWhenAndHowOldTheBoardIs() throws {
        let directory = TemporaryDirectory()
        let journal = GatedJournal(try Journal.open(directory.path("offline.journal"), mode: .write))
        let console = try ConsoleHarness(width: 140, height: 30, journal: journal, writesInBackground: true)
        console.takeCall("MHC", beat: "111")
        let deadline = Date().addingTimeInterval(10)
        while !console.session.collect(at: .live(console.now)), Date() < deadline { usleep(1_000) }
        #expect(console.screenText().contains("C-0001 recorded"))
        journal.refreshFailure = JournalError(.offline, path: "db", "cannot reach the database: no answer in 2 s")
        console.session.follow(at: .live(console.now))
        #expect(console.screenText().contains("JOURNAL: OFFLINE since 14:00 · board 0 s old"), "\(console.screenText())")
        // Said on the message line at once, over the last message: the header alone is easy to miss.
        #expect(console.screenText().contains("JOURNAL OFFLINE: cannot reach the database: no answer in 2 s"), "\(console.screenText())")
        console.advance(minutes: 3)
        console.session.follow(at: .live(console.now))
        let screen = console.screenText()
        #expect(screen.contains("OFFLINE since 14:00 · board 3 min old"), "\(screen)")
        // The last known board stays.
        #expect(screen.contains("C-0001"))
        // On an 80-column terminal the warning keeps its whole text, over the less important parts of the header.
        console.resize(width: 80, height: 24)
        let narrowHeader = console.screenText().split(separator: "\n").first.map(String.init) ?? ""
        #expect(narrowHeader.hasSuffix(" JOURNAL: OFFLINE since 14:00 · board 3 min old "), "\(narrowHeader)")
        journal.refreshFailure = nil
        console.session.follow(at: .live(console.now))
        #expect(console.screenText().contains("Journal back online"))
        #expect(!console.screenText().contains("OFFLINE since"))
    }
}
