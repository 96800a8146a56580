import Foundation
import HeartDeskCore
import HeartDeskExercise
import HeartDeskJournal
import HeartDeskReport
import Testing
import TestSupport

@Suite("Headless exercises")
struct ExerciseRunTests {
    @Test("each shipped scenario, played by the perfect trainee, scores perfect", arguments: ScenarioCatalog.names)
    func shippedScenarioIsPerfect(name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let report = try Exercises.report(scenario, trainee: AutoTrainee(scenario: scenario))
        let score = try #require(report.score)
        #expect(score.isPerfect, "\(score.summary): \(report.calls.flatMap(\.mistakes))")
        #expect(score.scored == scenario.calls.count)
        #expect(report.calls.allSatisfy { $0.triagedAt != nil }, "every call answered")
    }

    @Test("the shipped scenarios are the three the program trains with")
    func shippedScenarios() {
        #expect(ScenarioCatalog.names == ["heat-wave-evening", "routine-weekday", "safety-test"])
    }

    @Test("the same scenario gives the same journal, wall-clock fields apart")
    func deterministic() throws {
        let scenario = try ScenarioCatalog.load("safety-test")
        let directory = TemporaryDirectory()
        var tick = 0.0
        let first = try Exercises.run(scenario, trainee: AutoTrainee(scenario: scenario), in: directory, journal: "a.journal")
        let second = try Exercises.run(scenario, trainee: AutoTrainee(scenario: scenario), in: directory, journal: "b.journal",
                                       wallClock: { tick += 1; return Date(timeIntervalSince1970: 2_000_000_000 + tick) })
        func withoutWallClock(_ events: [ShiftEvent]) -> [[UInt8]] {
            events.map { EventCodec.encode(ShiftEvent(wallMillis: 0, shiftMillis: $0.shiftMillis, position: $0.position,
                                                      operatorName: $0.operatorName, body: $0.body)) }
        }
        #expect(first.count > 50)
        #expect(first.map(\.wallMillis) != second.map(\.wallMillis))
        #expect(withoutWallClock(first) == withoutWallClock(second))
    }

