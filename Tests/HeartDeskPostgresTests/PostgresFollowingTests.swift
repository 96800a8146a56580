import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskPostgres
import Testing
import TestSupport

/// How a console follows a shift in the database: told by LISTEN/NOTIFY, never waiting on the network itself, on
/// loopback and across two hosts whose cable is cut.
@Suite(.serialized) final class PostgresFollowingTests {
    func open(_ server: PostgresServer, _ shift: String, mode: Journal.Mode = .write) throws -> PostgresJournal {
        try PostgresJournal.open(try PostgresJournalURL(server.url(shift: shift)), mode: mode)
    }

    func stamp() -> EventStamp {
        let time = Durham.instant("2026-11-23T10:30")
        return EventStamp(wallTime: time, shiftTime: time, position: "pos-2", operatorName: "tester")
    }

    func note(_ text: String, on journal: PostgresJournal) throws {
        try journal.record(.addNote(callID: "C-0001", text: text), router: Durham.router, stamp: stamp())
    }

    /// Refreshes `journal` until something arrives; returns how long that took.
    func secondsUntilArrival(_ journal: PostgresJournal, limit: Double = 10) throws -> Double {
        let start = Date()
        while try journal.refresh() == 0 {
            if Date().timeIntervalSince(start) > limit { return .infinity }
            usleep(2_000)
        }
        return Date().timeIntervalSince(start)
    }

    @Test func aFollowingPositionSeesAnotherPositionsAppendWithinASecond() throws {
        let server = try PostgresServer()
        let writer = try open(server, "listen")
        try writer.record(.openShift(units: try RosterLoader.bundledDurham(policy: Durham.policy)), router: Durham.router, stamp: stamp())
        try writer.record(.newCall(NewCall(callType: "MHC", beat: "111")), router: Durham.router, stamp: stamp())
        let watcher = try open(server, "listen", mode: .read)
        // The follower's own look comes once a minute here: an append within a second is the notification's doing.
        watcher.startFollowing(pollInterval: 60)
        try note("first", on: writer)
        // The first may come by the follower's first look; once it has, the follower is listening.
        #expect(try secondsUntilArrival(watcher) < 10)
        for text in ["second", "third"] {
            try note(text, on: writer)
            let seconds = try secondsUntilArrival(watcher)
            #expect(seconds < 1, "the append of ‘\(text)’ reached the other position after \(seconds) s")
        }
        #expect(watcher.state.call("C-0001")?.notes.map(\.text) == ["first", "second", "third"])
        #expect(watcher.headHash == writer.headHash)
    }

    @Test func aFollowingPositionWhoseServerIsGoneRefusesAWriteAtOnceAndComesBack() throws {
        let server = try PostgresServer()
        let position = try open(server, "gone")
        try position.record(.openShift(units: try RosterLoader.bundledDurham(policy: Durham.policy)), router: Durham.router, stamp: stamp())
        try position.record(.newCall(NewCall(callType: "MHC", beat: "111")), router: Durham.router, stamp: stamp())
        position.startFollowing(pollInterval: 0.2)
        try server.stop()
        // The follower finds out; the console's look at it never waits.
        let deadline = Date().addingTimeInterval(10)
        var offline: JournalError?
        while offline == nil, Date() < deadline {
            do {
                try position.refresh()
                usleep(20_000)
            } catch let error as JournalError {
                offline = error
            }
        }
        #expect(offline?.kind == .offline, "the follower never said the database was gone")
        let asked = Date()
        #expect(throws: JournalError.self) { try self.note("while gone", on: position) }
        #expect(Date().timeIntervalSince(asked) < 0.5, "a write while offline waited on the network")
        try server.start()
        let back = Date().addingTimeInterval(10)
        while (try? position.refresh()) == nil, Date() < back { usleep(50_000) }
        try note("after", on: position)
        #expect(try open(server, "gone", mode: .read).state.call("C-0001")?.notes.map(\.text) == ["after"])
    }

