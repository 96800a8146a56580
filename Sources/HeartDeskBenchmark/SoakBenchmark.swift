import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal

/// A simulated 12-hour shift at full speed: two call-taking positions, each in a process of its own as deployed,
/// taking calls, dispatching, moving units through their statuses, revising and closing, on one journal file; a
/// supervisor's console model in this process following it and rendering a frame every simulated second. Reports
/// each process's resident memory at start, middle and end, and the slowest frame and append. Not a test: figures
/// for docs/benchmarks.md.
func runSoakBenchmark(hours: Double = 12) throws {
    print("== soak: a \(Int(hours))-hour shift, two positions in processes of their own, a console frame every simulated second")
    let before = MemoryReading.now("before")
    try runSoakShift(hours: hours)
    // Everything the shift held is gone now: what the heap still holds beyond its size before is a leak.
    let after = MemoryReading.now("after closing", trim: true)
    print(String(format: "  after the console's journal is closed: heap in use %.1f MB (before the shift %.1f MB), "
                 + "resident %d MB", Double(after.heapKB) / 1024, Double(before.heapKB) / 1024, after.residentKB / 1024))
}

private func runSoakShift(hours: Double) throws {
    let directory = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-soak"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // HEARTDESK_BENCH_KEEP keeps the shift's journal, to replay it alone (`replay FILE` reports the heap it holds).
    defer { if ProcessInfo.processInfo.environment["HEARTDESK_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
    let path = directory + "/soak.hdj"

    let policy = try PolicyLoader.bundledDurham()
    let router = Router(policy: policy)
    let roster = try RosterLoader.bundledDurham(policy: policy)
    let board = try Journal.open(path, mode: .write)
    let start = try InstantParser.parse("2026-11-23T07:00", zone: policy.timeZone)
    try board.openShiftIfNew(roster: roster, router: router, stamp: .live(at: start, position: "board", operatorName: "sup"))
    let positions = try (0..<2).map { try SoakPosition.Handle(path: path, index: $0, start: start) }
    defer { for position in positions { position.finish() } }

    var console = ConsoleState(router: router, shift: board.state,
                               info: SessionInfo(operatorName: "sup", position: "board", journalName: "soak.hdj"),
                               time: .live(start), width: 200, height: 60)
    var random = SeededGenerator(state: 42)
    var slowestAppend: UInt64 = 0, frames = 0, appends = 0, refused = 0
    var frameTotal: UInt64 = 0
    // Filled in advance, so the pages of the benchmark's own bookkeeping are resident from the start and do not
    // show as the console's growth.
    let measuredFrames = Int(hours * 3600) - 61
    var frameTimes = [UInt64](repeating: 0, count: measuredFrames)
    // The same frames in this thread's CPU time: a wall-clock outlier with no CPU behind it is the shared VM's.
    var frameCPUTimes = [UInt64](repeating: 0, count: measuredFrames)
    var slowFramesDrawnAgain: [(second: Int, took: UInt64, again: UInt64)] = []
    // Memory of the console's process and of each position's, read at the same simulated moments. "Start" is after
    // the first simulated minute, once every kind of frame and command has run and paged its code in; the reading
    // before the first frame is printed beside it.
    let beforeFirstFrame = MemoryReading.now("before the first frame")
    let stealBefore = stolenMilliseconds(), runStart = nanoseconds()
    var readings: [(console: MemoryReading, positions: [MemoryReading])] = []
    func read(_ label: String) throws {
        readings.append((.now(label), try positions.map { try $0.memory(label) }))
    }
    var heapByMinute: [(kb: Int, calls: Int)] = []
    heapByMinute.reserveCapacity(Int(hours * 60) + 1)
    let seconds = Int(hours * 3600)

    for second in 0..<seconds {
        // A busy shift: a command every six seconds or so — about 1,400 calls in 12 hours, several times Durham's volume.
        if Int.random(in: 0..<60, using: &random) == 0 || Int.random(in: 0..<6, using: &random) == 0 {
            if let result = try positions[Int.random(in: 0..<2, using: &random)].act(at: second) {
                slowestAppend = max(slowestAppend, result.appendNanoseconds)
                appends += 1
                refused += result.refused ? 1 : 0
            }
        }
        if try board.refresh() > 0 { console.receive(.journalChanged(shift: board.state)) }
        console.time = .live(start + Double(second))
        let began = nanoseconds(), beganCPU = threadCPUNanoseconds()
        let grid = ScreenView.render(console)
        let took = nanoseconds() - began, tookCPU = threadCPUNanoseconds() - beganCPU
        frameTotal += took
        if second > 60 {  // the first minute warms caches
            frameTimes[second - 61] = took
            frameCPUTimes[second - 61] = tookCPU
            if max(took, tookCPU) > 2_000_000 {
                // The same frame of the same state, drawn again at once: near the usual time, the first draw's excess
                // was not its own work (the seeded shift runs the same every time; its slow frames did not).
                let again = nanoseconds()
                _ = ScreenView.render(console)
                slowFramesDrawnAgain.append((second, max(took, tookCPU), nanoseconds() - again))
            }
        }
        frames += 1
        precondition(grid.width == 200)
        if second % 60 == 0 { heapByMinute.append((MemoryReading.now("").heapKB, board.state.calls.count)) }
        if second == 60 { try read("start") }
        if second == seconds / 2 { try read("middle") }
    }
    try read("end")
    let steal = stealDescription(since: stealBefore, seconds: Double(nanoseconds() - runStart) / 1e9)
    let state = board.state
    print("  \(state.calls.count) calls (\(state.openCallCount) still open), \(board.recordCount) events, \(appends) commands "
          + "(\(refused) refused by the shift rules), \(frames) frames at 200x60")
    func line(_ name: String, _ memory: [MemoryReading]) -> String {
        let (first, last) = (memory[0], memory[memory.count - 1])
        return "  resident memory, \(name): " + memory.map { "\($0.label) \($0.residentKB / 1024) MB" }.joined(separator: ", ")
            + String(format: "; end vs start %+.1f%%; heap in use %.1f -> %.1f MB", Double(last.residentKB - first.residentKB)
                     / Double(first.residentKB) * 100, Double(first.heapKB) / 1024, Double(last.heapKB) / 1024)
    }
    print(String(format: "  console before its first frame: resident %d MB, heap in use %.1f MB",
                 beforeFirstFrame.residentKB / 1024, Double(beforeFirstFrame.heapKB) / 1024))
    print(line("console (supervisor's board)", readings.map(\.console)))
    for index in positions.indices { print(line("position ct-\(index + 1)", readings.map { $0.positions[index] })) }
    // One reading catches whatever copy of the state happens to be alive that second; the median of each
    // two hours' minute-by-minute readings shows the trend.
    let perTwoHours = stride(from: 0, to: heapByMinute.count, by: 120).map { index -> String in
        let slice = heapByMinute[index..<min(index + 120, heapByMinute.count)]
        let median = slice.map(\.kb).sorted()[slice.count / 2]
        return String(format: "%.1f MB (%d calls)", Double(median) / 1024, slice.last!.calls)
    }
    print("  console's heap in use, median of each two hours: " + perTwoHours.joined(separator: ", "))
    frameTimes.sort()
    func ms(_ p: Double) -> Double { Double(frameTimes[min(frameTimes.count - 1, Int(Double(frameTimes.count) * p))]) / 1e6 }
    let over = frameTimes.filter { $0 > 2_000_000 }.count
    print(String(format: "  frames: mean %.2f ms, p99 %.2f ms, p99.9 %.2f ms, slowest %.2f ms, %d of %d over 2 ms; "
                 + "slowest durable append %.2f ms",
                 Double(frameTotal) / Double(frames) / 1e6, ms(0.99), ms(0.999), Double(frameTimes.last ?? 0) / 1e6, over, frameTimes.count,
                 Double(slowestAppend) / 1e6))
    frameCPUTimes.sort()
    print(String(format: "  frames in CPU time: p99.9 %.2f ms, slowest %.2f ms, %d over 2 ms",
                 Double(frameCPUTimes[frameCPUTimes.count * 999 / 1000]) / 1e6, Double(frameCPUTimes.last ?? 0) / 1e6,
                 frameCPUTimes.filter { $0 > 2_000_000 }.count))
    if !slowFramesDrawnAgain.isEmpty {
        print("  frames over 2 ms, drawn again at once: " + slowFramesDrawnAgain.map { frame in
            String(format: "%d:%02d:%02d into the shift %.2f ms, again %.2f ms", frame.second / 3600, frame.second / 60 % 60,
                   frame.second % 60, Double(frame.took) / 1e6, Double(frame.again) / 1e6)
        }.joined(separator: "; "))
    }
    print("  during the run: \(steal)")
}