    @Test("an exercise left early says when it ended, how many scripted calls never rang, and is not perfect")
    func leftEarly() throws {
        let scenario = try ScenarioCatalog.load("routine-weekday")
        let directory = TemporaryDirectory()
        let events = try Exercises.run(scenario, trainee: AutoTrainee(scenario: scenario), in: directory)
        // The trainee walks away just before the third call rings: the journal ends there.
        let walkedAway = scenario.calls[2].at - 60
        let kept = events.filter { $0.shiftTime <= walkedAway }
        let report = AfterActionReport(events: kept, policy: scenario.policy)
        let score = try #require(report.score)
        let early = try #require(report.earlyEnd)
        #expect(early.neverRang == scenario.calls.count - 2)
        #expect(early.plannedEnd == ReportFormat.clock(scenario.end, scenario.policy.timeZone))
        #expect(!score.isPerfect, "\(score.summary)")
        #expect(score.summary.contains("ended early at \(early.endedAt) (planned \(early.plannedEnd)): "
                                       + "\(scenario.calls.count - 2) of \(scenario.calls.count) scripted calls never rang"))
        #expect(MarkdownReport.render(report).contains(early.summary))

        let whole = AfterActionReport(events: events, policy: scenario.policy)
        #expect(whole.earlyEnd == nil && whole.score?.isPerfect == true, "played to its end it is still perfect")
    }

    @Test("with nobody at the console every call rings unanswered, and each is a mistake")
    func nobodyAnswers() throws {
        let scenario = try ScenarioCatalog.load("routine-weekday")
        let report = try Exercises.report(scenario, trainee: nil)
        let score = try #require(report.score)
        #expect(score.asExpected == 0)
        #expect(score.scored == scenario.calls.count)
        #expect(score.mistakes == scenario.calls.count)
        #expect(report.calls.allSatisfy { $0.mistakes.first?.hasPrefix("Never answered: it rang at") == true })
    }

    @Test("a trainee who handles the safety test wrongly is told each mistake in words")
    func scriptedMistakes() throws {
        let scenario = try ScenarioCatalog.load("safety-test")
        // Answers calls with these flags and does one thing with each; never answers the last two.
        let trainee = ScriptedTrainee { time, recorder in
            let state = recorder.state
            for ringing in state.ringingCalls where ringing.offeredAt + 60 <= time {
                let script = scenario.calls.first { $0.id == ringing.id }!
                let flags: [String]
                switch ringing.id {
                case "parking-fight": flags = []  // never asked: the elevated risk is missed
                case "doorway", "robbery": continue  // never answered
                default: flags = ringing.call.answers.map(\.flag)
                }
                // The parking fight's questions were never asked; every other call was screened.
                let entry = ringing.id == "parking-fight"
                    ? NewCall(callType: script.callType, beat: ringing.call.beat, answering: ringing.id)
                    : NewCall.screened(callType: script.callType, beat: ringing.call.beat, flags: flags, answering: ringing.id)
                try recorder.record(.newCall(entry), at: time, by: .autoTrainee)
            }
            for call in recorder.state.calls where call.isOpen && call.dispatchedUnits.isEmpty {
                switch call.incomingID {
                case "brother-knife":  // sent right, but nobody reacts to the knife
                    try recorder.record(.dispatch(callID: call.id, unitID: "CRT-1", overrideReason: nil), at: time, by: .autoTrainee)
                case "gun-at-home":  // an unarmed team to a call where a gun was reported
                    try recorder.record(.dispatch(callID: call.id, unitID: "CRT-3", overrideReason: "closest team"), at: time,
                                        by: .autoTrainee)
                case "parking-fight", "bus-stop":  // handed to police, a team free for the bus stop
                    try recorder.record(.close(callID: call.id, disposition: .handedToPolice, declineFollowUp: false), at: time,
                                        by: .autoTrainee)
                default: break
                }
            }
        }
        let report = try Exercises.report(scenario, trainee: trainee)
        let score = try #require(report.score)
        let mistakes = Dictionary(uniqueKeysWithValues: report.calls.map { ($0.incomingID ?? $0.id, $0.mistakes) })
        #expect(mistakes["brother-knife"] == [
            // Dispatched 13:06, weapon at 13:11, on scene 13:15 for 40 minutes: left there until 13:55.
            "CRT-1 (no officer on the crew) stayed on the call 44 min after weapon was reported at 13:11, with no police back-up",
        ])
        #expect(mistakes["parking-fight"] == [
            "Expected COR; sent POLICE",
            "Expected a CN follow-up; none was queued",
        ])
        #expect(mistakes["gun-at-home"] == [
            "CRT-3 (no officer on the crew) sent at 13:36 after weapon had been reported",
            "Expected POLICE and CCD; sent CRT and POLICE",
        ])
        // CRT-1 is on the knife call and CRT-3 on the gun call at 13:51; CRT-2 is free.
        #expect(mistakes["bus-stop"] == [
            "Handed over at 13:51 while CRT-2 (CRT) was free to take it",
            "Expected CRT; sent POLICE",
        ])
        #expect(mistakes["doorway"]?.first?.hasPrefix("Never answered: it rang at 14:20") == true)
        #expect(mistakes["robbery"]?.first?.hasPrefix("Never answered: it rang at 14:40") == true)
        #expect(score.asExpected == 1)  // brother-knife: the right team went, even though it was left exposed
        #expect(score.mistakes == 9)
        #expect(!score.isPerfect)
        // The bus stop could have had CRT-2; the parking fight, triaged without its risk, reads as a police call.
        #expect(report.unserved.map(\.callID) == ["C-0004"])
    }
}

@Suite("Exercise clock")
struct ExerciseClockTests {
    @Test("runs at its speed, holds still when paused, steps through the speeds")
    func clock() {
        let wall = Date(timeIntervalSince1970: 1_000_000)
        let start = Durham.instant("2026-11-23T13:00")
        var clock = ExerciseClock(simulated: start, wall: wall, speed: 10)
        #expect(clock.simulated(at: wall + 6) == start + 60)
        clock.togglePause(at: wall + 6)
        #expect(clock.simulated(at: wall + 600) == start + 60)
        clock.togglePause(at: wall + 600)
        #expect(clock.simulated(at: wall + 606) == start + 120)
        clock.step(faster: true, at: wall + 606)
        #expect(clock.speed == 30)
        #expect(clock.simulated(at: wall + 608) == start + 180)
        clock.step(faster: true, at: wall + 608)
        clock.step(faster: true, at: wall + 608)
        #expect(clock.speed == 60, "stops at the fastest")
        for _ in 0..<10 { clock.step(faster: false, at: wall + 608) }
        #expect(clock.speed == 1, "stops at the slowest")
        #expect(clock.simulated(at: wall + 608) == start + 180, "changing speed never jumps the clock")
    }
}
