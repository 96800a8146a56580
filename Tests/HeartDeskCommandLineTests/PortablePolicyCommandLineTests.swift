import Foundation
import Testing
import TestSupport

/// Another city's shift run through the real binary: its roster, its priorities, its policy guarded at every command.
@Suite("Another city's shift (end to end)")
struct PortablePolicyCommandLineTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("bayview.hdj") }
    var policy: String { directory.path("bayview.yaml") }
    var roster: String { directory.path("bayview-roster.yaml") }

    init() throws {
        try PolicyText.otherCity.write(toFile: policy, atomically: false, encoding: .utf8)
        try PolicyText.otherCityRoster.write(toFile: roster, atomically: false, encoding: .utf8)
    }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    /// `shift new-call` under Bayview's policy; the new call's id.
    func newCall(_ extra: [String]) throws -> String {
        let run = try heartdesk(["shift", "new-call", "--journal", journal, "--policy", policy, "--roster", roster] + extra)
        #expect(run.status == 0, "\(extra): \(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func calls() throws -> [[String: Any]] {
        let show = try heartdesk(["shift", "show", "--journal", journal, "--policy", policy, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        return try #require(object["calls"] as? [[String: Any]])
    }

    @Test("a new shift under another city's policy with Durham's built-in roster says a --roster is needed")
    func rosterHint() throws {
        let run = try heartdesk(["shift", "new-call", "--journal", journal, "--policy", policy, "--type", "5150", "--beat", "1"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("do not fit policy Bayview ACT") && run.stderr.contains("give --roster FILE"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test("priorities are the city's: 9 is taken, 5 refused with the scale, defaults and a revision follow the policy")
    func priorities() throws {
        let routine = try newCall(["--type", "918", "--beat", "2", "--no-weapon", "--no-violent"])
        let information = try newCall(["--type", "459", "--beat", "1", "--priority", "9"])
        let refused = try heartdesk(["shift", "new-call", "--journal", journal, "--policy", policy, "--type", "459", "--beat", "1",
                                     "--priority", "5"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("priority 5 is not one of policy Bayview ACT's: use 0–4, 9, 0 (immediate) most urgent"),
                "\(refused.stderr)")
        var byID = Dictionary(uniqueKeysWithValues: try calls().map { ($0["id"] as! String, $0) })
        #expect(byID[routine]?["priority"] as? Int == 3)
        #expect(byID[information]?["priority"] as? Int == 9)
        #expect(byID.count == 2)

        let revise = try heartdesk(["shift", "revise", routine, "--weapon", "--journal", journal, "--policy", policy])
        #expect(revise.status == 0, "\(revise.stderr)")
        byID = Dictionary(uniqueKeysWithValues: try calls().map { ($0["id"] as! String, $0) })
        #expect(byID[routine]?["priority"] as? Int == 1)
    }

    @Test("a command under another policy than the shift's is refused with both names, and the journal stays as it was")
    func policyMismatch() throws {
        let id = try newCall(["--type", "5150", "--beat", "1"])
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let edited = directory.path("bayview-edited.yaml")
        try (PolicyText.otherCity + "\n# hours under review\n").write(toFile: edited, atomically: false, encoding: .utf8)

        let underDurham = try heartdesk(["shift", "note", id, "more", "--journal", journal])
        #expect(underDurham.status != 0)
        #expect(underDurham.stderr.contains("opened under policy Bayview ACT") && underDurham.stderr.contains("not Durham HEART"),
                "\(underDurham.stderr)")
        let underEdit = try heartdesk(["shift", "note", id, "more", "--journal", journal, "--policy", edited])
        #expect(underEdit.status != 0)
        #expect(underEdit.stderr.contains("another version of policy Bayview ACT"), "\(underEdit.stderr)")
        for reader in [["report", journal], ["shift", "show", "--journal", journal], ["journal", "export", journal, "--format", "csv"]] {
            let run = try heartdesk(reader)
            #expect(run.status != 0 && run.stderr.contains("opened under policy Bayview ACT"), "\(reader): \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)

        let same = try heartdesk(["shift", "note", id, "more", "--journal", journal, "--policy", policy])
        #expect(same.status == 0, "\(same.stderr)")
    }

    @Test("the report shows decisions beside responses sent; a phone transfer is served; headings use the program's name")
    func reportDecisionsAndSent() throws {
        let transferred = try newCall(["--type", "5150", "--beat", "1", "--no-weapon", "--no-violent"])
        let burglary = try newCall(["--type", "459", "--beat", "2"])
        let missed = try newCall(["--type", "crisis", "--beat", "2", "--no-weapon", "--no-violent"])
        for arguments in [["close", transferred, "--disposition", "transferred-by-phone"], ["dispatch", burglary, "PD-1"],
                          ["close", burglary, "--disposition", "resolved-on-scene"], ["close", missed, "--disposition", "no-contact"]] {
            let run = try heartdesk(["shift"] + arguments + ["--journal", journal, "--policy", policy])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let report = try heartdesk(["report", journal, "--policy", policy])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Calls by decision: dispatch ACT 2 · PD 1; phone LINE 2; follow-up NAV 2"), "\(report.stdout)")
        #expect(lines.contains("Calls by response sent: LINE 1 · PD 1 · none 1"), "\(report.stdout)")
        #expect(lines.contains("ACT-eligible calls not served: 1"), "\(report.stdout)")
        #expect(lines.contains { $0.hasPrefix("- \(missed) Person in Crisis:") })
        #expect(!lines.contains { $0.hasPrefix("- \(transferred) ") })
    }

    @Test("crew roles are the city's: its roster loads, the journal keeps each role's letter, a Durham role is refused")
    func crewRoles() throws {
        let id = try newCall(["--type", "918", "--beat", "1"])
        #expect(id == "C-0001")
        let show = try heartdesk(["shift", "show", "--journal", journal, "--policy", policy])
        #expect(show.stdout.contains("ACT-1   S M"), "\(show.stdout)")
        #expect(show.stdout.contains("PD-1    O "), "\(show.stdout)")
        let events = try heartdesk(["journal", "show", journal, "--policy", policy, "--json"])
        #expect(events.stdout.contains("\"crew\":[\"social-worker\",\"paramedic\"]") || events.stdout.contains("\"social-worker\""))

        let durhamRoles = directory.path("durham-roles.yaml")
        try PolicyText.otherCityRoster.replacingOccurrences(of: "[officer]", with: "[cit-officer]")
            .write(toFile: durhamRoles, atomically: false, encoding: .utf8)
        let refused = try heartdesk(["shift", "new-call", "--journal", directory.path("other.hdj"), "--policy", policy,
                                     "--roster", durhamRoles, "--type", "918", "--beat", "1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("durham-roles.yaml:3: unknown crew role 'cit-officer': policy Bayview ACT has social-worker, paramedic, officer"),
                "\(refused.stderr)")
    }

    @Test("a beat written -1, as exports write unknown, is a value to --beat, not an option")
    func negativeBeat() throws {
        let route = try heartdesk(["route", "--type", "MHC", "--beat", "-1"])
        #expect(route.status != 0)
        #expect(route.stderr.contains("unknown beat '-1' in policy Durham HEART"), "\(route.stderr)")
    }
}
