import Foundation
import HeartDeskCore
import HeartDeskJournal

/// One console on one journal: feeds keys to the state, records commands durably, and
/// follows what other consoles append.
///
/// The session never reads a clock: the caller passes the time with every call, so the
/// terminal loop gives it the wall clock, an exercise its simulated one, a test a fixed one.
public final class ConsoleSession {
    public private(set) var state: ConsoleState
    public let journal: any ShiftJournal
    /// When the journal's database stopped answering, while it does not; nil while it answers.
    private var offlineSince: Date?
    /// How often a database journal is asked for news when no notification came (a notification is taken at once).
    public static let followPoll: TimeInterval = 1
    /// Records on a thread of its own when the journal's writes wait on a network; nil: writes are recorded in place.
    private let backgroundWriter: BackgroundWriter?
    /// A write handed to ``backgroundWriter`` and not yet taken back: what to say when it is done, and when it was asked.
    private var writeInFlight: (done: String, time: ConsoleTime)?
    /// Keys pressed while a write was under way, handled once its outcome is taken.
    private var heldKeys: [Key] = []
    /// Keys held at most: a long paste during a slow write; more are dropped.
    static let maxHeldKeys = 16_384
    /// Whether the console was asked to close (F10 on the board); read through ``shouldClose``.
    private var quitRequested = false
    /// Set by an exercise: applies a clock key and returns how the clock now runs, for the header.
    public var clockControl: ((ClockControl, ConsoleTime) -> ExerciseClockInfo)?

    /// Opens a console on `journal`, opening the shift with `roster` first if the journal is new. With
    /// `writesInBackground` (a journal in a database) commands are recorded on a thread of their own and the console
    /// keeps taking keys meanwhile; take their outcome with ``collect(at:)``.
    public init(journal: any ShiftJournal, router: Router, info: SessionInfo, roster: [UnitDefinition], time: ConsoleTime,
                width: Int = 80, height: Int = 24, intake: IntakeAids = IntakeAids(), history: CallerHistory = CallerHistory(),
                writesInBackground: Bool = false) throws {
        self.journal = journal
        backgroundWriter = writesInBackground ? BackgroundWriter() : nil
        state = ConsoleState(router: router, shift: journal.state, info: info, time: time, width: width, height: height)
        state.intake = intake
        state.callerHistory = history
        if journal.mode == .write {
            // Another console may have opened it since: then there is nothing to do.
            try journal.openShiftIfNew(roster: roster, router: router, stamp: stamp(at: time))
        }
        journal.startFollowing(pollInterval: Self.followPoll)
        syncFromJournal()
    }

    /// Handles one key at `time`; returns false once the console should close.
    @discardableResult
    public func handle(_ key: Key, at time: ConsoleTime) -> Bool {
        if writeInFlight != nil {
            // Typed ahead while the last entry is being recorded: handled in order once it is, as keys typed during a
            // slow write always were, but with the screen alive meanwhile (and F10 held too: never leave unknowing).
            if heldKeys.count < Self.maxHeldKeys { heldKeys.append(key) }
            return true
        }
        state.advanceClock(to: time)
        switch state.handle(key) {
        case .record(let command, let done)?:
            record(command, done: done, at: time)
        case .quit?:
            quitRequested = true
            return false
        case .clock(let control)?:
            guard let clockControl else { break }
            state.receive(.exerciseClock(clockControl(control, time), announce: true))
        case nil:
            break
        }
        return !state.wantsQuit
    }

    /// Moves the clocks on (timers and hours on screen depend on them).
    public func tick(_ time: ConsoleTime) {
        state.advanceClock(to: time)
    }

    /// Shows `board` (the call board or the supervisor's figures).
    public func show(_ board: Board) {
        state.show(board)
    }

    /// Tells the state the terminal's size.
    public func resize(width: Int, height: Int) {
        state.width = width
        state.height = height
    }

    /// Shows what was appended through this session's journal object by someone else in this process (an exercise's director).
    public func reload() {
        syncFromJournal()
    }

    /// Shows how the exercise clock runs now, when something other than a key changed it (the exercise ended).
    public func showExerciseClock(_ info: ExerciseClockInfo) {
        state.receive(.exerciseClock(info, announce: false))
    }

    /// Shows a line on the message row, as the console's own messages are shown.
    public func show(_ message: ConsoleMessage) {
        state.receive(.notice(message))
    }

