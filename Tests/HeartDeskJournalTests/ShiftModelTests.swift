import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// The shift's rules as a call-taker meets them: what is allowed, what is refused, what follows.
@Suite("Shift model")
struct ShiftModelTests {
    let directory = TemporaryDirectory()

    func driver() throws -> ShiftDriver { try ShiftDriver(path: directory.path("shift.hdj")) }

    @Test("a call goes new → triaged → dispatched → en route → on scene → closed as its unit reports")
    func callLife() throws {
        var shift = try driver()
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111", callerName: "Peña")))
        #expect(shift.journal.state.call("C-0001")?.state == .triaged)
        #expect(shift.journal.state.call("C-0001")?.intake.triage.dispatch == "CRT")
        shift.advance(minutes: 1)
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        #expect(shift.journal.state.unit("CRT-1")?.status == .dispatched)
        #expect(shift.journal.state.call("C-0001")?.state == .dispatched)
        try shift.run(.setStatus(unitID: "CRT-1", status: .enRoute))
        try shift.run(.setStatus(unitID: "CRT-1", status: .onScene))
        #expect(shift.journal.state.call("C-0001")?.state == .onScene)
        shift.advance(minutes: 30)
        let closed = try shift.run(.close(callID: "C-0001", disposition: .resolvedOnScene, declineFollowUp: false))
        guard case .callClosed(_, _, let followUpID?) = closed.first?.body else { Issue.record("no follow-up queued"); return }
        let state = shift.journal.state
        #expect(state.unit("CRT-1")?.status == .available)
        #expect(state.unit("CRT-1")?.callID == nil)
        let followUp = try #require(state.followUp(followUpID))
        #expect(followUp.response == "CN")
        #expect(followUp.dueAt.timeIntervalSince(followUp.createdAt) == 48 * 3600)
    }

