import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// The supervisor's figures against a shift worked out by hand (Monday 23 Nov 2026, Durham policy).
@Suite("Shift figures")
struct ShiftFiguresTests {
    /// Six calls, each placed to land in one figure:
    /// - C-0001 10:30 Mental Health Crisis, beat 111: CRT decided, CRT-1 sent 10:31, on scene 10:40, asks police back-up 10:50, closed 11:00.
    /// - C-0002 10:35 the same with a weapon: police decided (flag), closed 10:36 handed to police.
    /// - C-0003 10:40 Mental Health Crisis, beat 212: police decided (outside the area), still waiting.
    /// - C-0004 10:45 Trespass, beat 111: CRT decided, CRT-2 sent 10:49, on scene 11:05, still there.
    /// - C-0005 11:10 Mental Health Crisis, beat 111: CRT decided, but the phone clinician CCD-1 went (no team), closed 11:20.
    /// - C-0006 21:15 Trespass, beat 111: police decided (CRT closed at 21:00), still waiting.
    static func handWorkedShift() throws -> ShiftState {
        let directory = TemporaryDirectory()
        var shift = try ShiftDriver(path: directory.path("figures.hdj"), start: Durham.instant("2026-11-23T10:30"))
        func at(_ time: String) { shift.clock = Durham.instant("2026-11-23T\(time)") }
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111")))
        at("10:31"); try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        at("10:33"); try shift.run(.setStatus(unitID: "CRT-1", status: .enRoute))
        at("10:35"); try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111", flags: ["weapon"])))
        at("10:36"); try shift.run(.close(callID: "C-0002", disposition: .handedToPolice, declineFollowUp: false))
        at("10:40"); try shift.run(.setStatus(unitID: "CRT-1", status: .onScene))
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "212")))
        at("10:45"); try shift.run(.newCall(.screened(callType: "Trespass", beat: "111")))
        at("10:49"); try shift.run(.dispatch(callID: "C-0004", unitID: "CRT-2", overrideReason: nil))
        at("10:50"); try shift.run(.requestBackup(unitID: "CRT-1", kind: .police))
        at("11:00"); try shift.run(.close(callID: "C-0001", disposition: .resolvedOnScene, declineFollowUp: false))
        at("11:05"); try shift.run(.setStatus(unitID: "CRT-2", status: .onScene))
        at("11:10"); try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111")))
        at("11:12"); try shift.run(.dispatch(callID: "C-0005", unitID: "CCD-1", overrideReason: nil))
        at("11:20"); try shift.run(.close(callID: "C-0005", disposition: .resolvedOnScene, declineFollowUp: false))
        at("21:15"); try shift.run(.newCall(.screened(callType: "Trespass", beat: "111")))
        return shift.journal.state
    }

    @Test("the shift so far: calls by decision and by response sent, unserved and why, back-up rate, times")
    func shiftSoFar() throws {
        let figures = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T21:30"))
        let shift = figures.shift
        #expect(figures.heartResponses == ["CRT", "COR"])
        #expect(shift.calls == 6)
        #expect(shift.byDecision == ["CRT": 3, "POLICE": 3])
        #expect(shift.byPhone == ["CCD": 4])
        // C-0002 was handed to police with no unit sent: it counts as POLICE, not as none.
        #expect(shift.bySent == ["CRT": 2, "CCD": 1, "POLICE": 1, PeriodFigures.noUnit: 2])
        #expect(shift.unserved == [.flag: 1, .outsideArea: 1, .noUnitFree: 1, .closed: 1])
        #expect(shift.heartInPerson == 2)
        #expect(shift.backupRequests == 1)
        #expect(shift.backupRate == 0.5)
        let dispatch = try #require(shift.timeToDispatch)
        // 1:00 and 4:00: the median of an even count is the mean of the middle two, as in the after-action report.
        #expect((dispatch.count, dispatch.median, dispatch.percentile90) == (2, 150, 240))
        #expect(dispatch.share(within: 120) == 0.5)
        let scene = try #require(shift.dispatchToScene)
        #expect((scene.count, scene.median, scene.percentile90) == (2, 750, 960))
    }

    @Test("the last hour counts only what happened in it")
    func lastHour() throws {
        let figures = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T21:30"))
        let hour = figures.lastHour
        #expect(hour.calls == 1)
        #expect(hour.byDecision == ["POLICE": 1])
        #expect(hour.unserved == [.closed: 1])
        #expect(hour.backupRequests == 0 && hour.backupRate == nil && hour.timeToDispatch == nil)
    }

    @Test("now: calls waiting, units by response, closed responses with when they open, follow-ups")
    func now() throws {
        let figures = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T21:30"))
        #expect(figures.pendingCalls == 2)
        #expect(figures.oldestPendingSince == Durham.instant("2026-11-23T10:40"))
        let crt = try #require(figures.units.first { $0.response == "CRT" })
        #expect((crt.available, crt.committed, crt.outOfService, crt.offDuty) == (2, 1, 0, 1))
        #expect(!crt.isOpenNow && crt.opensNext == "Tue 10:00")
        let ccd = try #require(figures.units.first { $0.response == "CCD" })
        #expect(ccd.available == 2 && ccd.opensNext == "Tue 09:00")
        #expect(figures.units.map(\.response) == ["CCD", "CRT", "COR"], "follow-up teams are not on the board's unit counts")
        // Follow-ups after C-0001, C-0002 and C-0005, due 48 hours after each closed.
        #expect((figures.followUpsDue, figures.followUpsOverdue) == (3, 0))
        let later = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-25T10:50"))
        #expect((later.followUpsDue, later.followUpsOverdue) == (2, 1))
        #expect(ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T14:00"))
            .units.first { $0.response == "CRT" }?.isOpenNow == true)
    }

    @Test("calls per hour run from the shift's first hour to now, empty hours included")
    func callsPerHour() throws {
        let figures = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T21:30"))
        #expect(figures.callsPerHour.map(\.hour) == Array(10...21))
        #expect(figures.callsPerHour.map(\.total) == [4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(figures.callsPerHour[0].byDecision == ["CRT": 2, "POLICE": 2])
    }

    @Test("utilisation: each hour's share of on-duty unit time on calls, the stretch a unit is in now counted to now")
    func utilisation() throws {
        let figures = ShiftFigures(shift: try Self.handWorkedShift(), router: Durham.router, at: Durham.instant("2026-11-23T11:30"))
        #expect(figures.utilisation.map(\.response) == figures.units.map(\.response))
        // CRT-1, -2 and -3 on duty from 10:30 (CRT-4 is off duty). 10:00–11:00: CRT-1 on a call 10:31–11:00 and CRT-2
        // 10:49–11:00, 40 of 90 unit-minutes. 11:00–11:30: CRT-2 on scene throughout, 30 of 90.
        let crt = try #require(figures.utilisation.first { $0.response == "CRT" })
        #expect(crt.perHour.count == 2)
        #expect(abs((crt.perHour[0] ?? -1) - 40.0 / 90) < 1e-9)
        #expect(abs((crt.perHour[1] ?? -1) - 30.0 / 90) < 1e-9)
        #expect(crt.now == 1.0 / 3)
        // CCD-1 took C-0005 on the phone 11:12–11:20: 8 of the two positions' 60 minutes after 11:00, none before.
        let ccd = try #require(figures.utilisation.first { $0.response == "CCD" })
        #expect(ccd.perHour[0] == 0)
        #expect(abs((ccd.perHour[1] ?? -1) - 8.0 / 60) < 1e-9)
        // An hour before any unit was on duty has no share at all rather than 0 %.
        let early = UnitTimeLedger().time(of: "CRT", from: Durham.instant("2026-11-23T09:00"), to: Durham.instant("2026-11-23T10:00"))
        #expect(early.utilisation == nil)
    }

    @Test("a stretch years long keeps only the last day: the ledger's work is bounded by what the chart draws")
    func unitTimeKeepsADay() {
        var state = ShiftState()
        let roster = [UnitDefinition(id: "CRT-9", response: "CRT", crew: [.clinician], languages: ["English"], homeBeat: nil,
                                     shiftHours: nil, initialStatus: .available)]
        state.apply(EventStamp.live(at: Date(timeIntervalSince1970: 0), position: "p", operatorName: "o").event(.shiftOpened(policy: Durham.policy.identity, units: roster)))
        let end = Durham.instant("2026-11-23T12:00")
        state.apply(EventStamp.live(at: end, position: "p", operatorName: "o").event(.unitStatusChanged(unitID: "CRT-9", status: .outOfService)))
        #expect(state.unitTime.time(of: "CRT", from: end - 3600, to: end).available == 3600)
        #expect(state.unitTime.time(of: "CRT", from: end - 25 * 3600, to: end - 24 * 3600).available == 3600)
        #expect(state.unitTime.time(of: "CRT", from: end - 30 * 3600, to: end - 29 * 3600).onDuty == 0)
    }

    @Test("kept call by call, the figures equal the ones worked out from scratch after every command", arguments: [1, 2, 3] as [UInt64])
    func ledgerMatchesAFullPass(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var state = ShiftState()
        var clock = Durham.instant("2026-11-23T08:00")
        var ledger = ShiftFigureLedger(router: Durham.router)
        func run(_ command: ShiftCommand) {
            guard let bodies = try? command.events(in: state, router: Durham.router, shiftTime: clock) else { return }
            for body in bodies { state.apply(EventStamp.live(at: clock, position: "p", operatorName: "o").event(body)) }
        }
        run(.openShift(units: try RosterLoader.bundledDurham(policy: Durham.policy)))
        for step in 0..<400 {
            clock += Double(Int.random(in: 0...240, using: &random))
            run(RandomShiftCommands.next(in: state, using: &random))
            // Catching up after every command and after every few both work: changes are found by number, not by watching.
            guard step % (1 + Int(seed)) == 0 else { continue }
            ledger.catchUp(with: state)
            let now = clock + Double(Int.random(in: 0...600, using: &random))
            #expect(ledger.figures(for: state, at: now) == ShiftFigures(shift: state, router: Durham.router, at: now), "step \(step)")
        }
        #expect(state.calls.count > 40 && state.calls.contains { !$0.isOpen } && !state.backupRequests.isEmpty)
    }

    @Test("targets colour a figure met, near (at most ten points short) or missed", arguments: [
        (0.95, TargetStatus.met), (0.90, .met), (0.85, .near), (0.80, .near), (0.79, .missed), (0.5, .missed),
    ])
    func timeTargets(share: Double, status: TargetStatus) throws {
        let target = try #require(Durham.policy.targets.timeToDispatch)
        #expect(target.seconds == 120 && target.share == 0.9)
        #expect(target.status(shareWithin: share) == status)
    }

    @Test("the back-up rate is met at or under 5 %, near up to 10 %", arguments: [
        (0.0, TargetStatus.met), (0.05, .met), (0.08, .near), (0.10, .near), (0.5, .missed),
    ])
    func backupTarget(rate: Double, status: TargetStatus) {
        #expect(Durham.policy.targets.backupRateStatus(rate) == status)
    }
}
