import Foundation
import HeartDeskCore
import HeartDeskExercise
import Testing
import TestSupport

/// A small valid scenario; each fault case replaces one of its lines.
private let validScenario = """
title: Loader test
start: 2026-11-23T13:00
end: +2:00
calls:
  - id: first
    at: +0:05
    says: "My brother wants to die."
    type: Mental Health Crisis
    beat: "111"
    asked:
      - {flag: weapon, says: "no, nothing"}
    expect: {dispatch: CRT, followUp: CN}
  - id: second
    at: 14:10
    says: "Someone robbed the store."
    type: ROBB
    beat: unknown
units:
  - {at: +0:30, unit: CRT-2, event: out-of-service, says: "flat tyre"}
  - {at: +0:40, call: first, event: delayed, by: 10m}
notes:
  - {at: 2026-11-23T13:00, text: "Begin."}
"""

private func replacing(line number: Int, with text: String) -> String {
    var lines = validScenario.components(separatedBy: "\n")
    lines[number - 1] = text
    return lines.joined(separator: "\n")
}

@Suite("Scenario files")
struct ScenarioLoaderTests {
    @Test("a valid scenario: times from offsets, clock times and dates; calls in ringing order; the Durham roster by default")
    func validScenarioLoads() throws {
        let scenario = try Exercises.scenario(validScenario)
        #expect(scenario.title == "Loader test")
        #expect(scenario.start == Durham.instant("2026-11-23T13:00"))
        #expect(scenario.end == Durham.instant("2026-11-23T15:00"))
        #expect(scenario.calls.map(\.id) == ["first", "second"])
        #expect(scenario.calls.map(\.at) == [Durham.instant("2026-11-23T13:05"), Durham.instant("2026-11-23T14:10")])
        #expect(scenario.calls[1].callType == "Robbery")
        #expect(scenario.calls[1].incoming.beat == nil)
        #expect(scenario.calls[0].incoming.expected == ExpectedHandling(callType: "Mental Health Crisis", dispatch: "CRT", followUp: "CN"))
        #expect(scenario.unitEvents.map(\.event) == [.outOfService, .delayed(600)])
        #expect(scenario.notes.map(\.at) == [scenario.start])
        #expect(scenario.roster.map(\.id).contains("CRT-4"))
    }

    /// (line replaced, new text, line the error must name, words it must contain)
    static let faults: [(Int, String, Int, String)] = [
        (8, "    type: Mental Crisis", 8, "unknown call type 'Mental Crisis'"),
        (19, "  - {at: +0:30, unit: CRT-9, event: out-of-service}", 19, "unknown unit 'CRT-9'"),
        (6, "    at: 12:55", 6, "'12:55' is before the exercise starts"),
        (6, "    at: -0:05", 6, "is before the exercise starts"),
        (6, "    at: +five", 6, "cannot read time '+five'"),
        (13, "  - id: first", 13, "call id 'first' is used twice (first at line 5)"),
        (11, "      - {flag: knife, says: \"yes\"}", 11, "safety flag 'knife' is not in policy Durham HEART (it has: weapon, violent, elevated-risk)"),
        (12, "    expect: {dispatch: HEART, followUp: CN}", 12, "unknown response 'HEART'"),
        (9, "    beat: \"777\"", 9, "unknown beat '777'"),
        (2, "start: Monday afternoon", 2, "start: cannot read time"),
        (20, "  - {at: +0:40, call: third, event: delayed, by: 10m}", 20, "unknown call 'third'"),
        (20, "  - {at: +0:40, call: first, event: delayed, by: soon}", 20, "cannot read by 'soon'"),
        (20, "  - {at: +0:40, call: first, event: explodes}", 20, "unknown unit event 'explodes'"),
        (3, "end: 12:00", 3, "is before the exercise starts"),
        // Once crashed or hung the loader: huge hours overflowed, long ends ran for minutes.
        (3, "end: +153722867280912931:00", 3, "cannot read time '+153722867280912931:00'"),
        (6, "    at: 9223372036854775807:00", 6, "cannot read time '9223372036854775807:00'"),
        (3, "end: +100000h", 3, "more than 7 days after the exercise starts"),
        (3, "end: +99999999999999h", 3, "more than 7 days after the exercise starts"),
        (20, "  - {at: +0:40, call: first, event: delayed, by: 9999999h}", 20, "longer than an exercise may run (7 days)"),
    ]

    @Test("a bad scenario names its file and line", arguments: faults)
    func faultsNameTheirLine(replace: Int, text: String, line: Int, words: String) {
        let yaml = replacing(line: replace, with: text)
        do {
            _ = try Exercises.scenario(yaml)
            Issue.record("loaded a scenario with \(text)")
        } catch let error as PolicyError {
            #expect(error.file == "test.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(words), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("time and duration spellings")
    func timeSpellings() throws {
        let start = Durham.instant("2026-11-23T13:00")
        let cases: [(String, Date?)] = [
            ("+5m", start + 300), ("+1h30m", start + 5400), ("+1:30", start + 5400), ("+90s", start + 90),
            ("14:05", Durham.instant("2026-11-23T14:05")), ("2026-11-23T13:45", Durham.instant("2026-11-23T13:45")),
            ("+1:3", nil), ("25:00", nil), ("+m", nil), ("soon", nil),
        ]
        for (text, expected) in cases {
            let scenario = validScenario.replacingOccurrences(of: "at: +0:05", with: "at: \"\(text)\"")
            let loaded = try? Exercises.scenario(scenario)
            #expect(loaded?.calls.first { $0.id == "first" }?.at == expected, "\(text)")
        }
    }
}