    @Test("refused commands say why and write nothing", arguments: [
        (ShiftCommand.dispatch(callID: "C-0009", unitID: "CRT-1", overrideReason: nil), "no call C-0009"),
        (.dispatch(callID: "C-0001", unitID: "CRT-9", overrideReason: nil), "no unit CRT-9"),
        (.dispatch(callID: "C-0001", unitID: "CRT-4", overrideReason: nil), "CRT-4 is off duty since 10:30:00 (by tester at test), not available"),
        (.dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: nil), "not eligible for COR"),
        (.dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: "  "), "give --override REASON"),
        (.setStatus(unitID: "CRT-1", status: .onScene), "CRT-1 is not on a call"),
        (.setStatus(unitID: "CRT-1", status: .dispatched), "dispatching it to a call"),
        (.setStatus(unitID: "CRT-1", status: .available), "already available"),
        (.requestBackup(unitID: "CRT-1", kind: .police), "not on a call"),
        (.addNote(callID: "C-0001", text: "   "), "the note is empty"),
        (.newCall(NewCall.screened(callType: "Mental Helth", beat: "111")), "did you mean Mental Health Crisis"),
        (.newCall(NewCall.screened(callType: "Trespass", beat: "777")), "unknown beat '777'"),
        (.newCall(NewCall.screened(callType: "Trespass", beat: "111", priority: 7)), "priority 7 is not one of policy Durham HEART's"),
        (.setFollowUpStatus(followUpID: "F-0001", status: .contacted), "no follow-up F-0001"),
        (.openShift(units: []), "already open"),
        (.offerCall(ringing("r1")), "calls ring through HeartDesk only in an exercise"),
        (.newCall(NewCall.screened(callType: "Trespass", beat: "111", answering: "r1")), "no ringing call r1"),
        (.revise(callID: "C-0001", CallRevision(answers: ["knife": .yes]), note: ""), "safety flag 'knife' is not in policy"),
        (.revise(callID: "C-0001", CallRevision(answers: ["weapon": .no]), note: ""), "C-0001 already has those facts"),
        (.revise(callID: "C-0001", CallRevision(), note: ""), "nothing to revise on C-0001"),
        (.revise(callID: "C-0001", CallRevision(beat: "99x"), note: ""), "unknown beat '99x'"),
        (.acknowledgeBackup(unitID: "CRT-1"), "no back-up request"),
        (.startExercise(title: "Drill", scenario: "drill"), "cannot start in a journal that already has calls"),
        (.announce("  "), "the announcement is empty"),
    ])
    func refused(command: ShiftCommand, message: String) throws {
        let shift = try driver()
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111")))
        let before = directory.bytes("shift.hdj")
        let state = shift.journal.state
        #expect {
            try shift.run(command)
        } throws: { error in
            "\(error)".contains(message)
        }
        #expect(directory.bytes("shift.hdj") == before)
        #expect(shift.journal.state == state)
    }

    @Test("a ringing exercise call is answered once; a revealed flag re-routes the call and keeps the first decision")
    func ringingAndRetriage() throws {
        let shift = try driver()
        try shift.run(.startExercise(title: "Drill", scenario: "drill"))
        try shift.run(.offerCall(ringing("r1")))
        #expect(shift.journal.state.ringingCalls.map(\.id) == ["r1"])
        let events = try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111", answering: "r1")))
        #expect(events.count == 2)
        #expect(shift.journal.state.ringingCalls.isEmpty)
        #expect(shift.journal.state.call("C-0001")?.incomingID == "r1")
        #expect {
            try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111", answering: "r1")))
        } throws: { "\($0)".contains("ringing call r1 was already answered as C-0001") }
        try shift.run(.revise(callID: "C-0001", CallRevision(answers: ["weapon": .yes]), note: "Caller: he has a knife"))
        let call = try #require(shift.journal.state.call("C-0001"))
        #expect(call.intake.flags == ["weapon"] && call.intake.priority == 1)
        #expect(call.intake.triage.dispatch == "POLICE" && !call.intake.triage.eligible.contains("CRT"))
        #expect(call.firstDispatch == "CRT")
        #expect(call.notes.last?.text == "Caller: he has a knife")
        try shift.run(.announce("CRT-2 has a flat tyre"))
        // Every new kind of event reads back as it was written.
        let replayed = try Journal.open(directory.path("shift.hdj"), mode: .read)
        #expect(replayed.state == shift.journal.state)
        #expect(replayed.state.incomingCall("r1")?.call == ringing("r1"))
        #expect(replayed.state.exercise?.title == "Drill" && replayed.state.facilitatorNotes.map(\.text) == ["CRT-2 has a flat tyre"])
    }

    @Test("an override sends another eligible-or-not unit, and the reason is on the record")
    func override() throws {
        let shift = try driver()
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: "CRT units all committed"))
        #expect(shift.journal.state.call("C-0001")?.overrides == ["CRT units all committed"])
        #expect(shift.journal.state.unit("COR-1")?.callID == "C-0001")
    }

    @Test("back-up requests are counted with who and when; clearing a call frees every unit on it")
    func backup() throws {
        var shift = try driver()
        try shift.run(.newCall(NewCall.screened(callType: "Trespass", beat: "113", flags: ["elevated-risk"])))
        try shift.run(.dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: nil))
        #expect {
            try shift.run(.dispatch(callID: "C-0001", unitID: "CN-1", overrideReason: "peer support asked for"))
        } throws: { "\($0)".contains("C-0001 already has COR-1") && "\($0)".contains("give --also to send CN-1 as well") }
        try shift.run(.dispatch(callID: "C-0001", unitID: "CN-1", overrideReason: "peer support asked for", also: true))
        shift.advance(minutes: 12)
        try shift.run(.requestBackup(unitID: "COR-1", kind: .police))
        let state = shift.journal.state
        #expect(state.backupRequests.count == 1)
        #expect(state.backupRequests.first?.unitID == "COR-1")
        #expect(state.backupRequests.first?.operatorName == "tester")
        #expect(state.backupRequests.first?.time == shift.clock)
        #expect(state.unit("COR-1")?.status == .backupRequested)
        try shift.run(.close(callID: "C-0001", disposition: .handedToPolice, declineFollowUp: true))
        #expect(shift.journal.state.unit("COR-1")?.status == .available)
        #expect(shift.journal.state.unit("CN-1")?.status == .available)
        #expect(shift.journal.state.followUps.isEmpty)
    }

    @Test("no follow-up for a call HEART was not involved in, or one cancelled")
    func noFollowUp() throws {
        let shift = try driver()
        try shift.run(.newCall(NewCall.screened(callType: "Burglary", beat: "111")))
        try shift.run(.close(callID: "C-0001", disposition: .handedToPolice, declineFollowUp: false))
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111")))
        try shift.run(.close(callID: "C-0002", disposition: .cancelled, declineFollowUp: false))
        #expect(shift.journal.state.followUps.isEmpty)
    }

    @Test("every event carries wall time, shift time, position and operator")
    func stamps() throws {
        let shift = try driver()
        let events = try shift.run(.newCall(NewCall.screened(callType: "Lost Person", beat: "512")))
        let event = try #require(events.first)
        #expect(event.shiftTime == shift.clock)
        #expect(event.position == "test")
        #expect(event.operatorName == "tester")
    }
}

