import Foundation
import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// The console keeps each call's decision true while it changes: revising, the guard in the
/// picker, time passing, another position's dispatch, units leaving, the cursor, back-up.
@Suite struct LiveDecisionConsoleTests {
    /// The row of the screen that starts with `prefix`.
    func row(_ console: ConsoleHarness, startingWith prefix: String) -> Int? {
        let grid = console.screen()
        return (0..<grid.height).first { grid.text(ofRow: $0).hasPrefix(prefix) }
    }

    @Test func aKnifeRevealedAfterDispatchRaisesTheAlarmUntilPoliceBackUpIsAsked() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "112")
        console.press(.character("d"), .enter)
        #expect(console.state.shift.unit("CRT-1")?.callID == "C-0001")
        console.advance(minutes: 4)
        // r revises the call: the weapon question is the third line of the form.
        console.press(.character("r"), .tab, .tab, .character("y"), .enter)
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(call.intake.flags == ["weapon"])
        #expect(call.intake.triage.dispatch == "POLICE" && call.firstDispatch == "CRT")
        #expect(console.state.message?.isError == true)
        #expect(console.state.message?.text == "CRT-1 is unarmed on a weapon call (C-0001): request police back-up or recall")
        let queueRow = try #require(row(console, startingWith: "C-0001"))
        let unitRow = try #require(row(console, startingWith: "CRT-1"))
        #expect(console.screen()[12, queueRow].role == .unitBackup)
        #expect(console.screen()[0, unitRow].role == .unitBackup)
        #expect(console.screen().text(ofRow: queueRow).contains("W"))
        // Police back-up answers the warning: the call row is no longer in alert.
        console.press(.character("b"), .character("p"))
        #expect(console.state.currentWarnings.isEmpty)
        #expect(console.screen()[12, try #require(row(console, startingWith: "C-0001"))].role != .unitBackup)
    }

    @Test func thePickerSaysWhenTheResponseHasClosedSinceTriage() throws {
        let console = try ConsoleHarness(start: "2026-11-21T20:50")  // Saturday: CRT works until 21:00
        console.takeCall("Mental Health Crisis", beat: "111")
        #expect(console.state.shift.call("C-0001")?.intake.triage.dispatch == "CRT")
        #expect(console.screenText().contains("CRT 3/3"))
        console.advance(minutes: 10.15)  // 21:00:09
        let board = console.screenText()
        #expect(board.contains("CRT closed") && !board.contains("CRT 3/3"))
        #expect(board.contains("!POLICE"), "the queue shows the decision now, marked as changed")
        console.press(.character("d"))
        let picker = console.screenText()
        #expect(picker.contains("CRT: closed — every day 10:00–21:00, now Sat 21:00 — decision now POLICE"))
        #expect(picker.contains("Decision is POLICE"))
        // Enter on the CRT unit asks why, rather than sending it.
        guard case .dispatch(let open)? = console.state.overlay else { Issue.record("picker closed"); return }
        #expect(open.selectedUnitID?.hasPrefix("CRT") == true)
        console.press(.enter)
        guard case .dispatch(let asking)? = console.state.overlay, let override = asking.override else {
            Issue.record("no override asked"); return
        }
        #expect(override.why.contains("CRT: closed"))
        #expect(console.state.shift.unit("CRT-1")?.status == .available)
    }

    @Test(arguments: ["CN-1", "CCD-1"])
    func aFollowUpOrPhoneUnitToAWeaponCallNeedsAReason(unitID: String) throws {
        let console = try ConsoleHarness()
        console.takeCall("Trespass", beat: "214", flags: [0])
        console.press(.character("d"))
        for _ in 0..<12 {
            guard case .dispatch(let picker)? = console.state.overlay, picker.selectedUnitID != unitID else { break }
            console.press(.down)
        }
        console.press(.enter)
        guard case .dispatch(let picker)? = console.state.overlay, let override = picker.override else {
            Issue.record("\(unitID) was sent without a reason"); return
        }
        #expect(override.unitID == unitID)
        #expect(console.screenText().contains("Why send \(unitID) anyway?"))
        console.type("supervisor approved")
        console.press(.enter)
        #expect(console.state.shift.call("C-0001")?.overrides == ["supervisor approved"])
    }

    @Test func thePickerSendsTheUnitItShowsOrSaysWhoTookIt() throws {
        let first = try ConsoleHarness(operatorName: "Ana")
        let second = try ConsoleHarness(journalPath: first.journalPath, operatorName: "Bo")
        first.takeCall("Trespass", beat: "113", flags: [2])  // elevated risk: a co-response call
        first.takeCall("Trespass", beat: "223", flags: [2])
        first.press(.character("g"), .character("d"))
        guard case .dispatch(let picker)? = first.state.overlay else { Issue.record("no picker"); return }
        let highlighted = try #require(picker.selectedUnitID)
        #expect(highlighted == "COR-1")
        // Another position sends COR-2 to the same call while the picker is open: the list re-ranks.
        second.session.follow()
        second.press(.character("g"), .character("d"), .down, .enter)
        #expect(second.state.shift.call("C-0001")?.assignedUnits == ["COR-2"])
        first.session.follow()
        guard case .dispatch(let after)? = first.state.overlay else { Issue.record("picker closed"); return }
        #expect(after.selectedUnitID == "COR-1", "the highlight follows the unit, not the row")
        first.press(.enter)
        #expect(first.state.shift.call("C-0001")?.assignedUnits == ["COR-2"], "nothing sent without confirmation")
        #expect(first.state.message?.text.hasPrefix("C-0001 already has COR-2 (dispatched 14:00:00 by Bo at pos-1)") == true)
        first.press(.enter)
        #expect(first.state.shift.call("C-0001")?.assignedUnits == ["COR-2", "COR-1"])

        // The highlighted unit taken by the other position meanwhile: Enter refuses and says by whom.
        first.press(.character("G"), .character("d"))
        guard case .dispatch(let third)? = first.state.overlay else { Issue.record("no picker"); return }
        let unit = try #require(third.selectedUnitID)
        second.session.follow()
        second.session.record(.dispatch(callID: "C-0002", unitID: unit, overrideReason: "closest"), done: "", at: .live(second.now))
        #expect(second.state.shift.unit(unit)?.callID == "C-0002")
        first.session.follow()
        first.press(.enter)
        #expect(first.state.message?.isError == true)
        #expect(first.state.message?.text.contains("\(unit) is dispatched on C-0002") == true)
        #expect(first.state.message?.text.contains("by Bo at pos-1") == true)
    }

    @Test func outOfServiceOnACallAsksFirstAndPutsTheCallBackInTheQueue() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111")
        console.press(.character("d"), .enter)
        console.advance(minutes: 8)
        console.press(.character("u"))
        guard case .confirm(let question)? = console.state.overlay else { Issue.record("did not ask"); return }
        #expect(question.lines.last == "C-0001 will have no unit: it goes back to the queue as pending, its waiting time counted from now.")
        console.press(.escape)
        #expect(console.state.shift.unit("CRT-1")?.status == .dispatched)
        console.press(.character("u"), .character("y"))
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(console.state.shift.unit("CRT-1")?.status == .outOfService)
        #expect(call.isPending && call.state == .triaged && call.pendingSince == console.now)
        let queueRow = try #require(row(console, startingWith: "C-0001"))
        #expect(console.screen().text(ofRow: queueRow).contains("0:00"))
        #expect(console.screen().text(ofRow: queueRow).contains("pending"))
    }

    @Test func afterADispatchTheCursorStaysOnItsRow() throws {
        let console = try ConsoleHarness()
        for beat in ["111", "413", "214"] { console.takeCall("Mental Health Crisis", beat: beat) }
        console.press(.character("g"))
        #expect(console.state.selectedCall?.id == "C-0001")
        console.press(.character("d"), .enter)
        // C-0001 sorted below the pending calls; the cursor is on the call that moved up into its row.
        #expect(console.state.queueRows.first?.id == "C-0002")
        #expect(console.state.selectedCall?.id == "C-0002")
    }

    @Test func unaskedQuestionsReadAsNotAskedAndHoldTheDispatch() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111", askAll: false)
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(call.intake.answer("weapon") == .notAsked)
        let queueRow = try #require(row(console, startingWith: "C-0001"))
        #expect(console.screen().text(ofRow: queueRow).contains(" ? "))
        console.press(.character("d"))
        #expect(console.screenText().contains("not asked yet — ask before sending CRT"))
        console.press(.escape, .enter)
        #expect(console.screenText().contains("weapon not asked"))
    }

    @Test("with the safety questions not yet asked, the phone clinician is sent without a reason, shown as a phone, not a distance")
    func unaskedQuestionsDoNotHoldThePhoneClinician() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111", askAll: false)
        console.press(.character("d"))
        let line = try #require(console.screenText().split(separator: "\n").first { $0.contains("CCD-1  CCD") })
        #expect(line.contains("phone") && !line.contains("?") && !line.contains("not eligible"), "\(line)")
        for _ in 0..<12 {
            guard case .dispatch(let picker)? = console.state.overlay, picker.selectedUnitID != "CCD-1" else { break }
            console.press(.down)
        }
        console.press(.enter)
        #expect(console.state.overlay == nil, "sent without asking for a reason")
        #expect(console.state.shift.call("C-0001")?.assignedUnits == ["CCD-1"])
        #expect(console.state.shift.call("C-0001")?.overrides == [])
    }

    @Test("beat and location must be given deliberately; each refusal takes the cursor to the empty field")
    func beatAndLocationMustBeGivenDeliberately() throws {
        let console = try ConsoleHarness()
        console.press(.character("n"))
        console.type("sui")
        console.press(.enter, .enter)
        #expect(console.state.shift.calls.isEmpty)
        #expect(console.state.message?.text.hasPrefix("Beat is empty") == true)
        console.press(.character("?"))
        // From the last field, far from the location: Enter anywhere names the empty field and goes to it.
        console.press(Array(repeating: .down, count: 12))
        console.press(.enter)
        #expect(console.state.message?.text.hasPrefix("Location is empty") == true)
        guard case .newCall(let form)? = console.state.overlay else { Issue.record("form closed"); return }
        #expect(form.focusedField == .location)
        console.type("bridge on Main St")
        console.press(.enter)
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(call.intake.beat == nil && call.intake.location == "bridge on Main St")
        #expect(call.intake.triage.reasons.contains("CRT: beat unknown — outside-area rules apply"))
    }

    @Test func everyQuestionIsReadableAt80x24() throws {
        let console = try ConsoleHarness(width: 80, height: 24)
        console.press(.character("n"))
        let screen = console.screenText().replacingOccurrences(of: "\n", with: " ")
        let collapsed = screen.split(separator: " ").joined(separator: " ")
        for flag in Durham.policy.safetyFlags {
            #expect(collapsed.contains(flag.question), "\(flag.question) cut at 80×24")
        }
    }

    @Test func aBackUpIsAnAlertUntilAcknowledgedAndTheCountsStayVisible() throws {
        let console = try ConsoleHarness(width: 80, height: 24)
        console.takeCall("Mental Health Crisis", beat: "111")
        console.press(.character("d"), .enter, .character("o"), .character("b"), .character("p"))
        var header = console.screen().text(ofRow: 1)
        #expect(header.contains("!! BACK-UP REQUESTED: CRT-1 needs police on C-0001"))
        #expect(header.contains("Pending 0 · Active 1"), "the counts share the alert row on a short terminal")
        console.press(.character("a"))
        header = console.screen().text(ofRow: 1)
        #expect(!header.contains("BACK-UP REQUESTED") && header.contains("Pending 0 · Active 1"))
        let request = try #require(console.state.shift.backupRequests.first)
        #expect(request.acknowledgedBy == "Ana at pos-1")
        // Police arrive: recorded from the back-up menu.
        console.press(.character("b"), .character("s"))
        #expect(console.state.shift.backupRequests.first?.arrivedAt != nil)
        #expect(console.state.shift.unit("CRT-1")?.status == .onScene)

        let tall = try ConsoleHarness(width: 100, height: 30)
        tall.takeCall("Mental Health Crisis", beat: "111")
        tall.press(.character("d"), .enter, .character("b"), .character("p"))
        #expect(tall.screen().text(ofRow: 1).contains("Pending 0 · Active 1"))
        #expect(tall.screen().text(ofRow: 2).contains("!! BACK-UP REQUESTED"))
    }

    @Test func theKeyBarAndHelpComeFromTheBindingTable() throws {
        let console = try ConsoleHarness(width: 120, height: 40)
        let bar = console.screen().text(ofRow: 39)
        for binding in ConsoleState.boardBindings where binding.functionKey != nil {
            let key = "F\(binding.functionKey!)"
            #expect(bar.contains(key + binding.label) || bar.contains(key + binding.shortLabel))
        }
        // No call selected: dispatch is greyed, and the key says why.
        #expect(console.screen()[bar.distance(from: bar.startIndex, to: bar.range(of: "F4")!.lowerBound), 39].role == .dim)
        console.press(.character("d"))
        #expect(console.state.message?.text == "Select an open call in the queue to dispatch a unit to it")
        console.press(.character("?"))
        let help = console.screenText()
        for binding in ConsoleState.boardBindings.prefix(10) { #expect(help.contains(binding.keyLabel)) }
    }
}
