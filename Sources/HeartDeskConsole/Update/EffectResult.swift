import HeartDeskCore

/// What came of an effect, or what changed underneath the console, fed back to the update
/// as a message (bubbletea's `Cmd` result): the session never edits screen state itself.
public enum EffectResult: Sendable {
    /// The command was recorded; `shift` is the state after it.
    case recorded([ShiftEvent], done: String, shift: ShiftState)
    /// The shift refused the command; nothing was written and the input stays.
    case refused(String)
    /// The journal could not take it; nothing was acknowledged.
    case journalFailed(String)
    /// Another position (or the exercise) appended; `shift` is the state now.
    case journalChanged(shift: ShiftState)
    /// How the journal file is, for the header; `alert` is said once on the message line.
    case journalHealth(String, alert: String?)
    /// The exercise clock now runs like this; `announce` says so on the message line.
    case exerciseClock(ExerciseClockInfo, announce: Bool)
    /// Something outside the keys has a line for the message row (an exercise's radio traffic).
    case notice(ConsoleMessage)
}

extension ConsoleState {
    /// Folds one result into the state.
    public mutating func receive(_ result: EffectResult) {
        switch result {
        case .recorded(let events, let done, let newShift):
            let anchor = selectedCallID.flatMap { id in queueRows.firstIndex { $0.id == id } }
            let warningsBefore = Set(currentWarnings.map(\.text))
            shift = newShift
            shiftChanged()
            overlay = nil
            if let intake = events.lazy.compactMap(\.newCall).first {
                selectedCallID = intake.id
                focus = .queue
                message = .info(Self.recordedSummary(intake))
            } else {
                message = .info(done + liveChange(after: events))
                keepQueueRow(anchor)
            }
            announceNewWarnings(since: warningsBefore)
        case .refused(let reason):
            message = .error(reason)
        case .journalFailed(let reason):
            // What matters first: a long reason is cut at the screen's edge.
            message = .error("Not recorded: \(reason)")
        case .journalChanged(let newShift):
            let warningsBefore = Set(currentWarnings.map(\.text))
            shift = newShift
            shiftChanged()
            announceNewWarnings(since: warningsBefore)
        case .journalHealth(let health, let alert):
            let changed = info.journalHealth != health
            info.journalHealth = health
            // Said over the last message when the journal's health changes: an error must not wait behind
            // "C-0001 recorded". Sent again with every refresh, it waits for a free line instead.
            if let alert, changed || message == nil { message = .error(alert) }
        case .exerciseClock(let clock, let announce):
            info.exercise = clock
            if announce {
                message = .info("Exercise clock at ×\(Formatting.speed(clock.speed))" + (clock.isPaused ? ", paused: p resumes" : ""))
            }
        case .notice(let line):
            message = line
        }
    }

    /// Every warning on an open call now: units its facts rule out.
    public var currentWarnings: [CallWarning] {
        shift.calls.lazy.filter { $0.isOpen && !$0.assignedUnits.isEmpty }
            .flatMap { shift.warnings(for: $0, router: router, at: time.shift) }
    }

    /// After an action on a call, the cursor stays on its row (the next call moves up under it), as mail clients do.
    private mutating func keepQueueRow(_ anchor: Int?) {
        guard focus == .queue, let anchor else { return }
        let rows = queueRows
        guard !rows.isEmpty, rows.firstIndex(where: { $0.id == selectedCallID }) != anchor else { return }
        selectedCallID = rows[min(anchor, rows.count - 1)].id
    }

    private mutating func announceNewWarnings(since before: Set<String>) {
        guard let fresh = currentWarnings.first(where: { !before.contains($0.text) }) else { return }
        message = .error(fresh.text)
    }

    /// " — decision now POLICE" when a revision changed what the call gets.
    private func liveChange(after events: [ShiftEvent]) -> String {
        for event in events {
            if case .callRevised(_, _, _, let triage, _) = event.body { return ": decision now " + Formatting.decision(triage) }
        }
        return ""
    }

    static func recordedSummary(_ intake: CallIntake) -> String {
        let triage = intake.triage
        return "\(intake.id) recorded: dispatch \(triage.dispatch)" + (triage.phone.map { ", phone \($0)" } ?? "")
            + (triage.followUp.map { ", follow-up \($0)" } ?? "") + " — press d to dispatch"
    }
}

extension ShiftEvent {
    /// The intake, when this event received a new call.
    var newCall: CallIntake? {
        if case .callReceived(let intake) = body { return intake }
        return nil
    }
}