/// A ringing exercise call for the shift-model tests.
private func ringing(_ id: String) -> IncomingCall {
    IncomingCall(id: id, narrative: "He is pacing and shouting.", location: "410 Gray Ave", beat: "111", callerName: "",
                 callback: "", language: "Spanish", answers: [SafetyAnswer(flag: "violent", words: "no")],
                 expected: ExpectedHandling(callType: "Mental Health Crisis", dispatch: "CRT", followUp: "CN"))
}

extension ShiftModelTests {
    /// Calls are found by the number in their id when they sit where it says, and by a table otherwise: ids written
    /// by hand or by another system must still be found, told apart and refused when repeated.
    @Test("calls are found by id however they are numbered; a repeated id is refused, a differently padded one is another call")
    func callsFoundByAnyID() {
        let opened = Durham.instant("2026-11-23T08:00")
        var events: [ShiftEvent] = []
        func received(_ id: String) {
            let intake = CallIntake(id: id, callType: "Trespass", beat: "111", flags: [], location: "1 Main St", callerName: "",
                                    callback: "", language: "", priority: 2, note: "",
                                    triage: TriageRecord(dispatch: "POLICE", phone: nil, followUp: nil, eligible: [], reasons: []))
            events.append(EventStamp.live(at: opened + Double(events.count), position: "ct-1", operatorName: "Ada")
                .event(.callReceived(intake)))
        }
        // Out of place, in place, foreign, padded two ways, and two repeats.
        for id in ["C-0002", "C-0001", "X-17", "C-0004", "C-4", "C-0002", "X-17", "C-0000", "C-"] { received(id) }
        events.append(EventStamp.live(at: opened + 60, position: "ct-1", operatorName: "Ada")
            .event(.noteAdded(callID: "C-4", text: "found by its own id")))
        let state = ShiftState(replaying: events)
        #expect(state.calls.map(\.id) == ["C-0002", "C-0001", "X-17", "C-0004", "C-4", "C-0000", "C-"])
        #expect(state.inconsistentEvents == 2)
        for (position, call) in state.calls.enumerated() { #expect(state.call(call.id)?.id == call.id, "call \(position + 1)") }
        #expect(state.call("C-4")?.notes.map(\.text) == ["found by its own id"])
        #expect(state.call("C-0004")?.notes.isEmpty == true)
        #expect(state.call("C-0003") == nil && state.call("C-04") == nil && state.call("c-0001") == nil)
    }
}
