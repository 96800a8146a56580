import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

struct ShowShiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the shift: calls, units, follow-ups.")

    @Option(name: .long, help: ArgumentHelp("The shift journal file.", valueName: "file")) var journal: String
    @OptionGroup var policyOption: PolicyOption
    @Flag(name: .long, help: "Print one JSON object with arrays calls, units and followUps.") var json = false

    func run() throws {
        let policy = try policyOption.load()
        let opened = try JournalStore.open(journal, mode: .read)
        try PolicyOption.check(policy, against: opened.state, journal: journal)
        let view = ShiftView(state: opened.state, router: Router(policy: policy), now: try CommandClock.now(zone: policy.timeZone))
        if json { print(try view.json()) } else { say(view.text()) }
    }
}

/// A shift's state laid out for the terminal or as JSON.
struct ShiftView {
    let state: ShiftState
    let router: Router
    let now: Date

    var zone: TimeZoneRules { router.policy.timeZone }

    func local(_ date: Date) -> String { zone.localTime(at: date).iso8601 }

    /// "4m", "1h05m".
    func elapsed(since date: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(date) / 60))
        return minutes < 60 ? "\(minutes)m" : "\(minutes / 60)h\(String(minutes % 60).leftPadded(to: 2))m"
    }

    func text() -> String {
        var out = "Shift \(state.policyName) opened \(state.openedAt.map(local) ?? "—") · \(state.calls.filter(\.isOpen).count) open calls · "
            + "\(state.backupRequests.count) back-up requests\n\nCalls\n"
        for call in state.calls {
            let t = call.intake.triage
            out += "  \(call.id)  \(call.state.rawValue.padded(10)) \(call.intake.callType.padded(24)) beat \((call.intake.beat ?? "?").padded(4)) "
                + "dispatch \(t.dispatch.padded(6)) phone \((t.phone ?? "-").padded(4)) follow-up \((t.followUp ?? "-").padded(3)) "
                + "units \(call.assignedUnits.joined(separator: ",").padded(6))"
                + (call.disposition.map { " \($0.rawValue)" } ?? " age \(elapsed(since: call.receivedAt))") + "\n"
            if call.isOpen, let live = LiveDecision(for: call, router: router, at: now), let change = live.changeSummary {
                out += "          now: \(change)\n"
            }
            for warning in state.warnings(for: call, router: router, at: now) { out += "          WARNING: \(warning.text)\n" }
        }
        out += "\nUnits\n"
        for unit in state.units {
            out += "  \(unit.id.padded(7)) \(unit.definition.crew.map(\.letter).joined(separator: " ").padded(6)) "
                + "\(unit.status.rawValue.padded(17)) \(elapsed(since: unit.statusSince).padded(6)) \(unit.callID ?? "")\n"
        }
        out += "\nFollow-ups\n"
        for followUp in state.followUps where followUp.status != .closed {
            out += "  \(followUp.id)  \(followUp.callID)  \(followUp.status.rawValue.padded(9)) due \(local(followUp.dueAt))"
                + (followUp.isOverdue(at: now) ? "  OVERDUE" : "") + "\n"
        }
        return String(out.dropLast())
    }

    /// The JSON shapes, at this view's moment.
    var vocabulary: JSONVocabulary { JSONVocabulary(state: state, router: router, now: now) }

    func json() throws -> String {
        let followUps: [[String: Any]] = state.followUps.map { followUp in
            ["id": followUp.id, "call": followUp.callID, "response": followUp.response, "status": followUp.status.rawValue,
             "createdAt": local(followUp.createdAt), "dueAt": local(followUp.dueAt), "overdue": followUp.isOverdue(at: now)]
        }
        let backups: [[String: Any]] = state.backupRequests.map { request in
            ["unit": request.unitID, "call": request.callID, "kind": request.kind.rawValue, "at": local(request.time),
             "acknowledgedAt": request.acknowledgedAt.map(local) as Any? ?? NSNull(),
             "acknowledgedBy": request.acknowledgedBy as Any? ?? NSNull(), "arrivedAt": request.arrivedAt.map(local) as Any? ?? NSNull()]
        }
        let object: [String: Any] = ["policy": state.policyName, "calls": state.calls.map(vocabulary.call),
                                     "units": state.units.map(vocabulary.unit), "followUps": followUps,
                                     "backupRequests": state.backupRequests.count, "backups": backups]
        return try JSONVocabulary.text(object)
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
