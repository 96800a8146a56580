import Foundation
import HeartDeskConsole
import HeartDeskCore
@testable import HeartDeskJournal
import Testing
import TestSupport

/// A console following a journal that another position wrote a record into that this HeartDesk cannot read
/// (a newer version's event): what came before it is shown, and the header says why the board goes no further.
@Suite struct UnreadableRecordBoardTests {
    @Test func theBoardShowsWhatCameBeforeAnUnreadableRecordAndSaysSo() throws {
        let console = try ConsoleHarness(width: 160, height: 40)
        console.takeCall("MHC", beat: "111")
        #expect(console.screenText().contains("C-0001"))

        // Another position adds a note, then a record of a kind this HeartDesk does not know.
        let other = try Journal.open(console.journalPath, mode: .write)
        try other.record(.addNote(callID: "C-0001", text: "caller calmer now"), router: Durham.router,
                         stamp: .live(at: console.now, position: "pos-2", operatorName: "Ben"))
        var payload = ByteWriter()
        payload.signed(console.now.millisecondsSince1970)
        payload.signed(console.now.millisecondsSince1970)
        payload.string("pos-2")
        payload.string("Ben")
        payload.u8(0xEE)  // no tag this HeartDesk knows
        let unreadable = JournalFormat.frame(payload.bytes, after: other.headHash)
        let file = try #require(FileHandle(forWritingAtPath: console.journalPath))
        try file.seekToEnd()
        try file.write(contentsOf: Data(unreadable.bytes))
        try file.close()

        console.session.follow(at: .live(console.now))
        let board = console.screenText()
        #expect(board.contains("JOURNAL: ERROR"), "\(board)")
        #expect(board.contains("record 4"), "the alert names the record that stopped the board\n\(board)")
        console.press(.enter)  // the selected call's details
        let details = console.screenText()
        #expect(details.contains("Ben: caller calmer now"), "the note recorded before the unreadable record is shown\n\(details)")
        // Asking again says the same and shows the note once, not again.
        console.press(.escape)
        console.session.follow(at: .live(console.now))
        #expect(console.state.shift.call("C-0001")?.notes.filter { $0.text == "caller calmer now" }.count == 1)

        // A note typed now is refused, and the reason shows while the prompt keeps what was typed.
        console.press(.function(6))
        console.type("second note")
        console.press(.enter)
        let refused = console.screenText()
        #expect(refused.contains("Not recorded: journal "), "the refusal is on screen, not hidden under the prompt\n\(refused)")
        #expect(refused.contains("second note"), "the prompt keeps the text\n\(refused)")
        #expect(console.state.shift.call("C-0001")?.notes.contains { $0.text == "second note" } == false)
    }
}
