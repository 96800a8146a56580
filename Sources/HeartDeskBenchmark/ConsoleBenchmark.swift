import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
#if canImport(Glibc)
import Glibc
#endif

/// A busy shift: `units` units, `closedCalls` calls taken and closed earlier, and `openCalls` open calls, a third of
/// them with a unit; the same every run.
func busyShift(openCalls: Int = 1_000, closedCalls: Int = 0, units: Int = 200) throws -> (state: ShiftState, events: [ShiftEvent], router: Router, clock: Date) {
    let policy = try PolicyLoader.bundledDurham()
    let router = Router(policy: policy)
    var random = SeededGenerator(state: 7)
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let responses = ["CRT", "COR", "CCD", "CN"]
    let roster = (0..<units).map { n in
        UnitDefinition(id: String(format: "%@-%03d", responses[n % 4], n), response: responses[n % 4], crew: [.clinician, .peerSupport],
                       languages: n % 3 == 0 ? ["English", "Spanish"] : ["English"],
                       homeBeat: policy.beats[n % policy.beats.count].id, shiftHours: nil, initialStatus: .available)
    }
    var state = ShiftState()
    var events: [ShiftEvent] = []
    var clock = start
    func run(_ command: ShiftCommand) throws {
        for body in try command.events(in: state, router: router, shiftTime: clock) {
            let event = EventStamp.live(at: clock, position: "bench", operatorName: "bench").event(body)
            state.apply(event)
            events.append(event)
        }
    }
    try run(.openShift(units: roster))
    for n in 0..<closedCalls {
        clock += 3
        let type = policy.callTypes[Int.random(in: 0..<policy.callTypes.count, using: &random)]
        let beat = policy.beats[Int.random(in: 0..<policy.beats.count, using: &random)]
        try run(.newCall(NewCall(callType: type.name, beat: beat.id, callerName: "Earlier caller \(n)")))
        try run(.close(callID: state.calls[n].id, disposition: .resolvedOnScene, declineFollowUp: true))
    }
    for n in 0..<openCalls {
        clock += 7
        let type = policy.callTypes[Int.random(in: 0..<policy.callTypes.count, using: &random)]
        let beat = policy.beats[Int.random(in: 0..<policy.beats.count, using: &random)]
        try run(.newCall(NewCall(callType: type.name, beat: beat.id, callerName: "Caller \(n)")))
        // A third of the calls get a free unit of any eligible kind.
        if n % 3 == 0, let unit = state.units.first(where: { $0.status == .available }) {
            try run(.dispatch(callID: state.calls[closedCalls + n].id, unitID: unit.id, overrideReason: "bench"))
        }
    }
    return (state, events, router, clock)
}

/// A frame of a busy shift rendered into the cell grid (no terminal): the call board at two terminal sizes, the
/// same with a long shift's closed calls behind it, and the supervisor view, whose figures are timed apart.
func runFrameBenchmark() throws {
    let busy = try busyShift()
    print("console frame: 1000 open calls, \(busy.state.units.count) units, render into the cell grid")
    for (width, height) in [(80, 24), (200, 60)] {
        try timeFrames(busy, board: .calls, width: width, height: height, label: "\(width)x\(height)")
    }
    let long = try busyShift(closedCalls: 10_000)
    print("console frame: 1000 open and 10000 closed calls")
    try timeFrames(long, board: .calls, width: 200, height: 60, label: "200x60 call board")
    try timeFrames(long, board: .supervisor, width: 200, height: 60, label: "200x60 supervisor view")
    // The figures are worked out on a journal change or a new minute, not per frame: timed on their own.
    var ledger = ShiftFigureLedger(router: long.router)
    var began = nanoseconds()
    ledger.catchUp(with: long.state)
    _ = ledger.figures(for: long.state, at: long.clock)
    let first = nanoseconds() - began
    // A minute passing with no event: only the clock-dependent parts (last hour, waits, chart, units) are read.
    var minuteSamples: [UInt64] = []
    for minute in 1...50 {
        began = nanoseconds()
        ledger.catchUp(with: long.state)
        let figures = ledger.figures(for: long.state, at: long.clock + Double(minute * 60))
        minuteSamples.append(nanoseconds() - began)
        precondition(figures.shift.calls == 11_000)
    }
    // An event on one call (a unit on it moving on, or a note), as another position's write arrives.
    var state = long.state
    var eventSamples: [UInt64] = []
    let committed = state.units.filter { $0.callID != nil }.map(\.id)
    for round in 0..<50 {
        let unit = committed[round % committed.count]
        let command: ShiftCommand = round % 2 == 0 ? .setStatus(unitID: unit, status: round % 4 == 0 ? .enRoute : .onScene)
                                                   : .addNote(callID: state.unit(unit)?.callID ?? "C-0001", text: "bench note")
        for body in try command.events(in: state, router: long.router, shiftTime: long.clock) {
            state.apply(EventStamp.live(at: long.clock, position: "bench", operatorName: "bench").event(body))
        }
        began = nanoseconds()
        ledger.catchUp(with: state)
        _ = ledger.figures(for: state, at: long.clock)
        eventSamples.append(nanoseconds() - began)
    }
    precondition(eventSamples.count == 50 && state.eventCount > long.state.eventCount + 40)
    // The same figures worked out from scratch, as before the ledger (and as the after-action report does once).
    var fullSamples: [UInt64] = []
    for _ in 0..<10 {
        began = nanoseconds()
        _ = ShiftFigures(shift: state, router: long.router, at: long.clock)
        fullSamples.append(nanoseconds() - began)
    }
    func summary(_ samples: [UInt64]) -> String {
        let sorted = samples.sorted()
        return String(format: "median %.3f ms, max %.3f ms", Double(sorted[sorted.count / 2]) / 1e6, Double(sorted.last!) / 1e6)
    }
    print(String(format: "  supervisor figures over 11000 calls: first catch-up %.2f ms; ", Double(first) / 1e6)
          + "a minute later with no event \(summary(minuteSamples)); after one event \(summary(eventSamples)); "
          + "from scratch \(summary(fullSamples))")
}

