import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskPostgres
import Testing
import TestSupport

/// The shift journal in a real PostgreSQL server on loopback: appends, races, the chain, faults and roles.
@Suite(.serialized) final class PostgresJournalTests {
    let server: PostgresServer
    let directory = TemporaryDirectory()

    init() throws {
        server = try PostgresServer()
    }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    func open(_ shift: String, mode: Journal.Mode = .write, user: String? = nil) throws -> PostgresJournal {
        try PostgresJournal.open(try PostgresJournalURL(server.url(shift: shift, user: user)), mode: mode)
    }

    @Test func theCommandLineRecordsShowsAndVerifiesAShiftInTheDatabase() throws {
        let url = server.url(shift: "day-1")
        let made = try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111", "--no-weapon", "--no-violent",
                                  "--callback", "919-555-0100"])
        #expect(made.status == 0 && made.stdout == "C-0001\n", "\(made.stderr)")
        #expect(try heartdesk(["shift", "dispatch", "C-0001", "CRT-1", "--journal", url]).status == 0)
        let show = try heartdesk(["shift", "show", "--journal", url])
        #expect(show.stdout.contains("C-0001") && show.stdout.contains("CRT-1"), "\(show.stdout)\(show.stderr)")
        let verify = try heartdesk(["journal", "verify", url])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: 3 records, hash chain intact, head "), "\(verify.stdout)\(verify.stderr)")
        // The same chain as a file's: the head a file with the same events would have.
        let journal = try open("day-1", mode: .read)
        #expect(verify.stdout.contains(journal.headHash.hex))
        // A refused command writes nothing.
        let refused = try heartdesk(["shift", "dispatch", "C-0009", "CRT-2", "--journal", url])
        #expect(refused.status == 2 && refused.stderr.hasPrefix("heartdesk shift dispatch: refused: "), "\(refused.stderr)")
        #expect(try open("day-1", mode: .read).recordCount == 3)
    }

    @Test func twoProcessesAppendingAtOnceLoseNothingAndDuplicateNothing() throws {
        let url = server.url(shift: "race")
        let writers = try ["a", "b"].map { try StressWriter(journal: url, prefix: $0, count: 2000) }
        var acknowledged: [String] = []
        for writer in writers {
            #expect(writer.waitForExit() == 0, "\(writer.errorOutput)")
            acknowledged += writer.acknowledged
        }
        #expect(acknowledged.count == 4000)
        let journal = try open("race", mode: .read)
        let notes = journal.state.call("C-0001")?.notes.map(\.text) ?? []
        #expect(notes.count == 4000 && Set(notes).count == 4000)
        #expect(Set(notes) == Set(acknowledged))
        // Each writer's notes in its own order: one order for all, as each position saw its own.
        for prefix in ["a", "b"] {
            let mine = notes.filter { $0.hasPrefix(prefix + "-") }
            #expect(mine == (1...2000).map { "\(prefix)-\($0)" })
        }
        #expect(journal.recordCount == 1 + 1 + 4000)  // shift opened, the call, the notes
    }

    @Test func aStoppedServerIsRefusedInOneLineAndNothingIsHalfRecorded() throws {
        let url = server.url(shift: "offline")
        #expect(try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111"]).status == 0)
        try server.stop()
        defer { try? server.start() }
        let refused = try heartdesk(["shift", "note", "C-0001", "still there?", "--journal", url])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("cannot reach the database"), "\(refused.stderr)")
        try server.start()
        #expect(try open("offline", mode: .read).recordCount == 2)
    }

    @Test func aRoleThatMaySelectOnlyReadsButCannotWrite() throws {
        let url = server.url(shift: "roles")
        #expect(try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111"]).status == 0)
        try server.psql("CREATE ROLE supervisor LOGIN; GRANT SELECT ON heartdesk_events, heartdesk_schema TO supervisor")
        let readerURL = server.url(shift: "roles", user: "supervisor")
        let show = try heartdesk(["shift", "show", "--journal", readerURL])
        #expect(show.status == 0 && show.stdout.contains("C-0001"), "\(show.stderr)")
        let write = try heartdesk(["shift", "note", "C-0001", "hello", "--journal", readerURL])
        #expect(write.status == 2 && write.stderr.contains("permission denied"), "\(write.stderr)")
        #expect(try open("roles", mode: .read).recordCount == 2)
        // The supervisor's console follows with that role too: LISTEN needs no right, and its follower only SELECTs.
        let board = try open("roles", mode: .read, user: "supervisor")
        board.startFollowing(pollInterval: 60)
        let writer = try open("roles")
        let waitUntil = Date().addingTimeInterval(10)
        var seen = 0
        repeat {
            try writer.record(.addNote(callID: "C-0001", text: "seen by the supervisor"), router: Durham.router,
                              stamp: EventStamp.live(at: Durham.instant("2026-11-23T10:30"), position: "ct", operatorName: "ana"))
            usleep(200_000)
            seen = try board.refresh()
        } while seen == 0 && Date() < waitUntil
        #expect(seen > 0 && board.state.call("C-0001")?.notes.last?.text == "seen by the supervisor")
        let written = try open("roles", mode: .read).recordCount
        // A call-taker's role as docs/many-positions.md grants it, once the tables exist: SELECT and INSERT, no CREATE.
        try server.psql("CREATE ROLE calltaker LOGIN; GRANT SELECT, INSERT ON heartdesk_events TO calltaker; "
                        + "GRANT SELECT ON heartdesk_schema TO calltaker")
        let note = try heartdesk(["shift", "note", "C-0001", "hello", "--journal", server.url(shift: "roles", user: "calltaker")])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(try open("roles", mode: .read).recordCount == written + 1)
    }

    @Test func aRecordChangedInTheDatabaseIsFoundAndNamed() throws {
        let url = server.url(shift: "tamper")
        #expect(try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111"]).status == 0)
        #expect(try heartdesk(["shift", "note", "C-0001", "calm now", "--journal", url]).status == 0)
        // Someone with the table's rights edits a note's bytes in place.
        try server.psql("UPDATE heartdesk_events SET payload = overlay(payload placing '\\x58'::bytea from length(payload) - 2 for 1) "
                        + "WHERE shift = 'tamper' AND seq = 3")
        let verify = try heartdesk(["journal", "verify", url])
        #expect(verify.status == 2 && verify.stderr.contains("record 3's hash does not match"), "\(verify.stderr)")
        try server.psql("DELETE FROM heartdesk_events WHERE shift = 'tamper' AND seq = 2")
        let gap = try heartdesk(["journal", "verify", url])
        #expect(gap.stderr.contains("record 2 is missing"), "\(gap.stderr)")
    }

    @Test func theURLIsCheckedBeforeAnythingIsTried() throws {
        let withPassword = try heartdesk(["shift", "show", "--journal", "postgresql://ana:secret@127.0.0.1/heartdesk?shift=x"])
        #expect(withPassword.status == 2 && withPassword.stderr.contains("give it in PGPASSWORD or ~/.pgpass"), "\(withPassword.stderr)")
        let noShift = try heartdesk(["shift", "show", "--journal", "postgresql://ana@127.0.0.1/heartdesk"])
        #expect(noShift.stderr.contains("names no shift"), "\(noShift.stderr)")
        let empty = try heartdesk(["shift", "show", "--journal", server.url(shift: "never-written")])
        #expect(empty.status == 2 && empty.stderr.contains("database heartdesk holds no HeartDesk journal yet"), "\(empty.stderr)")
        #expect(try heartdesk(["shift", "new-call", "--journal", server.url(shift: "other"), "--type", "MHC", "--beat", "111"]).status == 0)
        let missing = try heartdesk(["shift", "show", "--journal", server.url(shift: "never-written")])
        #expect(missing.status == 2 && missing.stderr.contains("no shift 'never-written'"), "\(missing.stderr)")
    }

    @Test func anExerciseRunsOnANewShiftInTheDatabaseAndItsReportGoesToTheExercisesFolder() throws {
        let url = server.url(shift: "drill")
        let state = directory.path("state")
        let run = try HeartDeskBinary.run(["exercise", "safety-test", "--headless", "--auto", "--journal", url],
                                          environment: ["USER": "ana", "XDG_STATE_HOME": state])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Score: 6 of 6 calls handled as expected"), "\(run.stdout)")
        let reportPath = state + "/heartdesk/exercises/drill.report.md"
        #expect(run.stdout.contains("After-action report: \(reportPath)"), "\(run.stdout)")
        let report = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(report.hasPrefix("# After-action report: "))
        let mode = (try FileManager.default.attributesOfItem(atPath: reportPath)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600, "the report holds call data: \(String(mode, radix: 8))")
        // The same shift as a file of the same exercise: the score comes from the database's events.
        let file = directory.path("drill.journal")
        #expect(try heartdesk(["exercise", "safety-test", "--headless", "--auto", "--journal", file]).status == 0)
        #expect(try open("drill", mode: .read).recordCount == (try Journal.open(file, mode: .read)).recordCount)
        #expect(try heartdesk(["journal", "verify", url]).status == 0)
        // An exercise starts on a new shift: never on top of one.
        let again = try heartdesk(["exercise", "safety-test", "--headless", "--journal", url])
        #expect(again.status == 2 && again.stderr.contains("already holds") && again.stderr.split(separator: "\n").count == 1,
                "\(again.stderr)")
    }

    @Test func aShiftCopiedFileToDatabaseAndBackKeepsEveryEventAndTheChain() throws {
        let file = directory.path("day.journal")
        #expect(try heartdesk(["shift", "new-call", "--journal", file, "--type", "MHC", "--beat", "111", "--no-weapon", "--no-violent", "--language", "Spanish",
                               "--interpreter", "yes"]).status == 0)
        #expect(try heartdesk(["shift", "dispatch", "C-0001", "CRT-1", "--journal", file]).status == 0)
        #expect(try heartdesk(["shift", "note", "C-0001", "calmer now", "--journal", file]).status == 0)
        let url = server.url(shift: "archive")
        let up = try heartdesk(["journal", "copy", file, url])
        #expect(up.status == 0 && up.stdout.hasPrefix("copied 4 records; chain checked on both sides; head "), "\(up.stdout)\(up.stderr)")
        #expect(up.stdout.contains("(the same as the source's)"))
        let back = directory.path("back.journal")
        let down = try heartdesk(["journal", "copy", url, back])
        #expect(down.status == 0, "\(down.stderr)")
        let original = try Journal.open(file, mode: .read, keepEvents: true)
        let returned = try Journal.open(back, mode: .read, keepEvents: true)
        #expect(returned.events == original.events && returned.headHash == original.headHash)
        #expect(try heartdesk(["journal", "verify", url]).status == 0 && heartdesk(["journal", "verify", back]).status == 0)
        // Copying onto a shift that has events is refused, and writes nothing.
        let again = try heartdesk(["journal", "copy", file, url])
        #expect(again.status == 2 && again.stderr.contains("already holds 4 records"), "\(again.stderr)")
        #expect(try open("archive", mode: .read).recordCount == 4)
    }

    @Test func aConsoleOnTheDatabaseFollowsAnotherPositionGoesOfflineAndComesBack() throws {
        let url = server.url(shift: "console")
        let tmux = try TmuxConsole(["--journal", url], width: 140, height: 35)
        try tmux.waitFor("Call queue")
        // Another position, another process: the console shows its call without a key pressed.
        let made = try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111", "--position", "pos-2"])
        #expect(made.status == 0, "\(made.stderr)")
        let acknowledged = Date()
        try tmux.waitFor("Mental Health Cri", seconds: 5)
        let seen = Date().timeIntervalSince(acknowledged)
        #expect(seen < 1, "the console showed another position's call \(seen) s after it was acknowledged")
        try server.stop()
        try tmux.waitFor("JOURNAL: OFFLINE since", seconds: 10)
        // A write while offline is refused with the reason; the last known board stays.
        try tmux.keys("n")
        try tmux.waitFor("New call")
        try tmux.type("Nuisance")
        try tmux.keys("Tab")
        try tmux.type("511")
        try tmux.keys("Tab", "n", "Tab", "n", "Tab", "n", "Tab")
        try tmux.type("5 Elm St")
        try tmux.keys("Enter")
        try tmux.waitFor("Not recorded: journal OFFLINE (cannot reach the database", seconds: 10)
        try tmux.keys("Escape", "y")
        try server.start()
        try tmux.waitFor("Journal back online", seconds: 10)
        #expect(!(try tmux.screen().contains("OFFLINE since")))
        #expect(try open("console", mode: .read).recordCount == 2)
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func aServerKilledMidAppendsKeepsEveryAcknowledgedEventOnce() throws {
        let url = server.url(shift: "killed")
        let writer = try StressWriter(journal: url, prefix: "k", count: 5000)
        // Let it acknowledge a few hundred notes, then kill the server under it.
        writer.waitForAcknowledged(200)
        try server.kill9()
        #expect(writer.waitForExit() != 0, "the writer must fail once its server is gone")
        let acknowledged = writer.acknowledged
        try server.start()
        let notes = try open("killed", mode: .read).state.call("C-0001")?.notes.map(\.text) ?? []
        #expect(acknowledged.count >= 200)
        #expect(Set(acknowledged).isSubset(of: Set(notes)), "an acknowledged note was lost")
        #expect(notes.count == Set(notes).count, "a note was recorded twice")
        // At most the one append in flight when the server died may be there unacknowledged.
        #expect(notes.count - acknowledged.count <= 1)
        #expect(try heartdesk(["journal", "verify", url]).status == 0)
    }

    @Test(arguments: [UInt64(1), 2])
    func replayEqualsLiveWithTwoPositionsTakingTurns(seed: UInt64) throws {
        // Two positions on one shift, each command going to one of them at random: every append catches up on the
        // other's first. Reopened, the shift is the one both folded live.
        let positions = [try open("property-\(seed)"), try open("property-\(seed)")]
        var clock = Durham.instant("2026-11-23T10:30")
        func stamp() -> EventStamp { EventStamp(wallTime: clock, shiftTime: clock, position: "p", operatorName: "tester") }
        try positions[0].record(.openShift(units: try RosterLoader.bundledDurham(policy: Durham.policy)), router: Durham.router, stamp: stamp())
        var random = SeededRandom(seed: seed)
        var accepted = 0
        for _ in 0..<400 {
            clock += Double.random(in: 0...180, using: &random)
            let writer = positions[Int.random(in: 0..<2, using: &random)]
            try writer.refresh()
            let command = RandomShiftCommands.next(in: writer.state, using: &random)
            if (try? writer.record(command, router: Durham.router, stamp: stamp())) != nil { accepted += 1 }
        }
        #expect(accepted > 80)
        for position in positions { try position.refresh() }
        let reopened = try open("property-\(seed)", mode: .read)
        #expect(reopened.state == positions[0].state && reopened.state == positions[1].state)
        #expect(reopened.recordCount == reopened.state.eventCount && reopened.state.inconsistentEvents == 0)
        #expect(reopened.headHash == positions[0].headHash)
    }
}