    /// Reads what other consoles appended; returns whether anything changed. `time`, when given, dates an outage.
    @discardableResult
    public func follow(at time: ConsoleTime? = nil) -> Bool {
        // The journal is the writer's thread's until its outcome is taken.
        guard writeInFlight == nil else { return false }
        do {
            let arrived = try journal.refresh()
            if offlineSince != nil {
                // Back: say so, and show what was missed.
                offlineSince = nil
                state.receive(.notice(.info("Journal back online: caught up with the other positions")))
                syncFromJournal()
                return true
            }
            guard arrived > 0 else { return false }
            syncFromJournal()
            return true
        } catch let error as JournalError where error.kind == .offline {
            wentOffline(error, at: time)
            return true
        } catch {
            // A refresh can stop part-way, at a record this HeartDesk cannot read: the records before it were checked
            // and folded, so the board shows them, and the header says why it goes no further.
            if journal.state.eventCount != state.shift.eventCount { state.receive(.journalChanged(shift: journal.state)) }
            state.receive(.journalHealth("ERROR", alert: "Journal: \(error)"))
            return true
        }
    }

    /// The database cannot be reached: the last known shift stays on screen, dated, and writes are refused until it
    /// answers again (``follow(at:)`` keeps asking).
    private func wentOffline(_ error: JournalError, at time: ConsoleTime?) {
        let now = time?.wall ?? state.time.wall
        let wentJustNow = offlineSince == nil
        let start = offlineSince ?? now
        offlineSince = start
        let since = Formatting.shortClock(start, state.policy.timeZone)
        // How old the board is, kept current by every follow: "since 14:32" alone makes a reader do the sum.
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        let age = seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min"
        state.receive(.journalHealth("OFFLINE since \(since) · board \(age) old", alert: nil))
        if wentJustNow {
            // Said once, over whatever the message line held: losing the journal matters more than the last message.
            state.receive(.notice(.error("JOURNAL OFFLINE: \(error.detail) — the board shows the shift as of \(since); nothing can be "
                                         + "recorded until the journal answers again")))
        }
    }

    /// Records `command` at `time`; used by keys, and by exercises injecting events.
    public func record(_ command: ShiftCommand, done: String, at time: ConsoleTime) {
        guard journal.mode == .write else {
            state.receive(.refused("This console is read-only: nothing was recorded"))
            return
        }
        let router = state.router, stamp = stamp(at: time), journal = journal
        guard let backgroundWriter else {
            finish(Result { try journal.record(command, router: router, stamp: stamp) }, done: done, at: time)
            return
        }
        guard writeInFlight == nil else {
            state.receive(.refused("Still recording the last entry: nothing else was recorded; try again once it is"))
            return
        }
        writeInFlight = (done, time)
        state.receive(.notice(.info("Recording…")))
        backgroundWriter.start { try journal.record(command, router: router, stamp: stamp) }
    }

    /// Takes the outcome of a write recorded in the background once it is done, then handles the keys held meanwhile
    /// (at `time`); returns whether anything changed. Check ``shouldClose`` after it: a held F10 may have closed it.
    @discardableResult
    public func collect(at time: ConsoleTime) -> Bool {
        guard let inFlight = writeInFlight, let outcome = backgroundWriter?.take() else { return false }
        writeInFlight = nil
        switch outcome {
        case .recorded(let events): finish(.success(events), done: inFlight.done, at: inFlight.time)
        case .failed(let error): finish(.failure(error), done: inFlight.done, at: inFlight.time)
        }
        while writeInFlight == nil, !shouldClose, !heldKeys.isEmpty {
            handle(heldKeys.removeFirst(), at: time)
        }
        return true
    }

    /// Whether a write is under way in the background.
    public var isRecording: Bool { writeInFlight != nil }

    /// Whether the console should close now.
    public var shouldClose: Bool { quitRequested || state.wantsQuit }

    private func finish(_ result: Result<[ShiftEvent], any Error>, done: String, at time: ConsoleTime) {
        do {
            let events = try result.get()
            state.receive(.recorded(events, done: done, shift: journal.state))
        } catch let error as ShiftError {
            state.receive(.refused(error.description))
        } catch let error as JournalError where error.kind == .offline {
            wentOffline(error, at: time)
            // The typed input stays on screen: nothing was acknowledged, nothing is lost.
            state.receive(.journalFailed("journal OFFLINE (\(error.detail))"))
        } catch {
            // The typed input stays on screen: nothing was acknowledged, nothing is lost.
            state.receive(.journalFailed("\(error)"))
        }
    }

    private func stamp(at time: ConsoleTime) -> EventStamp {
        EventStamp(wallTime: time.wall, shiftTime: time.shift, position: state.info.position,
                   operatorName: state.info.operatorName)
    }

    private func syncFromJournal() {
        state.receive(.journalChanged(shift: journal.state))
        guard let file = journal as? Journal else {
            state.receive(.journalHealth("ok", alert: nil))
            return
        }
        switch file.health {
        case .ok: state.receive(.journalHealth("ok", alert: nil))
        case .recoveredTornTail(let record, let backup):
            state.receive(.journalHealth("recovered",
                                         alert: "Journal: a torn last record (\(record)) left by a crashed writer was cut before this write; the original is kept at \(backup)"))
        case .tornTailPending(let record): state.receive(.journalHealth("torn tail at record \(record)", alert: nil))
        }
    }
}
