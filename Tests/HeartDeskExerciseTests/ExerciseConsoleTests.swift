import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// An exercise at the real console in tmux: a trainee answers a ringing call, works the clock keys, sees the risk change.
@Suite(.serialized) struct ExerciseConsoleTests {
    let directory = TemporaryDirectory()

    @Test func aTraineeAnswersARingingCallAndSeesItsRiskChange() throws {
        let journal = directory.path("drill.journal")
        let tmux = try TmuxConsole(["exercise", "safety-test", "--speed", "60", "--journal", journal, "--operator", "Kim"])
        try tmux.waitFor("EXERCISE ×60")
        // At ×60 the first call (13:05) rings five seconds in.
        try tmux.waitFor("☎ RINGING", seconds: 20)
        try tmux.keys("F2")
        try tmux.waitFor("Answering Dana Whitfield · to be C-0001")
        // The form's title can be on screen a frame before its body (seen once under a loaded machine): read the
        // screen once the call's own words are drawn too.
        let form = try tmux.waitFor("Caller: “My brother is screaming")
        #expect(!form.contains("brother-knife"), "the scenario's internal name stays off the trainee's screen")
        #expect(form.contains("410 Gray Ave"), "the address comes with the call")
        #expect(form.contains("Caller: “My brother is screaming"))
        #expect(form.contains("Asked the safety questions: no to each."))
        try tmux.type("Mental Health Crisis")
        // The caller said no when asked: the trainee records both required answers.
        try tmux.keys("Tab", "Tab", "n", "Tab", "n", "Enter")
        try tmux.waitFor("C-0001 recorded: dispatch CRT")
        try tmux.keys("p")
        try tmux.waitFor("EXERCISE ×60 PAUSED")
        try tmux.keys("d")
        try tmux.waitFor("CRT-1: nearest available CRT")
        try tmux.keys("Enter")
        try tmux.waitFor("CRT-1 dispatched to C-0001")
        try tmux.keys("-")
        try tmux.waitFor("EXERCISE ×30 PAUSED")
        try tmux.keys("p")
        // Five simulated minutes after it was answered, the caller mentions the knife.
        let changed = try tmux.waitFor("C-0001 CHANGED", seconds: 30)
        #expect(changed.contains("C-0001 CHANGED: decision now POLICE, CRT-1 on it — Caller: He just grabbed a kitchen knife"))
        try tmux.keys("q")
        let end = try tmux.waitFor("EXIT:0")
        #expect(end.contains("Score: "))

        let events = try Journal.open(journal, mode: .read, keepEvents: true).events
        let answered = try #require(events.first { if case .callAnswered = $0.body { return true } else { return false } })
        #expect(answered.operatorName == "Kim" && answered.position == "trainee")
        #expect(events.contains { if case .exerciseStarted = $0.body { return true } else { return false } })
        #expect(events.contains { if case .callRevised(_, _, let facts, _, _) = $0.body { return facts.flags == ["weapon"] } else { return false } })
        // Simulated time runs ahead of the wall clock at ×30–60.
        let last = try #require(events.last)
        #expect(last.shiftTime > Durham.instant("2026-11-23T13:10"))
        #expect(FileManager.default.fileExists(atPath: directory.path("drill.report.md")))
    }
}
