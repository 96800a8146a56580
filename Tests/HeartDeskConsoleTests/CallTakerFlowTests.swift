import Foundation
import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// What a call-taker does at the keyboard, through the session to the journal and back.
@Suite struct CallTakerFlowTests {
    @Test(arguments: [
        ("mental", "Mental Health Crisis"),
        ("MHC", "Mental Health Crisis"),
        ("edp", "Mental Health Crisis"),       // an alias
        ("welfare", "Non-urgent Welfare Check"),
        ("tres", "Trespass"),                  // a code prefix
        ("cooling", "Non-urgent Welfare Check"),
    ])
    func typeAheadTakesNamesCodesAndAliases(typed: String, expected: String) throws {
        let console = try ConsoleHarness()
        console.press(.character("n"))
        console.type(typed)
        console.press(.tab)
        guard case .newCall(let form)? = console.state.overlay else { Issue.record("form closed"); return }
        #expect(form.text(.callType) == expected)
    }

    @Test func aNewCallIsRoutedLiveAndRecordedWithItsDecision() throws {
        let console = try ConsoleHarness()
        console.press(.character("n"))
        console.type("Mental Health Crisis")
        console.press(.tab)
        console.type("111")
        #expect(console.screenText().contains("Dispatch   CRT"))
        // Answering yes to the weapon question changes the decision before anything is recorded.
        console.press(.tab, .character("y"))
        let screen = console.screenText()
        #expect(!screen.contains("Dispatch   CRT"))
        #expect(screen.contains("CRT: not eligible — weapon"))
        #expect(console.state.shift.calls.isEmpty)
        console.press(.character("n"), .tab, .character("n"), .tab, .tab)
        console.type("5 Elm St")
        console.press(.tab)
        console.type("Nguyễn Thị Peña")
        console.press(.enter)
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(call.intake.callerName == "Nguyễn Thị Peña")
        #expect(call.intake.triage.dispatch == "CRT")
        #expect(console.state.overlay == nil)
        #expect(console.state.message?.text.hasPrefix("C-0001 recorded: dispatch CRT, phone CCD, follow-up CN") == true)
    }

    @Test func anUnknownCallTypeIsRefusedAndTheFormKeepsWhatWasTyped() throws {
        let console = try ConsoleHarness()
        console.press(.character("n"))
        console.type("zzz")
        console.press(.tab)
        console.type("111")
        console.press(.enter)
        #expect(console.state.message?.isError == true)
        #expect(console.state.message?.text.contains("unknown call type 'zzz'") == true)
        guard case .newCall(let form)? = console.state.overlay else { Issue.record("form lost"); return }
        #expect(form.text(.beat) == "111")
        #expect(console.state.shift.calls.isEmpty)
    }

