import Foundation
import Testing
import TestSupport

/// The dispatch guard, revising a call and `--at` through the real binary, on a pinned clock.
@Suite("heartdesk shift: call safety (end to end)")
struct CallSafetyCommandLineTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.hdj") }

    func heartdesk(_ arguments: [String], clock: String = HeartDeskBinary.testClock) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments + ["--journal", journal], environment: ["USER": "ana", "HEARTDESK_CLOCK": clock])
    }

    func showJSON(clock: String = HeartDeskBinary.testClock) throws -> [String: Any] {
        let show = try heartdesk(["shift", "show", "--json"], clock: clock)
        return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    }

    func call(_ id: String, in object: [String: Any]) throws -> [String: Any] {
        let calls = try #require(object["calls"] as? [[String: Any]])
        return try #require(calls.first { $0["id"] as? String == id })
    }

    @Test(arguments: ["CN-1", "CCD-1"])
    func aFollowUpOrPhoneUnitIsNotSentToAWeaponCallWithoutAReason(unit: String) throws {
        let made = try heartdesk(["shift", "new-call", "--type", "Trespass", "--beat", "214", "--weapon", "--no-violent",
                                  "--location", "Five Points"])
        #expect(made.status == 0, "\(made.stderr)")
        let before = directory.bytes("shift.hdj")
        let refused = try heartdesk(["shift", "dispatch", "C-0001", unit])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("heartdesk shift dispatch: refused: "))
        #expect(refused.stderr.hasSuffix("give --override REASON to send \(unit) anyway\n"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(directory.bytes("shift.hdj") == before)
        let sent = try heartdesk(["shift", "dispatch", "C-0001", unit, "--override", "supervisor approved"])
        #expect(sent.status == 0, "\(sent.stderr)")
    }

    @Test func aResponseClosedSinceTriageIsRefusedAtTheTimeGivenWithAt() throws {
        let saturday = "2026-11-21T21:06"
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--no-weapon", "--no-violent",
                               "--location", "Main St", "--at", "2026-11-21T20:50"], clock: saturday).status == 0)
        let late = try heartdesk(["shift", "dispatch", "C-0001", "CRT-1", "--at", "2026-11-21T21:05"], clock: saturday)
        #expect(late.status == 2)
        #expect(late.stderr.contains("C-0001 is not eligible for CRT now — CRT: closed — every day 10:00–21:00, now Sat 21:05 (decision now POLICE)"),
                "\(late.stderr)")
        // At 20:55 CRT still worked.
        let inTime = try heartdesk(["shift", "dispatch", "C-0001", "CRT-1", "--at", "2026-11-21T20:55"], clock: saturday)
        #expect(inTime.status == 0, "\(inTime.stderr)")
        let events = try HeartDeskBinary.run(["journal", "show", journal]).stdout
        #expect(events.contains("20:55:00") && events.contains("CRT-1 dispatched to C-0001"))
    }

    @Test("--at is refused before the last event of its call or unit, or minutes ahead of the clock", arguments: [
        (["shift", "note", "C-0001", "late entry", "--at", "2026-11-23T14:05"], "is earlier than the last event of C-0001 (2026-11-23T14:10:00-05:00)"),
        (["shift", "status", "CRT-1", "on-scene", "--at", "2026-11-23T14:09"], "is earlier than the last event of"),
        (["shift", "close", "C-0001", "--disposition", "resolved-on-scene", "--at", "2026-11-23T14:40"], "is more than 5 minutes ahead of the clock (2026-11-23T14:30:00-05:00)"),
        (["shift", "revise", "C-0001", "--weapon", "--at", "2026-11-23T13:00"], "is earlier than the last event of"),
        (["shift", "backup", "CRT-1", "--kind", "police", "--at", "1999-01-01T00:00"], "is earlier than the last event of"),
    ] as [([String], String)])
    func backDatedEntries(arguments: [String], message: String) throws {
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--no-weapon", "--no-violent",
                               "--location", "Main St", "--at", "2026-11-23T14:00"]).status == 0)
        #expect(try heartdesk(["shift", "dispatch", "C-0001", "CRT-1", "--at", "2026-11-23T14:10"]).status == 0)
        let before = directory.bytes("shift.hdj")
        let run = try heartdesk(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(directory.bytes("shift.hdj") == before)
        // The same command a little later than the last event, and not ahead of the clock, is taken.
        var fixed = arguments
        fixed[fixed.count - 1] = "2026-11-23T14:20"
        #expect(try heartdesk(fixed).status == 0)
    }

    @Test func theKnifeRevealedAfterDispatchWarnsUntilPoliceBackUp() throws {
        #expect(try heartdesk(["shift", "new-call", "--type", "Mental Health Crisis", "--beat", "112", "--no-weapon", "--no-violent",
                               "--location", "12 Oak St"]).status == 0)
        #expect(try heartdesk(["shift", "dispatch", "C-0001", "CRT-1"]).status == 0)
        let revised = try heartdesk(["shift", "revise", "C-0001", "--weapon", "--note", "he picked up a kitchen knife"])
        #expect(revised.status == 0, "\(revised.stderr)")
        #expect(revised.stdout == """
            C-0001 revised: weapon no → yes
            decision now: dispatch POLICE, phone CCD, follow-up CN
            WARNING: CRT-1 is unarmed on a weapon call (C-0001): request police back-up or recall

            """)
        var call = try call("C-0001", in: try showJSON())
        #expect((call["decision"] as? [String: Any])?["dispatch"] as? String == "POLICE")
        #expect(call["warnings"] as? [String] == ["CRT-1 is unarmed on a weapon call (C-0001): request police back-up or recall"])
        #expect((call["answers"] as? [String: String])?["weapon"] == "yes")
        #expect((call["revisions"] as? [[String: Any]])?.first?["changes"] as? [String] == ["weapon no → yes"])
        #expect(try heartdesk(["shift", "backup", "CRT-1", "--kind", "police"]).status == 0)
        call = try self.call("C-0001", in: try showJSON())
        #expect(call["warnings"] as? [String] == [])
        #expect(try heartdesk(["shift", "backup", "CRT-1", "--acknowledge", "--operator", "Bo"]).status == 0)
        let backups = try #require(try showJSON()["backups"] as? [[String: Any]])
        #expect(backups.first?["acknowledgedBy"] as? String == "Bo at cli")
    }

    @Test func anUnaskedQuestionReadsAsNotAsked() throws {
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "unknown", "--location", "somewhere downtown"]).status == 0)
        let call = try call("C-0001", in: try showJSON())
        #expect(call["answers"] as? [String: String] == ["weapon": "not asked", "violent": "not asked", "elevated-risk": "not asked"])
        #expect(call["beat"] is NSNull)
        let reasons = try #require((call["decision"] as? [String: Any])?["reasons"] as? [String])
        #expect(reasons.contains("CRT: beat unknown — outside-area rules apply"))
    }
}
