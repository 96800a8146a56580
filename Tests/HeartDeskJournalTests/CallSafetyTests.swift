import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// A call's decision stays true for its whole life: the guard checks the decision at the moment
/// of dispatch, a revision re-routes and warns, units leaving a call never orphan it.
@Suite("Call safety")
struct CallSafetyTests {
    let directory = TemporaryDirectory()

    func driver(at start: String = "2026-11-23T14:00") throws -> ShiftDriver {
        try ShiftDriver(path: directory.path("shift.hdj"), start: Durham.instant(start))
    }

    func refusal(_ shift: ShiftDriver, _ command: ShiftCommand) -> String? {
        do { try shift.run(command); return nil } catch { return "\(error)" }
    }

    @Test("the guard checks each unit against the decision now", arguments: [
        // call type, beat, weapon, unit, refused because (nil: sent without override)
        ("Trespass", "214", true, "CN-1", "CN is a follow-up after the call closes"),
        ("Trespass", "214", true, "CCD-1", "C-0001 is not eligible for CCD now — CCD: not eligible — Trespass is not a CCD call type"),
        ("Trespass", "214", true, "CRT-1", "C-0001 is not eligible for CRT now — CRT: not eligible — weapon reported (decision now COR)"),
        ("Trespass", "214", true, "COR-1", nil),
        ("Mental Health Crisis", "111", false, "CRT-1", nil),
        ("Mental Health Crisis", "111", false, "CCD-1", nil),  // the clinician takes it by phone: eligible now
        ("Mental Health Crisis", "111", false, "CN-1", "CN is a follow-up"),
        ("Mental Health Crisis", "121", false, "CRT-1", "CRT: beat 121 is outside the service area"),
    ] as [(String, String, Bool, String, String?)])
    func guardAgainstTheLiveDecision(type: String, beat: String, weapon: Bool, unit: String, refused: String?) throws {
        let shift = try driver()
        try shift.run(.newCall(.screened(callType: type, beat: beat, flags: weapon ? ["weapon"] : [], location: "1 Main St")))
        let error = refusal(shift, .dispatch(callID: "C-0001", unitID: unit, overrideReason: nil))
        if let refused {
            #expect(error?.contains(refused) == true, "\(error ?? "sent")")
            #expect(error?.hasSuffix("give --override REASON to send \(unit) anyway") == true)
            // With a reason the call-taker may still send it, and the reason is on the record.
            try shift.run(.dispatch(callID: "C-0001", unitID: unit, overrideReason: "supervisor said so"))
            #expect(shift.journal.state.call("C-0001")?.overrides == ["supervisor said so"])
        } else {
            #expect(error == nil)
        }
    }

    @Test("a response that closes while the call waits is refused at the moment of dispatch")
    func closedAtDispatch() throws {
        var shift = try driver(at: "2026-11-21T20:50")  // a Saturday: CRT works until 21:00
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111", location: "1 Main St")))
        #expect(shift.journal.state.call("C-0001")?.intake.triage.dispatch == "CRT")
        shift.advance(minutes: 15)
        let error = refusal(shift, .dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        #expect(error?.contains("C-0001 is not eligible for CRT now — CRT: closed — every day 10:00–21:00, now Sat 21:05") == true,
                "\(error ?? "sent")")
        #expect(error?.contains("(decision now POLICE)") == true)
        let call = try #require(shift.journal.state.call("C-0001"))
        let live = try #require(LiveDecision(for: call, router: Durham.router, at: shift.clock))
        #expect(live.changeSummary == "CRT: closed — every day 10:00–21:00, now Sat 21:05 — decision now POLICE")
        // The record keeps what triage said.
        #expect(call.intake.triage.dispatch == "CRT")
    }

