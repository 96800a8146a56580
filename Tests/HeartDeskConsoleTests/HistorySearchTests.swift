import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// Closed calls stay findable: the filter searches the whole shift and details tell a closed call's life.
@Suite struct HistorySearchTests {
    @Test func theFilterFindsAClosedCallDimmedAndItsDetailsTellItsWholeLife() throws {
        let console = try ConsoleHarness(width: 120, height: 35)
        console.takeCall("Mental Health Crisis", beat: "111", caller: "Nguyễn Văn Peña")
        console.press(.character("d"), .enter)
        console.advance(minutes: 6)
        console.press(.character("o"))
        console.advance(minutes: 20)
        console.press(.character("x"), .enter)  // closed: the picker's first disposition
        console.takeCall("Trespass", beat: "111", caller: "Bo")
        #expect(!console.screenText().contains("C-0001"), "closed calls leave the queue")

        console.press(.character("/"))
        console.type("pena")
        console.press(.enter)
        let screen = console.screen()
        let text = console.screenText()
        let row = try #require((0..<screen.height).first { screen.text(ofRow: $0).hasPrefix("C-0001") })
        #expect(screen[0, row].role == .queueClosed || screen[0, row].role == .rowSelected)
        #expect(screen.text(ofRow: row).hasPrefix("C-0001   26:00"), "its age stopped when it closed")
        #expect(screen.text(ofRow: row).hasSuffix("closed    "))
        #expect(text.contains("0 pending · 0 open · 1 closed"))
        #expect(!text.contains("C-0002"))

        console.press(.enter)
        let details = console.screenText()
        #expect(details.contains("state closed resolved-on-scene"))
        #expect(details.contains("History: 14:00:00 received · 14:00:00 CRT-1 dispatched · 14:06:00 CRT-1 on scene"))
        #expect(details.contains("14:26:00 closed:"))

        console.press(.escape, .escape)  // the details, then the filter
        #expect(console.state.filter.isEmpty)
        #expect(!console.screenText().contains("C-0001"))
    }
}
