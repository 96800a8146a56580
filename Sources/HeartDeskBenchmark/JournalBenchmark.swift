import CSQLite
import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Durable append against SQLite (WAL, synchronous=FULL) on the same events; replay speed; open-to-ready time.
func runJournalBenchmark() throws {
    print("== journal")
    let directory = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-tmp"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["HEARTDESK_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
    print("files in \(directory) (\(fileSystemType(of: directory)))")

    let policy = try PolicyLoader.bundledDurham()
    let units = try RosterLoader.bundledDurham(policy: policy)

    // 1. Durable append, one event per sync, side by side with SQLite.
    let appendCount = 2000
    let sample = syntheticShift(policy: policy, units: units, eventCount: appendCount)
    let journal = try Journal.open(directory + "/append.hdj", mode: .write)
    var start = nanoseconds()
    for event in sample { try journal.append { _ in [event] } }
    let journalSeconds = Double(nanoseconds() - start) / 1e9
    let sqliteSeconds = try sqliteAppend(sample.map(EventCodec.encode), path: directory + "/append.sqlite")
    print(String(format: "durable append, %d events, one sync each: HeartDesk %.1f µs/event (%.0f events/s); "
                 + "SQLite WAL synchronous=FULL %.1f µs/event (%.0f events/s); SQLite/HeartDesk time ratio %.2f",
                 appendCount, journalSeconds / Double(appendCount) * 1e6, Double(appendCount) / journalSeconds,
                 sqliteSeconds / Double(appendCount) * 1e6, Double(appendCount) / sqliteSeconds, sqliteSeconds / journalSeconds))

    // 2. Replay of a 1M-event journal into state (written in synced batches of 10,000).
    let replayCount = 1_000_000, replayRuns = 11
    try writeJournal(syntheticShift(policy: policy, units: units, eventCount: replayCount), to: directory + "/replay.hdj")
    let size = (try FileManager.default.attributesOfItem(atPath: directory + "/replay.hdj")[.size] as? NSNumber)?.intValue ?? 0
    // One replay's rate moves by a third from minute to minute on a shared machine: the median of several, each
    // from a cold heap as a console starting has, with the slowest and fastest beside it.
    let stealBefore = stolenMilliseconds(), runsStarted = nanoseconds()
    let runs = try (0..<replayRuns).map { _ in try MeasuredReplay(path: directory + "/replay.hdj") }
    let steal = stealDescription(since: stealBefore, seconds: Double(nanoseconds() - runsStarted) / 1e9)
    let rates = runs.map(\.eventsPerSecond).sorted()
    print(String(format: "replay: %d events (%.0f MB) into state (%d calls, %d follow-ups), %d replays: median %.2f M events/s "
                 + "(slowest %.2f, fastest %.2f); all threads' CPU a replay, median %.3f s; %@",
                 runs[0].events, Double(size) / 1e6, runs[0].calls, runs[0].followUps, runs.count, rates[rates.count / 2] / 1e6,
                 rates[0] / 1e6, rates[rates.count - 1] / 1e6, runs.map(\.allThreadsSeconds).sorted()[runs.count / 2], steal))

    // 3. Open-to-ready of a 50k-event shift, opened for writing as a console does; best and median of 5.
    try writeJournal(syntheticShift(policy: policy, units: units, eventCount: 50_000), to: directory + "/shift50k.hdj")
    var openTimes: [Double] = []
    for _ in 0..<5 {
        start = nanoseconds()
        let opened = try Journal.open(directory + "/shift50k.hdj", mode: .write)
        openTimes.append(Double(nanoseconds() - start) / 1e6)
        precondition(opened.recordCount == 50_000)
    }
    openTimes.sort()
    print(String(format: "open-to-ready, 50,000-event shift: median %.1f ms, best %.1f ms", openTimes[2], openTimes[0]))
}

/// Replays the journal at `path` five times (read-only), printing each run's rate: a target for `perf record`.
func runReplayBenchmark(path: String) throws {
    for _ in 0..<5 {
        let stealBefore = stolenMilliseconds()
        let run = try MeasuredReplay(path: path)
        let steal = stealDescription(since: stealBefore, seconds: run.seconds)
        print(String(format: "replay %@: %d events in %.3f s = %.2f M events/s; folding thread %.3f s of CPU, all threads %.3f s; "
                     + "%d calls hold %.1f MB of heap (%.2f KB a call); %@", path,
                     run.events, run.seconds, run.eventsPerSecond / 1e6, run.foldingThreadSeconds, run.allThreadsSeconds,
                     run.calls, Double(run.heldKB) / 1024, Double(run.heldKB) / Double(max(1, run.calls)), steal))
    }
}

/// One read-only replay of a journal into state, from a cold heap: its time, its CPU and the heap the state holds.
struct MeasuredReplay {
    let events: Int
    let calls: Int
    let followUps: Int
    let seconds: Double
    /// The folding (calling) thread's own CPU time: the longest of the three threads' work, and steadier than the
    /// wall clock on a shared machine.
    let foldingThreadSeconds: Double
    /// All three threads': on two cores the wall time cannot be less than half of it.
    let allThreadsSeconds: Double
    /// What the replayed shift keeps in memory: the heap it holds once the reading threads are gone.
    let heldKB: Int