    @Test("required questions must be answered before a HEART team goes in person; a phone clinician and police need no answers")
    func requiredQuestions() throws {
        let shift = try driver()
        try shift.run(.newCall(NewCall(callType: "Mental Health Crisis", beat: "111", flags: [], flagsAnsweredNo: ["weapon"],
                                       location: "1 Main St")))
        // The same facts on a second call: the 911 center's clinician takes it by phone, no override asked for.
        try shift.run(.newCall(NewCall(callType: "Mental Health Crisis", beat: "111", flags: [], flagsAnsweredNo: ["weapon"],
                                       location: "2 Main St")))
        #expect(refusal(shift, .dispatch(callID: "C-0002", unitID: "CCD-1", overrideReason: nil)) == nil)
        #expect(shift.journal.state.call("C-0002")?.overrides == [])
        let call = try #require(shift.journal.state.call("C-0001"))
        #expect(call.intake.answer("weapon") == .no)
        #expect(call.intake.answer("violent") == .notAsked)
        let error = refusal(shift, .dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        #expect(error?.contains("“Is anyone physically violent toward others?” not asked yet — ask before sending CRT") == true)
        try shift.run(.revise(callID: "C-0001", CallRevision(answers: ["violent": .no]), note: ""))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        #expect(shift.journal.state.unit("CRT-1")?.callID == "C-0001")
    }

    @Test("a second unit on a call needs --also, and says who is already there")
    func secondUnit() throws {
        let shift = try driver()
        try shift.run(.newCall(.screened(callType: "Trespass", beat: "113", flags: ["elevated-risk"], location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "COR-2", overrideReason: nil), by: "Bo", at: "pos-2")
        let error = refusal(shift, .dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: nil))
        #expect(error == "C-0001 already has COR-2 (dispatched 14:00:00 by Bo at pos-2); give --also to send COR-1 as well")
        try shift.run(.dispatch(callID: "C-0001", unitID: "COR-1", overrideReason: nil, also: true))
        #expect(shift.journal.state.call("C-0001")?.assignedUnits == ["COR-2", "COR-1"])
    }

    @Test("the knife revealed after dispatch: new decision, a warning until back-up, the first decision kept")
    func knifeAfterDispatch() throws {
        var shift = try driver()
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "112", location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        shift.advance(minutes: 4)
        let events = try shift.run(.revise(callID: "C-0001", CallRevision(answers: ["weapon": .yes]),
                                           note: "he picked up a kitchen knife"), by: "Ana")
        guard case .callRevised(_, let previous, let facts, let triage, _)? = events.last?.body else {
            Issue.record("no revision event"); return
        }
        #expect(facts.changes(from: previous) == ["weapon no → yes"])
        #expect(triage.dispatch == "POLICE")
        var call = try #require(shift.journal.state.call("C-0001"))
        #expect(call.intake.triage.dispatch == "POLICE" && call.firstDispatch == "CRT")
        #expect(call.retriages.last?.operatorName == "Ana")
        #expect(call.notes.last?.text == "he picked up a kitchen knife")
        var warnings = shift.journal.state.warnings(for: call, router: Durham.router, at: shift.clock)
        #expect(warnings.map(\.text) == ["CRT-1 is unarmed on a weapon call (C-0001): request police back-up or recall"])
        // EMS back-up does not answer a weapon; police back-up does.
        try shift.run(.requestBackup(unitID: "CRT-1", kind: .ems))
        call = try #require(shift.journal.state.call("C-0001"))
        #expect(shift.journal.state.warnings(for: call, router: Durham.router, at: shift.clock).count == 1)
        try shift.run(.requestBackup(unitID: "CRT-1", kind: .police))
        call = try #require(shift.journal.state.call("C-0001"))
        warnings = shift.journal.state.warnings(for: call, router: Durham.router, at: shift.clock)
        #expect(warnings.isEmpty)
    }

    @Test("the warning ends when the facts change back or the unit is recalled")
    func warningEnds() throws {
        let shift = try driver()
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "112", location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        try shift.run(.revise(callID: "C-0001", CallRevision(callType: "Shots Fired"), note: ""))
        func warnings() throws -> [String] {
            let call = try #require(shift.journal.state.call("C-0001"))
            return shift.journal.state.warnings(for: call, router: Durham.router, at: shift.clock).map(\.text)
        }
        #expect(try warnings() == ["CRT-1 is on a Shots Fired call, which CRT does not take (C-0001): request police back-up or recall"])
        try shift.run(.revise(callID: "C-0001", CallRevision(callType: "MHC"), note: "caller corrected: fireworks"))
        #expect(try warnings().isEmpty)
        try shift.run(.revise(callID: "C-0001", CallRevision(answers: ["violent": .yes]), note: ""))
        #expect(try warnings().count == 1)
        try shift.run(.setStatus(unitID: "CRT-1", status: .available))
        #expect(try warnings().isEmpty)
        #expect(shift.journal.state.call("C-0001")?.isPending == true)
    }

    @Test("a unit sent knowingly with an override is not nagged about, until the facts change after it went")
    func overrideIsNotAWarning() throws {
        var shift = try driver()
        try shift.run(.newCall(.screened(callType: "Trespass", beat: "214", flags: ["weapon"], location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: "knife already secured by staff"))
        func warnings() throws -> [String] {
            let call = try #require(shift.journal.state.call("C-0001"))
            return shift.journal.state.warnings(for: call, router: Durham.router, at: shift.clock).map(\.text)
        }
        #expect(try warnings().isEmpty)
        shift.advance(minutes: 3)
        try shift.run(.revise(callID: "C-0001", CallRevision(answers: ["violent": .yes]), note: "now swinging at staff"))
        #expect(try warnings() == ["CRT-1 is unarmed on a weapon and violence toward others call (C-0001): request police back-up or recall"])
    }

    @Test("a revision of beat and type re-routes, and replays to the same state")
    func reviseBeatAndType() throws {
        let shift = try driver()
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "121", location: "1 Main St")))
        #expect(shift.journal.state.call("C-0001")?.intake.triage.dispatch == "POLICE")
        try shift.run(.revise(callID: "C-0001", CallRevision(beat: "111", language: "Spanish", callback: "919-555-0100"), note: ""))
        let call = try #require(shift.journal.state.call("C-0001"))
        #expect(call.intake.beat == "111" && call.intake.language == "Spanish" && call.intake.callback == "919-555-0100")
        #expect(call.intake.triage.dispatch == "CRT")
        #expect(call.retriages.last?.changes == ["beat 121 → 111", "language English → Spanish", "callback none → 919-555-0100"])
        try shift.run(.revise(callID: "C-0001", CallRevision(beat: "unknown"), note: ""))
        let unknown = try #require(shift.journal.state.call("C-0001"))
        #expect(unknown.intake.beat == nil)
        #expect(unknown.intake.triage.reasons.contains("CRT: beat unknown — outside-area rules apply"))
        let replayed = try Journal.open(directory.path("shift.hdj"), mode: .read)
        #expect(replayed.state == shift.journal.state)
    }

    @Test("back-up: acknowledged once with who, then police on scene puts the unit back on scene")
    func backupAcknowledged() throws {
        var shift = try driver()
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111", location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        try shift.run(.setStatus(unitID: "CRT-1", status: .onScene))
        try shift.run(.requestBackup(unitID: "CRT-1", kind: .police))
        #expect(shift.journal.state.backupRequests.first?.isUnacknowledged == true)
        shift.advance(minutes: 1)
        try shift.run(.acknowledgeBackup(unitID: "CRT-1"), by: "Bo", at: "supervisor")
        let request = try #require(shift.journal.state.backupRequests.first)
        #expect(request.acknowledgedBy == "Bo at supervisor" && request.acknowledgedAt == shift.clock)
        #expect(refusal(shift, .acknowledgeBackup(unitID: "CRT-1"))?.contains("already acknowledged") == true)
        shift.advance(minutes: 6)
        try shift.run(.backupArrived(unitID: "CRT-1"))
        #expect(shift.journal.state.backupRequests.first?.arrivedAt == shift.clock)
        #expect(shift.journal.state.unit("CRT-1")?.status == .onScene)
        #expect(refusal(shift, .backupArrived(unitID: "CRT-1"))?.contains("already on scene") == true)
        let replayed = try Journal.open(directory.path("shift.hdj"), mode: .read)
        #expect(replayed.state == shift.journal.state)
    }
}
