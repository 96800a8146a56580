import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// `heartdesk exercise` and `heartdesk report` as a facilitator or supervisor runs them.
@Suite("heartdesk exercise and report (end to end)")
struct ExerciseCommandLineTests {
    let directory = TemporaryDirectory()

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "trainer", "XDG_STATE_HOME": directory.path("state")])
    }

    @Test("--list prints one scenario a line, its name first; each name runs headless with a perfect score")
    func listAndRunEach() throws {
        let list = try heartdesk(["exercise", "--list"])
        #expect(list.status == 0)
        let names = list.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(names == ["heat-wave-evening", "routine-weekday", "safety-test"])
        for name in names {
            let run = try heartdesk(["exercise", name, "--headless", "--auto", "--journal", directory.path("\(name).journal")])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("perfect"), "\(run.stdout)")
            let report = try String(contentsOfFile: directory.path("\(name).report.md"), encoding: .utf8)
            #expect(report.hasPrefix("# After-action report: "))
        }
    }

    @Test("without --journal, an exercise journal goes under the state directory, never over a live shift's, named and stamped by the injected clock")
    func defaultJournal() throws {
        let run = try HeartDeskBinary.run(["exercise", "safety-test", "--headless"],
                                          environment: ["USER": "trainer", "XDG_STATE_HOME": directory.path("state"),
                                                        "HEARTDESK_CLOCK": "2026-11-23T21:00:09"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = directory.path("state/heartdesk/exercises")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.contains("safety-test-2026-11-23-210009.journal"), "\(files)")
        #expect(run.stdout.contains("Score: 0 of 6 calls handled as expected · 6 mistakes"))
        // Every record's wall time runs on from the pinned instant (Durham is five hours behind UTC in November), not today's.
        let journal = try Journal.open(folder + "/safety-test-2026-11-23-210009.journal", mode: .read, keepEvents: true)
        let pinned = Date(timeIntervalSince1970: 1_795_485_609)  // 2026-11-24T02:00:09Z
        #expect(!journal.events.isEmpty)
        #expect(journal.events.allSatisfy { $0.wallTime >= pinned && $0.wallTime < pinned + 60 })
    }

    @Test("a scenario file by path; a bad one is refused with its line and no journal is made")
    func badScenarioFile() throws {
        let good = directory.path("drill.yaml")
        try """
        title: Drill
        start: 2026-11-23T13:00
        calls:
          - {id: one, at: +0:05, says: "He is pacing and shouting.", type: Mental Health Crisis, beat: "111"}
        """.write(toFile: good, atomically: false, encoding: .utf8)
        let run = try heartdesk(["exercise", good, "--headless", "--auto", "--journal", directory.path("drill.journal")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Score: 1 of 1 calls handled as expected · 0 mistakes · perfect"))

        let bad = directory.path("bad.yaml")
        try """
        title: Drill
        start: 2026-11-23T13:00
        calls:
          - {id: one, at: +0:05, says: "He is pacing.", type: Mental Health Crisis, beat: "111"}
          - {id: two, at: 12:30, says: "Again.", type: Mental Health Crisis, beat: "111"}
        """.write(toFile: bad, atomically: false, encoding: .utf8)
        let refused = try heartdesk(["exercise", bad, "--headless", "--journal", directory.path("bad.journal")])
        #expect(refused.status == 2)
        #expect(refused.stderr == "heartdesk exercise: bad scenario: \(bad):5: '12:30' is before the exercise starts (2026-11-23T13:00:00-05:00)\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("bad.journal")))
    }

    @Test("mistakes on the command line: one line, non-zero exit, an existing journal untouched", arguments: [
        (["exercise", "no-such-scenario", "--headless"], "no such scenario file, and no shipped scenario of that name"),
        (["exercise", "safety-test", "--auto"], "--auto runs only with --headless"),
        (["exercise", "safety-test", "--speed", "7", "--headless"], "--speed must be one of 1, 2, 5, 10, 30, 60"),
        (["exercise", "safety-test", "--headless", "--journal", "EXISTING"], "already exists: an exercise starts on a new journal"),
        (["report", "MISSING"], "missing.journal"),
    ])
    func commandLineMistakes(arguments: [String], words: String) throws {
        let existing = directory.path("existing.journal")
        try ShiftDriver(path: existing).run(.newCall(NewCall.screened(callType: "Trespass", beat: "111")))
        let before = directory.bytes("existing.journal")
        let resolved = arguments.map { $0 == "EXISTING" ? existing : $0 == "MISSING" ? directory.path("missing.journal") : $0 }
        let run = try heartdesk(resolved)
        #expect(run.status != 0)
        #expect(run.stderr.contains(words), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count <= 2, "\(run.stderr)")
        #expect(directory.bytes("existing.journal") == before)
    }

    @Test("report of a live shift's journal in each format")
    func reportFormats() throws {
        let journal = directory.path("live.journal")
        var shift = try ShiftDriver(path: journal, start: Durham.instant("2026-11-23T14:00"))
        try shift.run(.newCall(NewCall.screened(callType: "Trespass", beat: "111")))
        shift.advance(minutes: 3)
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        let markdown = try heartdesk(["report", journal])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("# After-action report: Shift of 2026-11-23"))
        #expect(markdown.stdout.contains("| time to dispatch | 1 | 3:00 | 3:00 |"))
        #expect(!markdown.stdout.contains("Score:"))
        let csv = try heartdesk(["report", journal, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 2)
        let html = directory.path("report.html")
        #expect(try heartdesk(["report", journal, "--format", "html", "--output", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
    }
}
