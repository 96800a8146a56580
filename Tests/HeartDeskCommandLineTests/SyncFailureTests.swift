import Foundation
import Testing
import TestSupport

/// A failed sync or write never leaves a record (or an empty journal) behind, and every file that holds
/// call data is private: the real binary, faults injected by an LD_PRELOAD shim the test builds from
/// Tests/Fixtures/fail_sync.c.
@Suite("Failed writes and file modes (fault injection)", .serialized)
struct SyncFailureTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("shift.hdj") }

    /// Builds the shim with the toolchain's C compiler.
    func shim() throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fail_sync.c").path
        let output = directory.path("fail_sync.so")
        let compiler = ["/opt/swift/usr/bin/clang", "/usr/bin/cc", "/usr/bin/clang"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let build = Process()
        build.executableURL = URL(fileURLWithPath: try #require(compiler, "no C compiler to build the fault-injection shim"))
        build.arguments = ["-shared", "-fPIC", "-O1", "-o", output, source, "-ldl"]
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        return output
    }

    func heartdesk(_ arguments: [String], failing mode: String? = nil, shim: String? = nil) throws -> HeartDeskBinary.Outcome {
        var environment = ["USER": "ana"]
        if let mode, let shim {
            environment["LD_PRELOAD"] = shim
            if mode == "disk-full" {
                environment["HEARTDESK_FAIL_WRITE_PATH"] = "shift.hdj"
            } else {
                environment["HEARTDESK_FAIL_SYNC_PATH"] = "shift.hdj"
                environment["HEARTDESK_FAIL_SYNC_MODE"] = mode
            }
        }
        return try HeartDeskBinary.run(arguments + ["--journal", journal], environment: environment)
    }

    @Test func aFailedSyncCutsTheRecordBackAndARetryRecordsItOnce() throws {
        let shim = try shim()
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--location", "Main St"]).status == 0)
        let before = directory.bytes("shift.hdj")
        let failed = try heartdesk(["shift", "note", "C-0001", "caller calmer"], failing: "once", shim: shim)
        #expect(failed.status == 2)
        #expect(failed.stderr == "heartdesk shift note: journal \(journal): cannot sync to disk: input/output error; "
                + "the record was cut back, nothing was recorded\n")
        #expect(directory.bytes("shift.hdj") == before, "the unsynced record is gone from the file")
        #expect(try heartdesk(["shift", "note", "C-0001", "caller calmer"]).status == 0)
        let show = try HeartDeskBinary.run(["journal", "show", journal]).stdout
        #expect(show.components(separatedBy: "caller calmer").count == 2, "recorded exactly once:\n\(show)")
        #expect(try HeartDeskBinary.run(["journal", "verify", journal]).status == 0)
    }

    @Test func whenEvenTheCutCannotBeSyncedTheWriterSaysSoAndStops() throws {
        let shim = try shim()
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--location", "Main St"]).status == 0)
        let failed = try heartdesk(["shift", "note", "C-0001", "caller calmer"], failing: "always", shim: shim)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("cannot sync to disk: input/output error, and the unsynced record could not be cut back"))
        // Reopened without the fault, the journal verifies and holds no trace of the note.
        #expect(try HeartDeskBinary.run(["journal", "verify", journal]).status == 0)
        #expect(!(try HeartDeskBinary.run(["journal", "show", journal]).stdout.contains("caller calmer")))
    }

    @Test func aFullDiskOnTheFirstWriteLeavesNoEmptyJournal() throws {
        let shim = try shim()
        let failed = try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--location", "Main St"],
                                   failing: "disk-full", shim: shim)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("no space left on device"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func everyFileWithCallDataIsPrivate() throws {
        // An empty file someone created 0644 becomes a 0600 journal before its first byte.
        FileManager.default.createFile(atPath: journal, contents: nil, attributes: [.posixPermissions: 0o644])
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--location", "Main St"]).status == 0)
        #expect(try mode(journal) == 0o600)
        for format in ["md", "csv", "html"] {
            let output = directory.path("report.\(format)")
            #expect(try HeartDeskBinary.run(["report", journal, "--format", format, "--output", output]).status == 0)
            #expect(try mode(output) == 0o600, "\(format) report")
        }
        // A torn tail's copy is private too.
        var bytes = directory.bytes("shift.hdj")
        bytes += [0x48, 0x44, 0x4A, 0x52, 0x40, 0, 0, 0, 1, 2, 3]  // a record's start, cut short
        directory.write(bytes, to: "shift.hdj")
        #expect(try heartdesk(["shift", "note", "C-0001", "after the crash"]).status == 0)
        #expect(try mode(journal + ".torn-record-3") == 0o600)
    }
}
