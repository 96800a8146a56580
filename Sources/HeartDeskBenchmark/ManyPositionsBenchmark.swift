import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskPostgres

/// The journal for many positions, side by side with the file in one run: durable append latency, how long a second
/// position takes to see an append, and appends/s with four positions at once. Needs a PostgreSQL server:
/// `HEARTDESK_BENCH_PG=postgresql://USER@127.0.0.1:PORT/DB` (a shift name is added per measurement).
func runManyPositionsBenchmark() throws {
    print("\nmany positions: file journal vs PostgreSQL")
    guard let base = ProcessInfo.processInfo.environment["HEARTDESK_BENCH_PG"] else {
        print("  skipped: set HEARTDESK_BENCH_PG=postgresql://USER@HOST:PORT/DB (docs/many-positions.md)")
        return
    }
    let policy = try PolicyLoader.bundledDurham()
    let router = Router(policy: policy)
    let units = try RosterLoader.bundledDurham(policy: policy)
    let run = Int(Date().timeIntervalSince1970)
    @Sendable func database(_ name: String) throws -> PostgresJournal {
        let separator = base.contains("?") ? "&" : "?"
        return try PostgresJournal.open(try PostgresJournalURL("\(base)\(separator)shift=bench-\(run)-\(name)"), mode: .write)
    }
    let folder = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-tmp"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let filePath = folder + "/positions-\(run).journal"
    defer { try? FileManager.default.removeItem(atPath: filePath) }
    let stamp = EventStamp.live(at: Date(timeIntervalSince1970: 1_795_460_400), position: "bench", operatorName: "bench")
    func openShift(_ journal: any ShiftJournal) throws {
        try journal.openShiftIfNew(roster: units, router: router, stamp: stamp)
        try journal.record(.newCall(NewCall(callType: "Mental Health Crisis", beat: "111")), router: router, stamp: stamp)
    }
    func percentiles(_ values: [Double]) -> String {
        let sorted = values.sorted()
        return String(format: "p50 %.2f ms, p99 %.2f ms", sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    // 1. Durable append, one note at a time, each acknowledged (file: fdatasync; database: COMMIT, synchronous_commit on).
    let count = 500
    for (name, journal) in [("file", try Journal.open(filePath, mode: .write) as any ShiftJournal), ("PostgreSQL", try database("append"))] {
        try openShift(journal)
        var times: [Double] = []
        for n in 0..<count {
            let start = nanoseconds()
            try journal.record(.addNote(callID: "C-0001", text: "note \(n)"), router: router, stamp: stamp)
            times.append(Double(nanoseconds() - start) / 1e6)
        }
        print("  durable append, \(count) notes, \(name): \(percentiles(times))")
    }

    // 2. Follow, as a console does: the second position's follower LISTENs and looks for itself only once a minute, so
    // what is timed is NOTIFY → fetch → the position's next refresh (taken every millisecond here, every 250 ms by the
    // console's loop). From the writer's acknowledgement to the follower having it.
    let writer = try database("follow"), follower = try database("follow")
    try openShift(writer)
    follower.startFollowing(pollInterval: 60)
    try writer.record(.addNote(callID: "C-0001", text: "warm-up"), router: router, stamp: stamp)
    while try follower.refresh() == 0 { usleep(1_000) }
    var follow: [Double] = []
    for n in 0..<200 {
        try writer.record(.addNote(callID: "C-0001", text: "follow \(n)"), router: router, stamp: stamp)
        let acknowledged = nanoseconds()
        while try follower.refresh() == 0 { usleep(1_000) }
        follow.append(Double(nanoseconds() - acknowledged) / 1e6)
    }
    print("  a second position sees an append (LISTEN/NOTIFY; taken each ms, the console takes every 250 ms): \(percentiles(follow))")

    // 3. Four positions appending at once, each on its own connection and thread.
    let shared = try database("four")
    try openShift(shared)
    let perPosition = 250
    let group = DispatchGroup()
    let failures = Counter()
    let start = nanoseconds()
    for position in 0..<4 {
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            do {
                let journal = try database("four")
                for n in 0..<perPosition {
                    try journal.record(.addNote(callID: "C-0001", text: "p\(position)-\(n)"), router: router, stamp: stamp)
                }
            } catch {
                failures.add()
            }
        }
    }
    group.wait()
    let seconds = Double(nanoseconds() - start) / 1e9
    let check = try database("four")
    let notes = check.state.call("C-0001")?.notes.map(\.text) ?? []
    print(String(format: "  4 positions × %d appends: %.0f appends/s; %d notes, %d distinct, %d failed positions",
                 perPosition, Double(4 * perPosition) / seconds, notes.count, Set(notes).count, failures.value))
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
