import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// Real processes: a writer killed mid-append, and two writers racing on one file.
@Suite("Crashes and concurrent writers", .serialized)
struct ProcessTests {
    static func notes(in path: String) throws -> [String] {
        try Journal.open(path, mode: .read).state.call("C-0001")?.notes.map(\.text) ?? []
    }

    @Test("SIGKILL at random moments, 25 times: every acknowledged event survives, none twice, the chain verifies")
    func killedWriter() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("crash.hdj")
        var random = SeededRandom(seed: 42)
        var acknowledged: [String] = []
        for round in 0..<25 {
            let writer = try StressWriter(journal: path, prefix: "r\(round)", count: 100_000)
            usleep(UInt32.random(in: 20_000...150_000, using: &random))
            writer.kill()
            _ = writer.waitForExit()
            acknowledged += writer.acknowledged
        }
        let writer = try Journal.open(path, mode: .write)  // recovers a torn tail if the kill left one
        _ = writer
        let notes = try Self.notes(in: path)
        #expect(!acknowledged.isEmpty)
        #expect(Set(acknowledged).isSubset(of: Set(notes)), "every acknowledged note is in the journal")
        #expect(Set(notes).count == notes.count, "no note twice")
        let verify = try HeartDeskBinary.run(["journal", "verify", path])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test("two processes append 2,000 events each at once: all present, one order, chain intact")
    func twoWriters() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("shared.hdj")
        let a = try StressWriter(journal: path, prefix: "a", count: 2000)
        let b = try StressWriter(journal: path, prefix: "b", count: 2000)
        #expect(a.waitForExit() == 0 && b.waitForExit() == 0)
        let notes = try Self.notes(in: path)
        #expect(notes.count == 4000)
        #expect(Set(notes).count == 4000)
        // Each writer's own notes appear in the order it wrote them.
        #expect(notes.filter { $0.hasPrefix("a-") } == (1...2000).map { "a-\($0)" })
        #expect(notes.filter { $0.hasPrefix("b-") } == (1...2000).map { "b-\($0)" })
        #expect(a.acknowledged.count == 2000 && b.acknowledged.count == 2000)
        // Interleaved rather than one after the other, or the lock was never contended.
        let firstB = notes.firstIndex { $0.hasPrefix("b-") } ?? 0, lastA = notes.lastIndex { $0.hasPrefix("a-") } ?? 0
        #expect(firstB < lastA)
        #expect(try Journal.open(path, mode: .read).state.calls.count == 1, "only one writer opened the shift and took the call")
        #expect(try HeartDeskBinary.run(["journal", "verify", path]).status == 0)
    }
}
