import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal

/// A simulated 12-hour shift at full speed: two writers (positions) taking calls, dispatching, moving units
/// through their statuses, revising and closing, on one journal file; a console model following it and
/// rendering a frame every simulated second. Reports resident memory at start, middle and end and the
/// slowest frame and append. Not a test: figures for docs/benchmarks.md.
func runSoakBenchmark(hours: Double = 12) throws {
    print("== soak: a \(Int(hours))-hour shift, two writers, a console frame every simulated second")
    let before = MemoryReading.now("before")
    try runSoakShift(hours: hours)
    // Everything the shift held is gone now: what the heap still holds beyond its size before is a leak.
    let after = MemoryReading.now("after closing", trim: true)
    print(String(format: "  after the shift's journals and console are closed: heap in use %.1f MB (before the shift %.1f MB), "
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
    // Two positions, each with its own open file (its own lock), as two consoles on one journal are.
    let writers = [try Journal.open(path, mode: .write), try Journal.open(path, mode: .write)]
    let follower = try Journal.open(path, mode: .write)
    let start = try InstantParser.parse("2026-11-23T07:00", zone: policy.timeZone)
    try writers[0].openShiftIfNew(roster: roster, router: router, stamp: .live(at: start, position: "ct-1", operatorName: "a"))

    var console = ConsoleState(router: router, shift: follower.state,
                               info: SessionInfo(operatorName: "sup", position: "board", journalName: "soak.hdj"),
                               time: .live(start), width: 200, height: 60)
    var random = SeededGenerator(state: 42)
    var slowestFrame: UInt64 = 0, slowestAppend: UInt64 = 0, frames = 0, appends = 0, refused = 0
    var frameTotal: UInt64 = 0
    var frameTimes: [UInt64] = []
    frameTimes.reserveCapacity(Int(hours * 3600))
    // The same frames in this thread's CPU time: a wall-clock outlier with no CPU behind it is the shared VM's.
    var frameCPUTimes: [UInt64] = []
    frameCPUTimes.reserveCapacity(Int(hours * 3600))
    var readings = [MemoryReading.now("start")]
    var heapByMinute: [(kb: Int, calls: Int)] = []
    let seconds = Int(hours * 3600)
    let types = ["Mental Health Crisis", "Trespass", "Suicide Threat", "Non-urgent Welfare Check", "Intoxicated Person", "Burglary",
                 "Verbal Disturbance", "Lost Person"]

    for second in 0..<seconds {
        let now = start + Double(second)
        // A busy shift: a command every six seconds or so — about 1,400 calls in 12 hours, several times Durham's volume.
        if Int.random(in: 0..<60, using: &random) == 0 || Int.random(in: 0..<6, using: &random) == 0 {
            let writer = writers[Int.random(in: 0..<2, using: &random)]
            try writer.refresh()  // the other position may have written since
            let state = writer.state
            if let command = soakCommand(state: state, types: types, policy: policy, random: &random) {
                let stamp = EventStamp.live(at: now, position: "ct", operatorName: "soak")
                let began = nanoseconds()
                do { try writer.record(command, router: router, stamp: stamp) } catch is ShiftError { refused += 1 }
                slowestAppend = max(slowestAppend, nanoseconds() - began)
                appends += 1
            }
        }
        if try follower.refresh() > 0 { console.receive(.journalChanged(shift: follower.state)) }
        console.time = .live(now)
        let began = nanoseconds(), beganCPU = threadCPUNanoseconds()
        let grid = ScreenView.render(console)
        let took = nanoseconds() - began, tookCPU = threadCPUNanoseconds() - beganCPU
        frameTotal += took
        if second > 60 {  // the first minute warms caches
            slowestFrame = max(slowestFrame, took)
            frameTimes.append(took)
            frameCPUTimes.append(tookCPU)
        }
        frames += 1
        precondition(grid.width == 200)
        if second % 60 == 0 { heapByMinute.append((MemoryReading.now("").heapKB, follower.state.calls.count)) }
        if second == seconds / 2 { readings.append(.now("middle")) }
    }
    readings.append(.now("end"))
    let state = follower.state
    print("  \(state.calls.count) calls (\(state.openCallCount) still open), \(follower.recordCount) events, \(appends) commands "
          + "(\(refused) refused by the shift rules), \(frames) frames at 200x60")
    let (middle, end) = (readings[1], readings[2])
    print("  resident memory: " + readings.map { "\($0.label) \($0.residentKB / 1024) MB" }.joined(separator: ", ")
          + String(format: "; end vs middle %+.1f%%", Double(end.residentKB - middle.residentKB) / Double(middle.residentKB) * 100))
    // One reading catches whatever copy of the state happens to be alive that second; the median of each
    // two hours' minute-by-minute readings shows the trend.
    let perTwoHours = stride(from: 0, to: heapByMinute.count, by: 120).map { index -> String in
        let slice = heapByMinute[index..<min(index + 120, heapByMinute.count)]
        let median = slice.map(\.kb).sorted()[slice.count / 2]
        return String(format: "%.1f MB (%d calls)", Double(median) / 1024, slice.last!.calls)
    }
    print("  heap in use, median of each two hours: " + perTwoHours.joined(separator: ", "))
    frameTimes.sort()
    func ms(_ p: Double) -> Double { Double(frameTimes[min(frameTimes.count - 1, Int(Double(frameTimes.count) * p))]) / 1e6 }
    let over = frameTimes.filter { $0 > 2_000_000 }.count
    print(String(format: "  frames: mean %.2f ms, p99 %.2f ms, p99.9 %.2f ms, slowest %.2f ms, %d of %d over 2 ms; "
                 + "slowest durable append %.2f ms",
                 Double(frameTotal) / Double(frames) / 1e6, ms(0.99), ms(0.999), Double(slowestFrame) / 1e6, over, frameTimes.count,
                 Double(slowestAppend) / 1e6))
    frameCPUTimes.sort()
    print(String(format: "  frames in CPU time: p99.9 %.2f ms, slowest %.2f ms, %d over 2 ms",
                 Double(frameCPUTimes[frameCPUTimes.count * 999 / 1000]) / 1e6, Double(frameCPUTimes.last ?? 0) / 1e6,
                 frameCPUTimes.filter { $0 > 2_000_000 }.count))
}

/// One plausible command for the shift as it stands: a new call, a dispatch of the recommended unit, a unit's next
/// status, a revision, a back-up request or acknowledgement, or a close.
private func soakCommand(state: ShiftState, types: [String], policy: Policy, random: inout SeededGenerator) -> ShiftCommand? {
    let open = state.calls.filter(\.isOpen)
    let pending = open.filter(\.isPending)
    let roll = Int.random(in: 0..<100, using: &random)
    if roll < 18 || open.isEmpty {
        let beat = policy.beats[Int.random(in: 0..<policy.beats.count, using: &random)].id
        return .newCall(NewCall(callType: types[Int.random(in: 0..<types.count, using: &random)], beat: beat, flags: [],
                                flagsAnsweredNo: ["weapon", "violent"], location: "soak", note: "soak"))
    }
    if roll < 40, let call = pending.randomElement(using: &random),
       let unit = state.units.first(where: { $0.status == .available && $0.definition.response == call.intake.triage.dispatch }) {
        return .dispatch(callID: call.id, unitID: unit.id, overrideReason: nil)
    }
    if roll < 75, let unit = state.units.filter({ $0.callID != nil }).randomElement(using: &random) {
        let next: UnitStatus = unit.status == .dispatched ? .enRoute : unit.status == .enRoute ? .onScene : .available
        return .setStatus(unitID: unit.id, status: next)
    }
    if roll < 80, let call = open.randomElement(using: &random) {
        return .revise(callID: call.id, CallRevision(answers: ["elevated-risk": Bool.random(using: &random) ? .yes : .no]), note: "")
    }
    if roll < 83, let unit = state.units.filter({ $0.callID != nil }).randomElement(using: &random) {
        return .requestBackup(unitID: unit.id, kind: .police)
    }
    if roll < 86, let request = state.backupRequests.last(where: \.isUnacknowledged) {
        return .acknowledgeBackup(unitID: request.unitID)
    }
    guard let call = open.filter({ !$0.isPending }).randomElement(using: &random) ?? open.randomElement(using: &random) else {
        return nil
    }
    return .close(callID: call.id, disposition: .resolvedOnScene, declineFollowUp: false)
}

