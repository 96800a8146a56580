import Foundation
import Testing
import TestSupport

/// `heartdesk shift history`: closed calls stay findable, with every moment of their life.
@Suite("heartdesk shift history")
struct HistoryCommandTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.hdj") }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        let run = try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
        return run
    }

    /// Two calls: C-0001 sent CRT-1, on scene, closed; C-0002 still waiting.
    func shift() throws {
        for arguments in [
            ["shift", "new-call", "--type", "Mental Health Crisis", "--beat", "111", "--caller", "Nguyễn Văn An",
             "--callback", "919-555-0101", "--no-weapon", "--no-violent", "--at", "2026-11-23T14:00"],
            ["shift", "dispatch", "C-0001", "CRT-1", "--at", "2026-11-23T14:01"],
            ["shift", "status", "CRT-1", "on-scene", "--at", "2026-11-23T14:09"],
            ["shift", "note", "C-0001", "calm now, staying with his sister", "--at", "2026-11-23T14:20"],
            ["shift", "close", "C-0001", "--disposition", "resolved-on-scene", "--at", "2026-11-23T14:25"],
            ["shift", "new-call", "--type", "Trespass", "--beat", "111", "--callback", "919-555-0199", "--no-weapon", "--no-violent",
             "--at", "2026-11-23T14:26"],
        ] {
            let run = try heartdesk(arguments + ["--journal", journal])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
    }

    @Test("a closed call is found by its callback number, with its disposition and every moment")
    func findsAClosedCallByCallback() throws {
        try shift()
        let run = try heartdesk(["shift", "history", "--journal", journal, "--search", "555-0101"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("C-0001  Mental Health Crisis · beat 111 · P2 · closed resolved-on-scene"))
        #expect(!run.stdout.contains("C-0002"))
        for moment in ["14:00:00-05:00  received", "14:01:00-05:00  CRT-1 dispatched", "14:09:00-05:00  CRT-1 on scene",
                       "14:25:00-05:00  closed: resolved-on-scene", "note by ana: calm now, staying with his sister"] {
            #expect(run.stdout.contains(moment), "\(moment)")
        }
        let accents = try heartdesk(["shift", "history", "--journal", journal, "--search", "nguyen van"])
        #expect(accents.stdout.hasPrefix("C-0001"), "a search ignores accents")
    }

    @Test("--json is an array of calls shaped as shift show writes them, with closedAt and disposition")
    func json() throws {
        try shift()
        let run = try heartdesk(["shift", "history", "--journal", journal, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let calls = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(calls.map { $0["id"] as? String } == ["C-0001", "C-0002"])
        #expect(calls[0]["closedAt"] as? String == "2026-11-23T14:25:00-05:00")
        #expect(calls[0]["disposition"] as? String == "resolved-on-scene")
        #expect(calls[1]["closedAt"] is NSNull && calls[1]["disposition"] is NSNull)
        let history = try #require(calls[0]["history"] as? [[String: String]])
        #expect(history.map { $0["what"] } == ["received", "CRT-1 dispatched", "CRT-1 on scene", "closed: resolved-on-scene"])
        let show = try heartdesk(["shift", "show", "--journal", journal, "--json"])
        let shown = try #require((try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])?["calls"] as? [[String: Any]])
        #expect(Set(shown[0].keys) == Set(calls[0].keys), "one vocabulary for a call")
    }

    @Test("a search that finds nothing says so and still succeeds")
    func nothingFound() throws {
        try shift()
        let run = try heartdesk(["shift", "history", "--journal", journal, "--search", "Durham Freeway"])
        #expect(run.status == 0)
        #expect(run.stdout == "No call of this shift matches “Durham Freeway”.\n")
    }
}