    var eventsPerSecond: Double { Double(events) / seconds }

    init(path: String) throws {
        let heapBefore = MemoryReading.now("", trim: true).heapKB
        let start = nanoseconds(), startCPU = threadCPUNanoseconds(), startProcessCPU = processCPUNanoseconds()
        let replayed = try Journal.open(path, mode: .read)
        seconds = Double(nanoseconds() - start) / 1e9
        foldingThreadSeconds = Double(threadCPUNanoseconds() - startCPU) / 1e9
        allThreadsSeconds = Double(processCPUNanoseconds() - startProcessCPU) / 1e9
        heldKB = MemoryReading.now("", trim: true).heapKB - heapBefore
        events = replayed.recordCount
        calls = replayed.state.calls.count
        followUps = replayed.state.followUps.count
    }
}

/// A plausible shift: each call received, dispatched, en route, on scene, noted and closed (six events).
func syntheticShift(policy: Policy, units: [UnitDefinition], eventCount: Int) -> [ShiftEvent] {
    let router = Router(policy: policy)
    var generator = SeededGenerator(state: 7)
    var events: [ShiftEvent] = []
    events.reserveCapacity(eventCount)
    var clock = Date(timeIntervalSince1970: 1_795_460_400)
    func add(_ body: ShiftEvent.Body) {
        clock += Double.random(in: 1...90, using: &generator)
        events.append(EventStamp.live(at: clock, position: "bench", operatorName: "bench").event(body))
    }
    add(.shiftOpened(policy: policy.identity, units: units))
    var callNumber = 0
    while events.count < eventCount {
        callNumber += 1
        let id = String(format: "C-%06d", callNumber)
        let unit = units[callNumber % units.count].id
        let callType = policy.callTypes.randomElement(using: &generator)!
        let beat = policy.beats.randomElement(using: &generator)!
        let decision = router.route(CallFacts(callType: callType.index, beat: beat.index), at: clock)
        let triage = TriageRecord(decision, policy: policy)
        add(.callReceived(CallIntake(id: id, callType: callType.name, beat: beat.id, flags: [], location: "\(callNumber) Main St",
                                     callerName: "Caller \(callNumber)", callback: "919-555-0100", language: "", priority: 2,
                                     note: "caller reports a person in distress", triage: triage)))
        add(.unitDispatched(callID: id, unitID: unit, overrideReason: nil))
        add(.unitStatusChanged(unitID: unit, status: .enRoute))
        add(.unitStatusChanged(unitID: unit, status: .onScene))
        add(.noteAdded(callID: id, text: "on scene, talking with the person"))
        add(.callClosed(callID: id, disposition: .resolvedOnScene, followUpID: triage.followUp == nil ? nil : String(format: "F-%06d", callNumber)))
    }
    return Array(events.prefix(eventCount))
}

/// Writes `events` through the real append path, 10,000 to a sync, to build large journals quickly.
func writeJournal(_ events: [ShiftEvent], to path: String) throws {
    let journal = try Journal.open(path, mode: .write)
    var index = 0
    while index < events.count {
        let batch = Array(events[index..<min(index + 10_000, events.count)])
        try journal.append { _ in batch }
        index += batch.count
    }
}

/// Inserts each payload in its own transaction into a WAL-mode, synchronous=FULL SQLite database; returns seconds.
func sqliteAppend(_ payloads: [[UInt8]], path: String) throws -> Double {
    struct SQLiteError: Error, CustomStringConvertible { let description: String }
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw SQLiteError(description: "cannot open \(path)") }
    defer { sqlite3_close(db) }
    func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
    }
    try exec("PRAGMA journal_mode=WAL")
    try exec("PRAGMA synchronous=FULL")
    try exec("CREATE TABLE events (seq INTEGER PRIMARY KEY, payload BLOB NOT NULL)")
    var insert: OpaquePointer?
    guard sqlite3_prepare_v2(db, "INSERT INTO events (payload) VALUES (?)", -1, &insert, nil) == SQLITE_OK else {
        throw SQLiteError(description: "prepare failed")
    }
    defer { sqlite3_finalize(insert) }
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    let start = nanoseconds()
    for payload in payloads {
        try exec("BEGIN")
        _ = payload.withUnsafeBytes { sqlite3_bind_blob(insert, 1, $0.baseAddress, Int32($0.count), transient) }
        guard sqlite3_step(insert) == SQLITE_DONE else { throw SQLiteError(description: String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(insert)
        try exec("COMMIT")
    }
    return Double(nanoseconds() - start) / 1e9
}

/// The file system type under `path` ("ext4", "overlay"), from /proc/mounts: sync costs depend on it.
func fileSystemType(of path: String) -> String {
    guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return "unknown file system" }
    var best = ("", "unknown")
    for line in mounts.split(separator: "\n") {
        let fields = line.split(separator: " ")
        guard fields.count > 2 else { continue }
        let mountPoint = String(fields[1])
        if path.hasPrefix(mountPoint), mountPoint.count > best.0.count { best = (mountPoint, String(fields[2])) }
    }
    return "\(best.1) mounted at \(best.0)"
}
