import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// Sorting the queue and the unit board as htop does: `>` `<` step through the columns, `I` turns the order round,
/// the header marks the column, and the selection stays on the same call or unit.
@Suite("Board sort keys")
struct BoardSortTests {
    /// The queue's ids top to bottom.
    func queueIDs(_ console: ConsoleHarness) -> [String] { console.state.queueRows.map(\.id) }

    @Test("the queue steps through its columns; each order is the one its column promises")
    func queueOrders() throws {
        // C-0001 MHC 111 dispatched · C-0002 Suicide Threat 413 dispatched · C-0003 Trespass 121 · C-0004 Domestic
        // Violence 214 (weapon, P1) · C-0005 Non-urgent Welfare Check 512: three pending, two with units.
        let console = try ScreenSnapshotTests.busyShift(width: 120, height: 35)
        #expect(queueIDs(console) == ["C-0004", "C-0003", "C-0005", "C-0001", "C-0002"], "triage: pending first, P1 on top")
        var seen: [QueueSortColumn: [String]] = [:]
        for _ in QueueSortColumn.allCases.dropFirst() {
            console.press(.character(">"))
            seen[console.state.queueSort.column] = queueIDs(console)
        }
        // C-0003 and C-0004 came in the same minute: equals keep triage order, the P1 first.
        #expect(seen[.age] == ["C-0001", "C-0002", "C-0004", "C-0003", "C-0005"], "oldest first")
        #expect(seen[.type] == ["C-0004", "C-0001", "C-0005", "C-0002", "C-0003"], "Domestic… Mental… Non-urgent… Suicide… Trespass")
        #expect(seen[.beat] == ["C-0001", "C-0003", "C-0004", "C-0002", "C-0005"], "111 121 214 413 512")
        #expect(seen[.call] == ["C-0001", "C-0002", "C-0003", "C-0004", "C-0005"])
        console.press(.character(">"))
        #expect(console.state.queueSort.column == .triage, "past the last column it comes round to triage order")
    }

    @Test("I turns the order round, the header marks the column, the selection stays on its call")
    func invertAndMark() throws {
        let console = try ScreenSnapshotTests.busyShift(width: 120, height: 35)
        console.press(.down)
        let selected = try #require(console.state.selectedCallID)
        console.press(.character(">"))  // age, oldest first
        #expect(console.state.message?.text == "Call queue sorted by age ↓")
        var screen = console.screenText()
        #expect(screen.contains("AGE↓") && screen.contains("by age ↓"))
        console.press(.character("I"))
        #expect(queueIDs(console) == ["C-0005", "C-0004", "C-0003", "C-0002", "C-0001"], "newest first")
        screen = console.screenText()
        #expect(screen.contains("AGE↑") && screen.contains("by age ↑"))
        #expect(console.state.selectedCallID == selected, "the highlight follows the call, not the row")
        console.press(.character("<"))
        #expect(console.state.queueSort == BoardSort(column: .triage), "< goes back a column, in its natural order")
        #expect(!console.screenText().contains("· by triage"), "the pane's title does not announce the usual order")
    }

    @Test("the unit board: phone positions after the field units, then by status and by time in status")
    func unitOrders() throws {
        let console = try ScreenSnapshotTests.busyShift(width: 120, height: 35)
        console.press(.tab)
        let roster = console.state.unitRows.map(\.id)
        #expect(roster.suffix(2) == ["CCD-1", "CCD-2"], "the phone positions close the list: \(roster)")
        #expect(console.screenText().contains("phone"), "a phone position shows no beat")
        console.press(.character(">"))  // status
        let byStatus = console.state.unitRows.map(\.status)
        #expect(byStatus.first == .available && byStatus.firstIndex(of: .onScene)! > byStatus.lastIndex(of: .available)!)
        console.press(.character(">"))  // time in status: the longest first
        let since = console.state.unitRows.map(\.statusSince)
        #expect(since == since.sorted())
        #expect(console.screenText().contains("TIME↓"))
    }

    @Test("the sort keys say why they do nothing in the beat list", arguments: [Key.character(">"), .character("<"), .character("I")])
    func refusedOutsideSortableLists(key: Key) throws {
        let console = try ScreenSnapshotTests.busyShift(width: 160, height: 48)
        console.press(.tab, .tab)  // beats
        console.press(key)
        #expect(console.state.message?.text == "Sorting works in the call queue and the unit board: Tab to one")
    }
}
