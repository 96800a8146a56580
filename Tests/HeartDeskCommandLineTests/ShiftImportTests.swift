import Foundation
import Testing
import TestSupport

/// `heartdesk shift import`: a day of history recorded as a shift, then read back through show and report.
@Suite("heartdesk shift import (end to end)")
struct ShiftImportTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("history.hdj") }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    func calls(policy: [String] = []) throws -> [[String: Any]] {
        let show = try heartdesk(["shift", "show", "--journal", journal, "--json"] + policy)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show.stderr)")
        return try #require(object["calls"] as? [[String: Any]])
    }

    static let header = "Event Number,Case Number,Call Date,Call Time,Source,Priority,Nature,Address,X,Y,District,Beat,Tract,Disposition,Cancelled"

    /// Monday 23 November 2026 in Durham, out of order in the file. Hand-worked decisions:
    /// 08:55 Shots Fired, 212 → POLICE. 09:05 MHC, 111 (CRT opens 10:00) → POLICE, phone CCD, follow-up CN.
    /// 10:30 Trespass, 113 → CRT, follow-up CN. 14:00 MHC, 212 (outside the pilot) → POLICE, phone CCD.
    /// 22:00 MHC, 111 (all closed but police, CCD too) → POLICE. One bad date, one code nobody knows.
    static let day = """
        \(header)
        E1,,2026-11-23,09:05:00,911,2,Mental Health Crisis,,,,D1,111,,,
        E2,,2026-11-23,08:55:00,911,1,Shots Fired,,,,D2,212,,,
        E3,,2026-11-23,10:30:00,911,,TRESPASS,,,,D1,113,,,
        E4,,2026-13-23,10:30:00,911,,TRESPASS,,,,D1,113,,,
        E5,,2026-11-23,11:00:00,911,,Spaceship,,,,D1,113,,,
        E6,,11/23/2026,2:00:00 PM,911,7,MHC,,,,D2,212,,,
        E7,,2026-11-23,22:00:00,911,3,Mental Health Crisis,,,,D1,111,,,

        """

    @Test("a Durham day: every call at its own time and in time order, decided as worked by hand; bad rows named by line")
    func durhamDay() throws {
        let file = directory.path("day.csv")
        try Self.day.write(toFile: file, atomically: false, encoding: .utf8)
        let run = try heartdesk(["shift", "import", file, "--journal", journal])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Imported 5 calls into \(journal) (C-0001 to C-0005), 2026-11-23T08:55 to 2026-11-23T22:00 local time")
        #expect(lines.contains("Rows 7 · malformed 1 · with codes nobody maps 1 (not imported)"))
        #expect(lines.contains("  line 5: no such date or time: 2026-13-23 10:30"))
        #expect(lines.contains("  unmapped: Spaceship 1"))

        let imported = try calls()
        #expect(imported.map { $0["callType"] as? String } == ["Shots Fired", "Mental Health Crisis", "Trespass", "Mental Health Crisis",
                                                              "Mental Health Crisis"])
        #expect(imported.map { $0["receivedAt"] as? String } == ["2026-11-23T08:55:00-05:00", "2026-11-23T09:05:00-05:00",
                                                                "2026-11-23T10:30:00-05:00", "2026-11-23T14:00:00-05:00",
                                                                "2026-11-23T22:00:00-05:00"])
        #expect(imported.map { ($0["decision"] as? [String: Any])?["dispatch"] as? String } == ["POLICE", "POLICE", "CRT", "POLICE", "POLICE"])
        // The export's priority where it is on the scale (7 is not: the policy's default, 2).
        #expect(imported.map { $0["priority"] as? Int } == [1, 2, 2, 2, 3])
        #expect(imported[1]["notes"] as? [String] == ["Imported from day.csv line 2, event E1"])

        let report = try heartdesk(["report", journal])
        #expect(report.stdout.contains("Calls by decision: dispatch POLICE 4 · CRT 1; phone CCD 2; follow-up CN 2"), "\(report.stdout)")
        #expect(report.stdout.contains("Calls by response sent: none 5"))
        #expect(try heartdesk(["journal", "verify", journal]).status == 0)
    }

    @Test("import writes a new journal only, and a failed import leaves none behind")
    func newJournalOnly() throws {
        let file = directory.path("day.csv")
        try Self.day.write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try heartdesk(["shift", "import", file, "--journal", journal]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let again = try heartdesk(["shift", "import", file, "--journal", journal])
        #expect(again.status != 0 && again.stderr.contains("already holds 6 events: import writes a new journal"), "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)

        let nothing = directory.path("nothing.csv")
        try "\(Self.header)\nE1,,2026-11-23,09:05:00,911,2,Spaceship,,,,D1,111,,,\n".write(toFile: nothing, atomically: false, encoding: .utf8)
        let other = directory.path("other.hdj")
        let refused = try heartdesk(["shift", "import", nothing, "--journal", other])
        #expect(refused.status != 0 && refused.stderr.contains("has no call the policy knows"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
        let missingColumn = directory.path("bad.csv")
        try "Call Date,Call Time,Nature\n2026-11-23,09:05:00,MHC\n".write(toFile: missingColumn, atomically: false, encoding: .utf8)
        let bad = try heartdesk(["shift", "import", missingColumn, "--journal", other])
        #expect(bad.status != 0 && bad.stderr.contains("no column 'Beat'"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test("another city's export through a mapping: its codes, the flags a code implies, its roster")
    func anotherCity() throws {
        let policy = directory.path("bayview.yaml"), roster = directory.path("roster.yaml"), mapping = directory.path("mapping.yaml")
        try PolicyText.otherCity.write(toFile: policy, atomically: false, encoding: .utf8)
        try PolicyText.otherCityRoster.write(toFile: roster, atomically: false, encoding: .utf8)
        try """
            columns: {received: when, callType: code, beat: area, id: incident, priority: pri}
            timeFormat: "yyyy-MM-dd HH:mm"
            callTypes:
              "5150W": {type: "5150", flags: [weapon]}
            beats: {"-1": unknown}
            """.write(toFile: mapping, atomically: false, encoding: .utf8)
        let file = directory.path("bayview.csv")
        try """
            incident,when,code,area,pri
            A-1,2026-11-23 03:00,5150,1,0
            A-2,2026-11-23 03:10,5150W,2,4
            A-3,2026-11-23 03:20,918,-1,9
            """.write(toFile: file, atomically: false, encoding: .utf8)
        let run = try heartdesk(["shift", "import", file, "--journal", journal, "--policy", policy, "--mapping", mapping, "--roster", roster])
        #expect(run.status == 0, "\(run.stderr)")
        let imported = try calls(policy: ["--policy", policy])
        #expect(imported.map { ($0["decision"] as? [String: Any])?["dispatch"] as? String } == ["ACT", "PD", "ACT"])
        #expect(imported.map { $0["flags"] as? [String] } == [[], ["weapon"], []])
        #expect(imported.map { $0["beat"] as? String } == ["1", "2", nil])
        #expect(imported.map { $0["priority"] as? Int } == [0, 4, 9])
        let show = try heartdesk(["shift", "show", "--journal", journal, "--policy", policy])
        #expect(show.stdout.contains("ACT-1"), "\(show.stdout)")
    }
}