    @Test func aConsoleOnAnotherHostFollowsKeepsAnsweringKeysWhenTheCableIsCutAndComesBack() throws {
        let hosts = try TwoHosts()
        let server = try PostgresServer(namespace: hosts.serverNamespace, address: hosts.serverAddress)
        let url = server.url(shift: "hosts")
        // A supervisor's position on the server's host opens the shift and takes a call.
        let opened = try HeartDeskBinary.run(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111",
                                              "--position", "pos-1"], host: hosts.onServer)
        #expect(opened.status == 0, "\(opened.stderr)")
        let tmux = try TmuxConsole(["--journal", url], width: 140, height: 35, host: hosts.onPosition)
        try tmux.waitFor("Call queue")
        try tmux.waitFor("Mental Health Cri")
        let second = try HeartDeskBinary.run(["shift", "new-call", "--journal", url, "--type", "SUIT", "--beat", "212",
                                              "--position", "pos-1"], host: hosts.onServer)
        #expect(second.status == 0, "\(second.stderr)")
        try tmux.waitFor("C-0002", seconds: 5)

        try hosts.cut()
        // Nothing refuses a packet now: the console has to notice by itself, and must keep answering keys meanwhile.
        try tmux.waitFor("JOURNAL: OFFLINE since", seconds: 15)
        let asked = Date()
        try tmux.keys("n")
        try tmux.waitFor("New call", seconds: 5)
        #expect(Date().timeIntervalSince(asked) < 1.5, "the console took \(Date().timeIntervalSince(asked)) s to open a form while offline")
        try tmux.type("Nuisance")
        try tmux.keys("Tab")
        try tmux.type("511")
        try tmux.keys("Tab", "n", "Tab", "n", "Tab", "n", "Tab")
        try tmux.type("5 Elm St")
        let submitted = Date()
        try tmux.keys("Enter")
        try tmux.waitFor("Not recorded: journal OFFLINE (cannot reach the database", seconds: 5)
        #expect(Date().timeIntervalSince(submitted) < 1.5, "a write while offline waited \(Date().timeIntervalSince(submitted)) s")

        try hosts.mend()
        try tmux.waitFor("Journal back online", seconds: 20)
        // The form kept what was typed: the same key records it now.
        try tmux.keys("Enter")
        try tmux.waitFor("C-0003 recorded", seconds: 10)
        let shown = try HeartDeskBinary.run(["shift", "show", "--journal", url], host: hosts.onServer)
        #expect(shown.stdout.contains("C-0003"), "\(shown.stdout)\(shown.stderr)")
        #expect(try HeartDeskBinary.run(["journal", "verify", url], host: hosts.onServer).status == 0)
        try tmux.keys("F10")
        try tmux.waitFor("EXIT:0")
    }

    @Test func aWriterWhoseCableIsCutMidAppendsGivesUpInSecondsAndLosesNothingAcknowledged() throws {
        let hosts = try TwoHosts()
        let server = try PostgresServer(namespace: hosts.serverNamespace, address: hosts.serverAddress)
        let url = server.url(shift: "cut")
        // Each query bounded at 2 s, as a console bounds its writes at 5 s.
        let writer = try StressWriter(journal: url, prefix: "cut", count: 100_000, deadline: 2, host: hosts.onPosition)
        writer.waitForAcknowledged(200)
        // Mid-appends, the cable goes: no error comes back, answers just stop.
        try hosts.cut()
        let cutAt = Date()
        let status = writer.waitForExit()
        let gaveUpAfter = Date().timeIntervalSince(cutAt)
        #expect(status != 0, "the writer must fail once the database is out of reach")
        // The 2 s deadline, then asking (for at most the deadline again, one connect of up to 3 s) whether the append in
        // flight was committed.
        #expect(gaveUpAfter < 12, "the writer waited \(gaveUpAfter) s after the cable was cut")
        try hosts.mend()
        let acknowledged = writer.acknowledged
        // Read from the server's host: this process is on neither.
        let shown = try HeartDeskBinary.run(["shift", "show", "--json", "--journal", url], host: hosts.onServer)
        #expect(shown.status == 0, "\(shown.stderr)")
        let shift = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let calls = shift?["calls"] as? [[String: Any]] ?? []
        let notes = calls.first { $0["id"] as? String == "C-0001" }?["notes"] as? [String] ?? []
        #expect(acknowledged.count >= 200)
        #expect(Set(acknowledged).isSubset(of: Set(notes)), "an acknowledged note was lost")
        #expect(notes.count == Set(notes).count, "a note was recorded twice")
        #expect(notes.count - acknowledged.count <= 1, "only the append in flight may be there unacknowledged")
    }
}