private func timeFrames(_ shift: (state: ShiftState, events: [ShiftEvent], router: Router, clock: Date), board: Board,
                        width: Int, height: Int, label: String) throws {
    let info = SessionInfo(operatorName: "bench", position: "bench", journalName: "bench.journal")
    var console = ConsoleState(router: shift.router, shift: shift.state, info: info, time: .live(shift.clock), width: width, height: height)
    let open = shift.state.calls.filter(\.isOpen)
    console.selectedCallID = open[open.count / 2].id  // a selection deep in the list: the view must scroll
    console.show(board)
    var samples: [UInt64] = []
    var checksum = 0
    for frame in 0..<300 {
        console.time = .live(shift.clock + Double(frame))  // every frame's timers differ, as on a live board
        let began = nanoseconds()
        let grid = ScreenView.render(console)
        samples.append(nanoseconds() - began)
        checksum &+= grid.cells.count
    }
    samples.sort()
    func ms(_ p: Double) -> String { String(format: "%.2f", Double(samples[min(samples.count - 1, Int(Double(samples.count) * p))]) / 1e6) }
    print("  \(label): median \(ms(0.5)) ms, p99 \(ms(0.99)) ms, max \(ms(1.0)) ms per frame (\(samples.count) frames, checksum \(checksum))")
}

/// Keystroke to updated screen through a real terminal: the release `heartdesk` in a pseudo-terminal on a
/// journal holding the busy shift, a key written to it, the clock stopped when the change's bytes are read back.
func runKeystrokeBenchmark(rounds: Int = 60) throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("heartdesk").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("build heartdesk first: \(binary) missing") }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let journalPath = directory.appendingPathComponent("bench.journal").path
    let busy = try busyShift()
    try Journal.open(journalPath, mode: .write).append { _ in busy.events }

    // posix_openpt and friends are not imported into Swift here; on Linux they are these ioctls on /dev/ptmx
    // (numbers from the kernel's generic ioctl encoding, the same on x86-64 and arm64).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0, ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
        throw BenchError("no pseudo-terminal available")
    }
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let slavePath = "/dev/pts/\(number)"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
    posix_spawn_file_actions_addclose(&actions, master)
    let argv = [binary, "--journal", journalPath, "--operator", "bench"]
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let environment: [String] = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + directory.path]
    var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    var pid: pid_t = 0
    guard posix_spawn(&pid, binary, &actions, nil, &cArgs, &cEnv) == 0 else { throw BenchError("cannot start \(binary)") }
    defer {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    var pending = [UInt8]()
    /// Reads until `marker` has arrived (or `idle` ms pass with nothing new, when marker is nil).
    func read(until marker: String?, idleMs: Int32 = 40, timeoutMs: Int = 3000) -> Bool {
        let wanted = marker.map { Array($0.utf8) }
        let deadline = nanoseconds() + UInt64(timeoutMs) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65536)
        while nanoseconds() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, wanted == nil ? idleMs : 5)
            if ready <= 0 {
                if wanted == nil { return true }
                continue
            }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { return false }
            pending += buffer[0..<n]
            if let wanted, pending.count >= wanted.count,
               pending.withUnsafeBufferPointer({ haystack in
                   (0...(haystack.count - wanted.count)).contains { i in haystack[i..<(i + wanted.count)].elementsEqual(wanted) }
               }) {
                pending.removeAll()
                return true
            }
        }
        return false
    }
    guard read(until: "Call queue", timeoutMs: 10_000), read(until: nil) else { throw BenchError("the console did not start") }
    pending.removeAll()

    var samples: [UInt64] = []
    for _ in 0..<rounds {
        let began = nanoseconds()
        _ = write(master, "?", 1)
        guard read(until: "HeartDesk keys") else { throw BenchError("help never appeared") }
        samples.append(nanoseconds() - began)
        _ = write(master, "x", 1)  // any key but the scrolling ones closes help
        _ = read(until: nil)
        pending.removeAll()
    }
    _ = write(master, "q", 1)
    samples.sort()
    func ms(_ p: Double) -> String { String(format: "%.2f", Double(samples[min(samples.count - 1, Int(Double(samples.count) * p))]) / 1e6) }
    print("keystroke to screen (pty, 100x30, \(busy.state.calls.count) open calls, \(busy.state.units.count) units; '?' until the help's bytes are read back): median \(ms(0.5)) ms, "
          + "p95 \(ms(0.95)) ms, max \(ms(1.0)) ms over \(rounds) presses")
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
