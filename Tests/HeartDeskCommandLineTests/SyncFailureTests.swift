import Foundation
import Testing
import TestSupport

/// A failed sync never leaves a record behind: the real binary with `fdatasync` made to fail by an
/// LD_PRELOAD shim the test builds from Tests/Fixtures/fail_sync.c.
@Suite("Failed sync (fault injection)", .serialized)
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
            environment["HEARTDESK_FAIL_SYNC_PATH"] = "shift.hdj"
            environment["HEARTDESK_FAIL_SYNC_MODE"] = mode
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
}
