import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskExercise
import HeartDeskJournal
import HeartDeskTerminal

/// An exercise at the console: the trainee's session, the simulated clock, and the scenario's director, on one journal.
final class ExerciseConsole {
    let journal: any ShiftJournal
    private let session: ConsoleSession
    private let recorder: ExerciseRecorder
    private var director: ExerciseDirector
    private var clock: ExerciseClock
    private var announced = 0
    private var retriagesSeen = 0
    private var ringsSeen = 0
    private var failed = false
    private let wallClock: () -> Date

    /// Runs `scenario` on `journal`, whose shift ``ExerciseJournal`` has opened; `journalName` names it in the header.
    /// `wallClock` is the real time the simulated clock runs against (pinned by `HEARTDESK_CLOCK` in tests).
    init(scenario: Scenario, journal: any ShiftJournal, journalName: String, speed: Double, operatorName: String, position: String,
         intake: IntakeAids, wallClock: @escaping () -> Date) throws {
        let now = wallClock()
        self.wallClock = wallClock
        self.journal = journal
        let router = Router(policy: scenario.policy)
        clock = ExerciseClock(simulated: scenario.start, wall: now, speed: speed)
        recorder = ExerciseRecorder(journal: journal, router: router, wallClock: wallClock)
        director = ExerciseDirector(scenario: scenario)
        let info = SessionInfo(operatorName: operatorName, position: position,
                               journalName: journalName,
                               exercise: ExerciseClockInfo(speed: speed, isPaused: false))
        session = try ConsoleSession(journal: journal, router: router, info: info, roster: scenario.roster,
                                     time: ConsoleTime(wall: now, shift: scenario.start), intake: intake)
        session.clockControl = { [unowned self] control, time in
            switch control {
            case .togglePause: clock.togglePause(at: time.wall)
            case .faster: clock.step(faster: true, at: time.wall)
            case .slower: clock.step(faster: false, at: time.wall)
            }
            return ExerciseClockInfo(speed: clock.speed, isPaused: clock.isPaused)
        }
    }

    /// Runs the console until the trainee quits; returns its exit status.
    func run(theme: Theme) -> Int32 {
        ConsoleRunner.run(session: session, theme: theme, clock: { [unowned self] in
            let wall = wallClock()
            return ConsoleTime(wall: wall, shift: clock.simulated(at: wall))
        }, onTick: { [unowned self] session, now in
            step(session, at: now)
        })
    }

    /// Lets the scenario play up to the simulated time, then shows the room what happened.
    private func step(_ session: ConsoleSession, at now: ConsoleTime) {
        guard !failed else { return }
        let before = journal.recordCount
        do {
            try director.step(at: now.shift, recorder: recorder)
        } catch {
            // The exercise cannot go on unrecorded: stop the scenario, keep the trainee's console.
            failed = true
            pause(session, at: now)
            session.show(.error("Journal: \(error) — the exercise is stopped; F10 leaves"))
            return
        }
        guard journal.recordCount != before else { return }
        session.reload()
        let state = journal.state
        let notes = state.facilitatorNotes
        let retriages = state.calls.reduce(0) { $0 + $1.retriages.count }
        if retriages > retriagesSeen, let call = state.calls.filter({ !$0.retriages.isEmpty }).max(by: {
            $0.retriages.last!.time < $1.retriages.last!.time
        }) {
            // The picture changed on a call being worked: the loudest message the console has.
            retriagesSeen = retriages
            let said = call.notes.last?.text ?? "new safety answers"
            let units = call.assignedUnits.isEmpty ? "no unit on it yet" : "\(call.assignedUnits.joined(separator: ", ")) on it"
            session.show(.error("\(call.id) CHANGED: decision now \(call.intake.triage.dispatch), \(units) — \(said)"))
        } else if notes.count > announced, let last = notes.last {
            announced = notes.count
            session.show(.info("FACILITATOR: \(last.text)"))
        } else if state.incomingCalls.count > ringsSeen, let ringing = state.ringingCalls.last {
            ringsSeen = state.incomingCalls.count
            session.show(.info("Call ringing — F2 answers: \(ringing.call.narrative)"))
        }
        if director.isOver, !clock.isPaused {
            pause(session, at: now)
            session.show(.info("The exercise is over — F10 leaves and writes the after-action report"))
        }
    }

    private func pause(_ session: ConsoleSession, at now: ConsoleTime) {
        clock.pause(at: now.wall)
        session.showExerciseClock(ExerciseClockInfo(speed: clock.speed, isPaused: true))
    }
}
