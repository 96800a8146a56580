import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// The real binary in tmux, on the shipped Durham policy and a pinned clock (a Monday afternoon):
/// the knife revealed after dispatch, and two positions on one call's picker.
@Suite(.serialized) struct CallSafetyEndToEndTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.journal") }

    func console(_ operatorName: String, position: String) throws -> TmuxConsole {
        try TmuxConsole(["--journal", journal, "--operator", operatorName, "--position", position], width: 120, height: 32)
    }

    @Test func theKnifeRevealedAfterDispatchIsRecordedAndWarnedUntilBackUp() throws {
        let tmux = try console("Ana", position: "ct-1")
        try tmux.waitFor("Call queue")
        try tmux.takeCall(type: "Mental Health Crisis", beat: "112", location: "12 Oak St")
        try tmux.waitFor("C-0001 recorded: dispatch CRT")
        try tmux.keys("d")
        try tmux.waitFor("nearest available CRT")
        try tmux.keys("Enter")
        try tmux.waitFor("dispatched to C-0001")
        // The caller: "he picked up a kitchen knife". r, then the weapon question.
        try tmux.keys("r")
        try tmux.waitFor("Revise C-0001")
        try tmux.keys("Tab", "Tab", "y", "Enter")
        let alert = try tmux.waitFor("is unarmed on a weapon call (C-0001): request police back-up or recall")
        #expect(alert.contains("POLICE"))
        try tmux.keys("b", "p")
        try tmux.waitFor("BACK-UP REQUESTED")
        try tmux.keys("a")
        try tmux.waitFor("acknowledged")
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")

        let shift = try Journal.open(journal, mode: .read).state
        let call = try #require(shift.call("C-0001"))
        #expect(call.intake.flags == ["weapon"] && call.intake.triage.dispatch == "POLICE")
        #expect(call.retriages.first?.operatorName == "Ana" && call.retriages.first?.changes == ["weapon no → yes"])
        #expect(shift.backupRequests.first?.acknowledgedBy == "Ana at ct-1")
        #expect(shift.warnings(for: call, router: Durham.router, at: Durham.instant(HeartDeskBinary.testClock)).isEmpty)
    }

    @Test func aPickerOpenWhileAnotherPositionDispatchesSendsTheUnitShownOrNothing() throws {
        let first = try console("Ana", position: "ct-1")
        try first.waitFor("Call queue")
        try first.takeCall(type: "Trespass", beat: "113", location: "Ninth St")
        try first.waitFor("C-0001 recorded")
        let second = try console("Bo", position: "ct-2")
        try second.waitFor("C-0001")
        // Ana opens the picker; Bo sends the recommended team first.
        try first.keys("d")
        try first.waitFor("recommended")
        try second.keys("d")
        try second.waitFor("recommended")
        try second.keys("Enter")
        try second.waitFor("dispatched to C-0001")
        try first.waitFor("CRT-1  CRT  dispatched C-0001", seconds: 5)
        // Ana's highlight stayed on CRT-1 as the list re-ranked: Enter refuses and says who took it.
        try first.keys("Enter")
        try first.waitFor("CRT-1 is dispatched on C-0001 since 14:30")
        #expect(try first.screen().contains("(by Bo at ct-2), not available"))
        #expect(try Journal.open(journal, mode: .read).state.call("C-0001")?.assignedUnits == ["CRT-1"])
        // Choosing CRT-2 instead asks first: the call already has a team.
        try first.keys("g", "Enter")
        try first.waitFor("C-0001 already has CRT-1")
        try first.keys("Enter")
        try first.waitFor("CRT-2 dispatched to C-0001 as well")
        #expect(try Journal.open(journal, mode: .read).state.call("C-0001")?.assignedUnits == ["CRT-1", "CRT-2"])
        try first.keys("F10")
        try second.keys("F10")
        try first.waitFor("EXIT:0")
        try second.waitFor("EXIT:0")
    }
}
