import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// The supervisor's view: figures against targets, the chart, keys that do not apply greyed, figures kept fresh.
@Suite struct SupervisorViewTests {
    /// The busy shift of the board snapshots (five calls in 23 minutes, two teams sent), then CRT-1 asks for police
    /// back-up, on the supervisor view two minutes later.
    static func supervising(width: Int, height: Int, asciiCharts: Bool = false) throws -> ConsoleHarness {
        let console = try ScreenSnapshotTests.busyShift(width: width, height: height, asciiCharts: asciiCharts)
        console.press(.tab)  // units: CRT-1 first (the phone positions come after the field units)
        console.press(.character("b"), .character("p"))
        console.advance(minutes: 2)
        console.press(.character("v"))
        return console
    }

    /// Each size in each shipped theme: the text, the roles, and how the theme draws them (the monochrome theme, as the
    /// console does, draws its charts in ASCII).
    @Test(arguments: ["default", "high-contrast", "monochrome"], [(80, 24), (120, 35), (200, 60)])
    func snapshot(theme name: String, size: (width: Int, height: Int)) throws {
        let theme = try ThemeCatalog.shipped(name)
        let console = try Self.supervising(width: size.width, height: size.height, asciiCharts: name == "monochrome")
        #expect(console.state.board == .supervisor)
        if let difference = Snapshot.mismatch(console.screen(), named: "supervisor-\(name)-\(size.width)x\(size.height)", theme: theme) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test func theFiguresReadAsASupervisorAsks() throws {
        let text = try Self.supervising(width: 120, height: 35).screenText()
        #expect(text.contains("Supervisor view"))
        #expect(text.contains("Waiting 3 · longest wait 11:00"), "three calls wait; the oldest (14:14) for eleven minutes")
        #expect(text.contains("Decided          CRT 3 · COR 1 · POLICE 1"))
        #expect(text.contains("Sent             CRT 2 · none 3"))
        #expect(text.contains("HEART not served 1: outside area 1"), "the Trespass in beat 121 is outside CRT's area")
        #expect(text.contains("50% (1 of 2) · target ≤5%"), "one back-up request for the two calls a team went to")
        #expect(text.contains("CRT          1        2    0    1 working now"))
    }

    @Test func vGoesBackAndKeysThatDoNotApplyAreRefusedWithWhy() throws {
        let console = try Self.supervising(width: 100, height: 30)
        console.press(.character("d"))
        #expect(console.state.message?.text == "Not on the supervisor view: v goes back to the call board")
        #expect(console.state.overlay == nil)
        console.press(.character("v"))
        #expect(console.state.board == .calls && console.state.figures == nil)
        #expect(console.screenText().contains("Call queue"))
    }

    @Test func theChartFallsBackToASCII() throws {
        let blocks = try Self.supervising(width: 100, height: 40).screenText()
        let ascii = try Self.supervising(width: 100, height: 40, asciiCharts: true).screenText()
        #expect(SupervisorViewTests.blockGlyphs.contains { blocks.contains($0) })
        #expect(!SupervisorViewTests.blockGlyphs.contains { ascii.contains($0) })
        let allRow = try #require(ascii.split(separator: "\n").first { $0.hasPrefix(" all ") })
        #expect(allRow.contains("#"), "the busiest hour is drawn full height: \(allRow)")
    }

    static let blockGlyphs = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    @Test func figuresFollowOtherPositionsAndTheClock() throws {
        let console = try Self.supervising(width: 120, height: 35)
        let other = try ConsoleHarness(start: "2026-11-23T14:50", journalPath: console.journalPath, operatorName: "Bo")
        other.takeCall("Trespass", beat: "111")
        console.session.follow()
        #expect(console.state.figures?.shift.calls == 6)
        #expect(console.screenText().contains("Waiting 4"))
        let before = try #require(console.state.figures?.at)
        console.advance(minutes: 0.25)  // same minute: the figures stay as they were
        #expect(console.state.figures?.at == before)
        console.advance(minutes: 1)
        #expect(console.state.figures?.at == console.now)
    }

    @Test func aReadOnlyConsoleSaysSoAndGreysWhatRecords() throws {
        let writer = try ConsoleHarness()
        writer.takeCall("Trespass", beat: "111")
        let watcher = try ConsoleHarness(journalPath: writer.journalPath, mode: .read)
        #expect(watcher.screenText().split(separator: "\n")[0].hasPrefix(" READ-ONLY "))
        watcher.press(.character("n"))
        #expect(watcher.state.overlay == nil)
        #expect(watcher.state.message?.text == "This console is read-only (--read-only): it records nothing")
        let bar = watcher.screen()
        let newCallSlot = (0..<bar.width).first { bar.text(ofRow: bar.height - 1).dropFirst($0).hasPrefix("F2") }
        #expect(newCallSlot.map { bar[$0, bar.height - 1].role } == .dim, "F2 is greyed on the key bar")
        watcher.press(.character("v"))
        #expect(watcher.state.board == .supervisor, "watching the figures is what a read-only console is for")
    }
}
