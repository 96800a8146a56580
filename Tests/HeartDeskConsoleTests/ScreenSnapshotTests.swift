import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// Rendered frames (text and theme roles) against reviewed snapshots in __Snapshots__/.
/// Re-record with `HEARTDESK_RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`.
@Suite struct ScreenSnapshotTests {
    /// A shift an hour in: a pending call past its alert time, one on scene with back-up asked, a closed one.
    static func busyShift(width: Int, height: Int, asciiCharts: Bool = false) throws -> ConsoleHarness {
        let console = try ConsoleHarness(width: width, height: height, asciiCharts: asciiCharts)
        console.takeCall("Mental Health Crisis", beat: "111", language: "Spanish", caller: "Nguyễn Văn Peña")
        console.press(.character("d"), .enter, .character("e"))
        console.advance(minutes: 10)
        console.press(.character("o"))
        console.takeCall("Suicide Threat", beat: "413")
        console.press(.character("d"), .enter)
        console.advance(minutes: 4)
        console.takeCall("Trespass", beat: "121")
        console.takeCall("Domestic Violence", beat: "214", flags: [1])
        console.advance(minutes: 6)
        console.takeCall("Non-urgent Welfare Check", beat: "512")
        console.advance(minutes: 3)
        return console
    }

    func check(_ console: ConsoleHarness, _ name: String) {
        if let difference = Snapshot.mismatch(console.screen(), named: name) { Issue.record(Comment(rawValue: difference)) }
    }

    @Test func boardAt80x24() throws {
        check(try Self.busyShift(width: 80, height: 24), "board-80x24")
    }

    @Test func wideBoardShowsBeatsAndFollowUpsBesideTheQueue() throws {
        let console = try Self.busyShift(width: 160, height: 48)
        console.press(.tab)  // units focused
        check(console, "board-160x48")
    }

    @Test func backUpRequestTakesOverTheCountsLine() throws {
        let console = try Self.busyShift(width: 100, height: 30)
        console.press(.tab)  // units: CRT-1 first (the phone positions CCD-1, CCD-2 come after the field units)
        console.press(.character("b"), .character("p"))
        #expect(console.state.shift.unit("CRT-1")?.status == .backupRequested)
        check(console, "board-backup-100x30")
    }

    @Test func newCallFormWithTypeAhead() throws {
        let console = try ConsoleHarness(width: 100, height: 30)
        console.press(.character("n"))
        console.type("welf")
        check(console, "new-call-typeahead-100x30")
    }

    @Test func newCallFormWithLiveDecision() throws {
        let console = try ConsoleHarness(width: 100, height: 30)
        console.press(.character("n"))
        console.type("Mental Health Crisis")
        console.press(.tab)
        console.type("111")
        check(console, "new-call-decision-100x30")
    }

    @Test func dispatchPicker() throws {
        let console = try ConsoleHarness(width: 100, height: 30)
        console.takeCall("Mental Health Crisis", beat: "413", language: "Spanish")
        console.press(.character("d"))
        check(console, "dispatch-picker-100x30")
    }

    @Test func beatsListInTheLowerPane() throws {
        let console = try Self.busyShift(width: 80, height: 30)
        console.press(.tab, .tab)
        check(console, "beats-80x30")
    }

    @Test func helpScreen() throws {
        let console = try ConsoleHarness(width: 80, height: 24)
        console.press(.function(1))
        check(console, "help-80x24")
    }

    @Test func aTerminalTooSmallEvenForTheQueueAsksToEnlarge() throws {
        let console = try ConsoleHarness(width: 36, height: 6)
        check(console, "too-small-36x6")
        console.resize(width: 80, height: 24)
        #expect(console.screenText().contains("Call queue"))
    }

    @Test(arguments: [(79, 40), (60, 20)])
    func belowTheFullBoardTheQueueStillShows(width: Int, height: Int) throws {
        let console = try Self.busyShift(width: 80, height: 24)
        console.resize(width: width, height: height)
        console.press(.up)  // a key clears the last action's message: the line then says to widen
        check(console, "compact-\(width)x\(height)")
        let text = console.screenText()
        #expect(text.contains("Call queue 3 pending · 5 open"))
        #expect(text.contains("Widen to 80×24 for the full board"))
        console.press(.character("n"))
        #expect(console.state.overlay == nil)
        #expect(console.state.message?.text.hasPrefix("The form needs 80×24: widen the terminal") == true)
        console.press(.down, .character("d"))
        #expect(console.state.overlay != nil, "sending a unit still works: the picker is small")
    }
}