    @Test func dispatchStatusesBackupAndCloseMoveTheUnitAndQueueAFollowUp() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111", caller: "Ana Peña")
        console.press(.character("d"))
        #expect(console.screenText().contains("CRT-1: nearest available CRT, 0.0 km from beat 111"))
        console.press(.enter)
        #expect(console.state.shift.unit("CRT-1")?.status == .dispatched)
        for (key, status) in [("e", UnitStatus.enRoute), ("o", .onScene)] {
            console.press(.character(Character(key)))
            #expect(console.state.shift.unit("CRT-1")?.status == status)
        }
        console.press(.character("b"), .character("p"))
        #expect(console.state.shift.unit("CRT-1")?.status == .backupRequested)
        #expect(console.screenText().contains("!! BACK-UP REQUESTED: CRT-1 needs police on C-0001"))
        console.press(.character("x"), .enter)
        let call = try #require(console.state.shift.call("C-0001"))
        #expect(call.disposition == .resolvedOnScene)
        #expect(console.state.shift.unit("CRT-1")?.status == .available)
        #expect(console.state.shift.followUps.map(\.id) == ["F-0001"])
        #expect(console.state.message?.text == "C-0001 closed: resolved-on-scene, CN follow-up queued")
    }

    @Test func sendingAUnitAgainstTheDecisionNeedsAReason() throws {
        let console = try ConsoleHarness()
        console.takeCall("Trespass", beat: "121")  // outside the service area: police
        console.press(.character("d"))
        #expect(console.screenText().contains("Decision is POLICE: hand the call to POLICE dispatch"))
        console.press(.enter)  // the first unit listed needs an override
        console.press(.enter)  // an empty reason is refused
        #expect(console.state.message?.isError == true)
        #expect(console.state.shift.calls[0].dispatchedUnits.isEmpty)
        console.type("police delayed 40 min, caller asked for HEART")
        console.press(.enter)
        let call = console.state.shift.calls[0]
        #expect(call.dispatchedUnits.count == 1)
        #expect(call.overrides == ["police delayed 40 min, caller asked for HEART"])
    }

    @Test func quitAsksOnlyWhenAFormHoldsTypedInput() throws {
        let idle = try ConsoleHarness()
        idle.press(.function(10))
        #expect(idle.state.wantsQuit)

        let emptyForm = try ConsoleHarness()
        emptyForm.press(.character("n"), .function(10))
        #expect(emptyForm.state.wantsQuit)

        let typing = try ConsoleHarness()
        typing.press(.character("n"))
        typing.type("Suicide")
        typing.press(.function(10))
        #expect(!typing.state.wantsQuit)
        #expect(typing.screenText().contains("Unsaved input will be lost"))
        typing.press(.character("n"))  // stay
        guard case .newCall(let form)? = typing.state.overlay else { Issue.record("form lost"); return }
        #expect(form.text(.callType) == "Suicide")
        typing.press(.function(10), .character("y"))
        #expect(typing.state.wantsQuit)
    }

    @Test func escCancelsTheFormWithoutRecording() throws {
        let console = try ConsoleHarness()
        console.press(.character("n"))
        console.type("Trespass")
        console.press(.escape)
        #expect(console.state.overlay == nil)
        #expect(console.state.shift.calls.isEmpty)
    }

    @Test func theFilterNarrowsTheQueueAndEscShowsAll() throws {
        let console = try ConsoleHarness()
        console.takeCall("Trespass", beat: "111")
        console.takeCall("Mental Health Crisis", beat: "113")
        console.press(.character("/"))
        console.type("mental")
        console.press(.enter)
        #expect(console.state.queueRows.map(\.id) == ["C-0002"])
        console.press(.escape)
        #expect(console.state.queueRows.count == 2)
    }

    @Test func pendingCallsComeFirstByPriorityThenAge() throws {
        let console = try ConsoleHarness()
        console.takeCall("Trespass", beat: "111")                  // priority 2
        console.advance(minutes: 1)
        console.takeCall("Mental Health Crisis", beat: "111")      // priority 2, younger
        console.takeCall("Trespass", beat: "111", flags: [0])     // weapon: priority 1
        #expect(console.state.queueRows.map(\.id) == ["C-0003", "C-0001", "C-0002"])
        console.press(.home)
        console.press(.character("d"), .enter)                     // C-0003 dispatched: no longer pending
        #expect(console.state.queueRows.map(\.id).first == "C-0001")
    }

    @Test func aFollowUpTurnsOverdueAfter48HoursAndCanBeMarkedContacted() throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: "111")
        console.press(.character("d"), .enter, .character("x"), .enter)
        console.press(.tab, .tab, .tab)  // queue → units → beats → follow-ups
        #expect(console.state.focus == .followUps)
        #expect(console.screenText().contains("in 48h00"))
        console.advance(minutes: 48 * 60 + 1)
        #expect(console.screenText().contains("OVERDUE"))
        console.press(.character("f"), .character("c"))
        #expect(console.state.shift.followUps[0].status == .contacted)
    }

    @Test func aSecondConsoleOnTheSameJournalSeesTheFirstOnesCalls() throws {
        let first = try ConsoleHarness()
        let second = try ConsoleHarness(journalPath: first.journalPath, operatorName: "Ben")
        first.takeCall("Mental Health Crisis", beat: "111")
        #expect(second.state.shift.calls.isEmpty)
        #expect(second.session.follow())
        #expect(second.state.shift.calls.map(\.id) == ["C-0001"])
        second.press(.character("d"), .enter)
        first.session.follow()
        #expect(first.state.shift.unit("CRT-1")?.callID == "C-0001")
    }

    @Test func aReadOnlyConsoleRecordsNothing() throws {
        let writer = try ConsoleHarness()
        writer.takeCall("Trespass", beat: "111")
        let reader = try ConsoleHarness(journalPath: writer.journalPath, mode: .read)
        // Refused at the key, before anything is typed that could not be kept.
        reader.press(.character("n"))
        #expect(reader.state.message?.text.contains("read-only") == true)
        #expect(reader.state.overlay == nil)
        reader.press(.character("d"))
        #expect(reader.state.message?.text.contains("read-only") == true)
        #expect(reader.state.shift.calls.count == 1)
    }
}
