import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// Timers change colour at the policy's thresholds (Durham: pending call 2 / 5 min, dispatched 2 / 5, on scene 45 / 60).
@Suite struct TimerColourTests {
    /// The role of the first cell of `text` on the row that contains `rowText`.
    func role(of text: String, onRowWith rowText: String, in grid: CellGrid) -> ThemeRole? {
        for y in 0..<grid.height {
            let row = grid.text(ofRow: y)
            guard row.contains(rowText), let range = row.range(of: text) else { continue }
            return grid[row[..<range.lowerBound].displayWidth, y].role
        }
        return nil
    }

    @Test(arguments: [(1.0, "1:00", ThemeRole.queue), (2.5, "2:30", .queueWarn), (5.0, "!5:00", .queueAlert)])
    func aPendingCallsAgeTurnsWarningThenAlert(minutes: Double, shown: String, expected: ThemeRole) throws {
        let console = try ConsoleHarness()
        console.takeCall("Trespass", beat: "111")
        console.press(.tab)  // the queue row is then not drawn as selected
        console.advance(minutes: minutes)
        #expect(role(of: shown, onRowWith: "C-0001", in: console.screen()) == expected)
    }

    @Test(arguments: [(1.0, ThemeRole.unit), (3.0, .unitWarn), (6.0, .unitAlert)])
    func aUnitDispatchedButNotEnRouteTurnsWarningThenAlert(minutes: Double, expected: ThemeRole) throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111")
        console.press(.character("d"), .enter)
        console.advance(minutes: minutes)
        let shown = (minutes >= 5 ? "!" : "") + "\(Int(minutes)):00"
        #expect(role(of: shown, onRowWith: "CRT-1  CRT", in: console.screen()) == expected)
    }

    @Test func aBackUpRequestIsAnAlertAtOnce() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111")
        console.press(.character("d"), .enter, .character("o"), .character("b"), .character("m"))
        #expect(role(of: "BACK-UP EMS", onRowWith: "CRT-1  CRT", in: console.screen()) == .unitBackup)
        #expect(role(of: "!! BACK-UP", onRowWith: "BACK-UP REQUESTED", in: console.screen()) == .headerWarning)
    }
}
