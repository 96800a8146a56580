import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// The real binary in tmux, driven as a person would: keys in, screen read back.
/// Each waits for text with a deadline rather than sleeping.
@Suite(.serialized) struct TerminalEndToEndTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.journal") }
    var policy: String { directory.path("open-all-hours.yaml") }

    init() throws {
        try PolicyText.writeDurhamOpenAllHours(to: directory.path("open-all-hours.yaml"))
    }

    func console(width: Int = 100, height: Int = 30, operatorName: String = "Ana") throws -> TmuxConsole {
        try TmuxConsole(["--journal", journal, "--policy", policy, "--operator", operatorName], width: width, height: height)
    }

    @Test func aCallTakenFromTheCallersWordsAndCoordinatesToARoutedDecision() throws {
        let tmux = try console(width: 120, height: 35)
        try tmux.waitFor("Call queue")
        try tmux.keys("n")
        try tmux.waitFor("New call")
        // To the location (past the beat and the three questions): the phone system's coordinates.
        try tmux.keys("Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.type("35.9886,-78.8939")
        try tmux.waitFor("from location · D5 · in pilot area")
        // To the notes (past caller, callback, language, interpreter, priority): the caller's words.
        try tmux.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.type("my brother is on the bridge saying he wants to end it")
        try tmux.waitFor("Words suggest Suicide Threat")
        try tmux.keys("C-t")
        try tmux.waitFor("Call type from the caller's words: Suicide Threat")
        // Back to the questions: asked, and answered no.
        for _ in 0..<9 { try tmux.keys("BTab") }
        try tmux.keys("n", "Tab", "n", "Tab", "n", "Enter")
        try tmux.waitFor("C-0001 recorded: dispatch CRT")
        let screen = try tmux.screen()
        #expect(screen.contains("513"), "\(screen)")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func aWholeCallFromIntakeToCloseThenTheSameStateAfterARestart() throws {
        let tmux = try console()
        try tmux.waitFor("Call queue")
        try tmux.keys("F2")
        try tmux.waitFor("New call")
        try tmux.type("mental")
        try tmux.waitFor("Mental Health Crisis (MHC)")
        try tmux.keys("Tab")
        try tmux.type("111")
        try tmux.waitFor("Dispatch   CRT")
        try tmux.keys("Tab", "n", "Tab", "n", "Tab", "Tab")
        try tmux.type("5 Elm St")
        try tmux.keys("Tab")
        try tmux.type("Nguyễn Peña")
        try tmux.keys("Enter")
        try tmux.waitFor("C-0001 recorded: dispatch CRT")
        try tmux.keys("d")
        try tmux.waitFor("CRT-1: nearest available CRT")
        try tmux.keys("Enter")
        try tmux.waitFor("CRT-1 dispatched to C-0001")
        for (key, words) in [("e", "CRT-1 en route"), ("o", "CRT-1 on scene")] {
            try tmux.keys(key)
            try tmux.waitFor(words)
        }
        try tmux.keys("b", "p")
        try tmux.waitFor("!! BACK-UP REQUESTED: CRT-1 needs police on C-0001")
        try tmux.keys("i")
        try tmux.type("Officer on scene, calm")
        try tmux.keys("Enter")
        try tmux.waitFor("Note added to C-0001")
        try tmux.keys("x", "Enter")
        try tmux.waitFor("C-0001 closed: resolved-on-scene, CN follow-up queued")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
        #expect(try tmux.paneValue("alternate_on") == "0")

        // Start again on the same journal: the same shift comes back.
        let again = try console()
        try again.waitFor("Pending 0 · Active 0")
        try again.keys("Tab", "Tab", "Tab")
        try again.waitFor("F-0001 C-0001 CN")
        try again.keys("q")
        try again.waitFor("EXIT:0")
        let replayed = try Journal.open(journal, mode: .read)
        let call = try #require(replayed.state.call("C-0001"))
        #expect(call.intake.callerName == "Nguyễn Peña")
        #expect(call.notes.map(\.text) == ["Officer on scene, calm"])
        #expect(replayed.state.backupRequests.count == 1)
    }

    @Test func aSupervisorWatchesTheFiguresWhileAnotherPositionTakesCalls() throws {
        func takeCall(_ type: String, beat: String) throws {
            let outcome = try HeartDeskBinary.run(["shift", "new-call", "--journal", journal, "--policy", policy, "--type", type,
                                                   "--beat", beat, "--no-weapon", "--no-violent", "--no-elevated-risk"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        try takeCall("MHC", beat: "111")
        let supervisor = try TmuxConsole(["--journal", journal, "--policy", policy, "--read-only", "--view", "supervisor"],
                                         width: 120, height: 35)
        try supervisor.waitFor("Supervisor view")
        let first = try supervisor.screen()
        #expect(first.hasPrefix(" READ-ONLY "))
        #expect(first.contains(" Calls            1 "))
        try takeCall("Trespass", beat: "121")
        try supervisor.waitUntil(seconds: 5, what: "the second call counted") { $0.contains(" Calls            2 ") }
        let screen = try supervisor.waitFor("outside area 1")
        #expect(screen.contains("Waiting 2"))
        try supervisor.keys("v")
        try supervisor.waitFor("Call queue")
        try supervisor.keys("F10")
        try supervisor.waitFor("EXIT:0")
    }

    @Test func homeAndEndMoveInThePickerInsteadOfClosingIt() throws {
        let tmux = try console()
        try tmux.waitFor("Call queue")
        try tmux.takeCall(type: "Trespass", beat: "112")
        try tmux.waitFor("C-0001 recorded")
        try tmux.keys("d")
        try tmux.waitFor("nearest available")
        // Read as a bare Esc, tmux's ESC [4~ / ESC [1~ closed the picker and Enter then opened the call's details.
        // Moving to the last row and back to the first, Enter sends the first: the picker was open throughout.
        try tmux.keys("End", "Home", "Enter")
        try tmux.waitFor("CRT-1 dispatched to C-0001")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func resizingBelow80x24ShowsTheQueueThenAsksToEnlargeAndBackRedraws() throws {
        let tmux = try console()
        try tmux.waitFor("Call queue")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor("Widen to 80×24 for the full board")
        #expect(try tmux.screen().contains("Call queue"))
        try tmux.resize(width: 30, height: 6)
        try tmux.waitFor("Enlarge the terminal")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Call queue")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func twoConsolesOnOneJournalSeeEachOther() throws {
        let first = try console(operatorName: "Ana")
        try first.waitFor("Call queue")
        let second = try console(operatorName: "Ben")
        try second.waitFor("Call queue")
        try first.takeCall(type: "Trespass", beat: "112")
        try first.waitFor("C-0001 recorded")
        try second.waitFor("C-0001", seconds: 5)
        try second.keys("d", "Enter")
        try second.waitFor("dispatched to C-0001")
        try first.waitUntil(seconds: 5, what: "C-0001 dispatched on the first console") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("C-0001") && $0.contains("dispatched") }
        }
        try first.keys("F10")
        try second.keys("F10")
        try first.waitFor("EXIT:0")
        try second.waitFor("EXIT:0")
    }

    @Test func sigtermRestoresTheTerminalAndKeepsWhatWasRecorded() throws {
        let tmux = try console()
        try tmux.waitFor("Call queue")
        try tmux.takeCall(type: "Trespass", beat: "111")
        try tmux.waitFor("C-0001 recorded")
        let pid = try tmux.paneValue("pane_pid")
        // The pane runs sh, which runs heartdesk: signal the child.
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-TERM", "-P", pid]
        try kill.run()
        kill.waitUntilExit()
        try tmux.waitFor("EXIT:143")
        #expect(try tmux.paneValue("alternate_on") == "0")
        #expect(try Journal.open(journal, mode: .read).state.calls.count == 1)
    }

    @Test func anUnknownTerminalTypeIsRefusedBeforeCursesStarts() throws {
        let tmux = try TmuxConsole(["--journal", journal], environment: ["TERM": "no-such-terminal"])
        let screen = try tmux.waitFor("EXIT:2")
        #expect(screen.contains("heartdesk console: unknown terminal type TERM=no-such-terminal"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func withoutATerminalTheConsoleSaysSoAndExits() throws {
        let outcome = try HeartDeskBinary.run(["--journal", journal])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("heartdesk console: the console needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func aPlaceAndAnEarlierShiftsCallerShowOnTheFormOfTheRealBinary() throws {
        // Yesterday's shift, through the command line, in a folder of journals.
        let history = directory.path("history")
        try FileManager.default.createDirectory(atPath: history, withIntermediateDirectories: true)
        let places = try IntakeFiles.writeDurhamPolicy(in: directory.url.path)
        let earlier = try HeartDeskBinary.run(["shift", "new-call", "--journal", history + "/2026-11-22-day.journal", "--policy", places,
                                               "--type", "MHC", "--beat", "513", "--location", "Riverside Shelter",
                                               "--callback", "919-555-0100", "--no-weapon", "--no-violent", "--at", "2026-11-22T10:00"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let tmux = try TmuxConsole(["--journal", journal, "--policy", places, "--history", history], width: 120, height: 40)
        try tmux.waitFor("Call queue")
        try tmux.keys("n")
        try tmux.waitFor("New call")
        for _ in 0..<5 { try tmux.keys("Tab") }
        try tmux.type("the shelter")
        try tmux.waitFor("⚠ history of weapons: ask")
        try tmux.waitFor("from place · D5")
        try tmux.waitFor("1 call at this place in 2 days: 22 Nov 10:00 C-0001 Mental")
        try tmux.keys("Escape", "y")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func aHistoryFolderThatIsNotThereIsRefusedInOneLine() throws {
        let tmux = try TmuxConsole(["--journal", journal, "--history", directory.path("nowhere")], width: 200)
        let screen = try tmux.waitFor("EXIT:2")
        #expect(screen.contains("heartdesk console: --history \(directory.path("nowhere")): is not a folder of journals"), "\(screen)")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test("the real binary under a seeded key-mash and window resizes down to 1×1: it keeps drawing, quits cleanly, the journal verifies")
    func aKeyMashAndResizesNeitherCrashNorCorrupt() throws {
        let tmux = try console(width: 100, height: 30)
        try tmux.waitFor("Call queue")
        try tmux.takeCall(type: "Mental Health Crisis", beat: "111")
        try tmux.waitFor("C-0001 recorded")
        // tmux key names for everything the console binds but quitting, and text a paste can bring.
        let names = ["n", "d", "s", "e", "o", "t", "c", "u", "b", "a", "r", "i", "x", "f", "g", "v", "/", "<", ">", "I", "?",
                     "Enter", "Enter", "Escape", "Tab", "BTab", "BSpace", "DC", "Up", "Down", "Left", "Right", "Home", "End",
                     "PPage", "NPage", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "C-t", "C-u",
                     "y", "1", "é", "東", "M"]
        let sizes = [(1, 1), (20, 5), (60, 15), (200, 50), (81, 25)]
        var random = SeededRandom(seed: 7)
        for round in 0..<30 {
            try tmux.keys((0..<10).map { _ in names.randomElement(using: &random)! })
            if round % 6 == 5 {
                let size = sizes.randomElement(using: &random)!
                try tmux.resize(width: size.0, height: size.1)
            }
            // send-keys returns before the console reads the keys: a moment each round lets keys and resizes
            // interleave as they would by hand, instead of every resize landing before the first key is read.
            Thread.sleep(forTimeInterval: 0.03)
        }
        try tmux.resize(width: 100, height: 30)
        // Still alive and drawing at its full size: the header is back.
        try tmux.waitFor("HeartDesk │")
        // Out of whatever is open (a form with input asks before it is dropped), then quit.
        for _ in 0..<4 { try tmux.keys("Escape", "y") }
        try tmux.keys("F10")
        try tmux.waitUntil(what: "the console to quit") { screen in
            if screen.contains("EXIT:") { return true }
            try? tmux.keys("y")
            return false
        }
        let last = try tmux.screen()
        #expect(last.contains("EXIT:0"), "\(last)")
        let verify = try HeartDeskBinary.run(["journal", "verify", journal])
        #expect(verify.status == 0 && verify.stdout.contains("hash chain intact"), "\(verify.stdout)\(verify.stderr)")
    }
}
