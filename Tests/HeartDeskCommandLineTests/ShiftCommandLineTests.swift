import Foundation
import Testing
import TestSupport

/// `heartdesk shift` and `heartdesk journal` run as a user would, against a real file.
@Suite("heartdesk shift and journal (end to end)")
struct ShiftCommandLineTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.hdj") }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    /// A shift with one dispatched call, built through the commands themselves.
    func seeded() throws -> String {
        let made = try heartdesk(["shift", "new-call", "--journal", journal, "--type", "Mental Health Crisis", "--beat", "111",
                                  "--caller", "Nguyễn Văn An", "--callback", "919-555-0101", "--note", "pacing outside",
                                  "--no-weapon", "--no-violent", "--at", "2026-11-23T14:00"])  // a Monday afternoon: CRT is working
        #expect(made.status == 0, "\(made.stderr)")
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try heartdesk(["shift", "dispatch", id, "CRT-1", "--journal", journal]).status == 0)
        return id
    }

    @Test("a call's whole life through the commands, then show --json")
    func wholeLife() throws {
        let id = try seeded()
        #expect(id == "C-0001")
        for arguments in [["status", "CRT-1", "en-route"], ["status", "CRT-1", "on-scene"], ["backup", "CRT-1", "--kind", "ems"],
                          ["note", id, "EMS asked to check vitals"], ["close", id, "--disposition", "transported-to-care"]] {
            let run = try heartdesk(["shift"] + arguments + ["--journal", journal])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let show = try heartdesk(["shift", "show", "--journal", journal, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let calls = try #require(object["calls"] as? [[String: Any]])
        let units = try #require(object["units"] as? [[String: Any]])
        let followUps = try #require(object["followUps"] as? [[String: Any]])
        #expect(calls.first?["id"] as? String == "C-0001")
        #expect(calls.first?["state"] as? String == "closed")
        #expect(calls.first?["caller"] as? String == "Nguyễn Văn An")
        #expect((calls.first?["decision"] as? [String: Any])?["dispatch"] as? String == "CRT")
        #expect(units.first { $0["id"] as? String == "CRT-1" }?["status"] as? String == "available")
        #expect(followUps.first?["status"] as? String == "open")
        #expect(object["backupRequests"] as? Int == 1)

        let lines = try heartdesk(["journal", "show", journal]).stdout.split(separator: "\n")
        #expect(lines.count == 8)  // opened, call, dispatch, en route, on scene, back-up, note, close
        #expect(lines.contains { $0.contains("ana") && $0.contains("CRT-1 requests EMS back-up on C-0001") })
        let verify = try heartdesk(["journal", "verify", journal])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok: 8 records, hash chain intact, head "))

        let csv = try heartdesk(["journal", "export", journal, "--format", "csv"]).stdout.split(separator: "\n")
        let header = "id,receivedAt,callType,code,beat,district,flags,priority,location,dispatch,phone,followUp,units,state,"
            + "disposition,closedAt,followUpId"
        #expect(csv.first.map(String.init) == header)
        #expect(csv.count == 2)
        let row = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == 17, "\(csv[1])")
        if row.count == 17 {
            // Code and district come from the policy; priority, location and disposition from the record.
            #expect(row[3] == "MHC" && row[5] == "D1" && row[7] == "2" && row[14] == "transported-to-care", "\(row)")
        }
        let intervals = try heartdesk(["journal", "export", journal, "--format", "csv", "--table", "intervals"]).stdout
        #expect(intervals.contains("CRT-1,on-scene,"))
        let json = try heartdesk(["journal", "export", journal, "--format", "json"])
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((exported["intervals"] as? [Any])?.isEmpty == false)
    }

    @Test("bad input on every command: one line, non-zero exit, journal byte-for-byte unchanged", arguments: [
        (["shift", "dispatch", "C-0099", "CRT-2"], "no call C-0099"),
        (["shift", "dispatch", "C-0001", "CRT-9"], "no unit CRT-9"),
        (["shift", "status", "CRT-2", "asleep"], "unknown status 'asleep'"),
        (["shift", "status", "CRT-2", "on-scene"], "CRT-2 is not on a call"),
        (["shift", "backup", "CRT-1", "--kind", "army"], "unknown back-up kind 'army'"),
        (["shift", "note", "C-0099", "hello"], "no call C-0099"),
        (["shift", "close", "C-0001", "--disposition", "vanished"], "unknown disposition 'vanished'"),
        (["shift", "follow-up", "F-0001", "contacted"], "no follow-up F-0001"),
        (["shift", "new-call", "--type", "Mental Helth", "--beat", "111"], "did you mean Mental Health Crisis"),
        (["shift", "new-call", "--type", "Trespass", "--beat", "1111"], "unknown beat '1111'"),
        (["shift", "new-call", "--type", "Trespass", "--beat", "111", "--at", "soon"], "cannot read time 'soon'"),
    ])
    func badInput(arguments: [String], message: String) throws {
        _ = try seeded()
        let before = directory.bytes("shift.hdj")
        let run = try heartdesk(arguments + ["--journal", journal])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let unchanged = directory.bytes("shift.hdj") == before
        #expect(unchanged)
    }

    @Test("a refused first command creates no journal at all")
    func refusedFirstCommand() throws {
        let run = try heartdesk(["shift", "new-call", "--type", "welfare chek", "--beat", "111", "--journal", journal])
        #expect(run.status != 0)
        #expect(run.stderr.contains("did you mean"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test("a file that is not a journal, a missing directory, a read-only journal: refused in one line")
    func badFiles() throws {
        directory.write(Array("just some notes\n".utf8), to: "notes.txt")
        let notJournal = try heartdesk(["shift", "note", "C-0001", "x", "--journal", directory.path("notes.txt")])
        #expect(notJournal.status != 0)
        #expect(notJournal.stderr.contains("not a HeartDesk journal"))
        #expect(directory.bytes("notes.txt") == Array("just some notes\n".utf8))
        #expect(try heartdesk(["journal", "verify", directory.path("notes.txt")]).status != 0)

        let missing = try heartdesk(["shift", "new-call", "--type", "Trespass", "--beat", "111", "--journal", directory.path("no/such/dir/s.hdj")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("does not exist"))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        _ = try seeded()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: journal)
        let before = directory.bytes("shift.hdj")
        let readOnly = try heartdesk(["shift", "note", "C-0001", "x", "--journal", journal])
        // root ignores file modes; the check is meaningful for the call-takers' ordinary accounts.
        if getuid() != 0 {
            #expect(readOnly.status != 0)
            #expect(readOnly.stderr.contains("permission denied"))
            let unchanged = directory.bytes("shift.hdj") == before
            #expect(unchanged)
        }
        let show = try heartdesk(["shift", "show", "--journal", journal])
        #expect(show.status == 0, "a read-only journal can still be shown")
    }

    @Test("verify names the first bad record and exits non-zero")
    func verifyNamesRecord() throws {
        _ = try seeded()
        #expect(try heartdesk(["shift", "note", "C-0001", "second note", "--journal", journal]).status == 0)
        var bytes = directory.bytes("shift.hdj")
        // Damage the second record's payload: the file has the opening, the call, the dispatch and a note after it.
        let secondStart = 16 + 8 + Int(bytes[20]) + Int(bytes[21]) << 8 + 32
        bytes[secondStart + 20] ^= 0xFF
        directory.write(bytes, to: "shift.hdj")
        let verify = try heartdesk(["journal", "verify", journal])
        #expect(verify.status != 0)
        #expect(verify.stderr.contains("record 2 at byte \(secondStart) is damaged"), "\(verify.stderr)")
        let write = try heartdesk(["shift", "note", "C-0001", "more", "--journal", journal])
        #expect(write.status != 0)
        #expect(write.stderr.contains("refusing to write"))
    }
}

/// The interpreter need from the command line to the journal, the JSON and the report.
@Suite("heartdesk shift: interpreter need (end to end)")
struct InterpreterCommandLineTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.hdj") }

    @Test("--interpreter yes|asl is recorded, shown in JSON, revised, and counted in the report; a wrong word is one line")
    func interpreter() throws {
        for (language, need) in [("Tagalog", "yes"), ("", "asl"), ("Spanish", "no")] {
            let made = try HeartDeskBinary.run(["shift", "new-call", "--journal", journal, "--type", "MHC", "--beat", "111", "--no-weapon",
                                                "--no-violent", "--language", language, "--interpreter", need])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let revised = try HeartDeskBinary.run(["shift", "revise", "C-0003", "--interpreter", "yes", "--journal", journal])
        #expect(revised.stdout.hasPrefix("C-0003 revised: interpreter no → yes\n"), "\(revised.stdout) \(revised.stderr)")
        let show = try HeartDeskBinary.run(["shift", "show", "--journal", journal, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let calls = try #require(object["calls"] as? [[String: Any]])
        #expect(calls.map { $0["interpreter"] as? String } == ["yes", "asl", "yes"])
        let markdown = try HeartDeskBinary.run(["report", journal, "--format", "md"]).stdout
        #expect(markdown.contains("Calls needing an interpreter: 3 (1 ASL)"), "\(markdown)")
        #expect(markdown.contains("Mental Health Crisis · ASL"), "\(markdown)")
        let csv = try HeartDeskBinary.run(["report", journal, "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first?.hasSuffix(",interpreter") == true && csv[2].hasSuffix(",asl"))
        let wrong = try HeartDeskBinary.run(["shift", "new-call", "--journal", journal, "--type", "MHC", "--beat", "111",
                                             "--interpreter", "maybe"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--interpreter") && wrong.stderr.contains("maybe"), "\(wrong.stderr)")
    }
}
