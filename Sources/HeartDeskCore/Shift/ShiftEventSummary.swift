extension ShiftEvent.Body {
    /// The event in one line of words, as `heartdesk journal show` and the console's log print it.
    public var summary: String {
        switch self {
        case .shiftOpened(let policy, let units):
            return "shift opened · policy \(policy.name)\(policy.contentHash.isEmpty ? "" : " (\(policy.shortHash))") · \(units.count) units: \(units.map(\.id).joined(separator: " "))"
        case .callReceived(let intake):
            let flags = intake.flags.isEmpty ? "" : " · " + intake.flags.joined(separator: ", ")
            return "call \(intake.id) received · \(intake.callType) · beat \(intake.beat ?? "unknown")\(flags) · P\(intake.priority)"
                + " · dispatch \(intake.triage.dispatch), phone \(intake.triage.phone ?? "none"), follow-up \(intake.triage.followUp ?? "none")"
        case .noteAdded(let callID, let text):
            return "note on \(callID): \(text)"
        case .unitDispatched(let callID, let unitID, let reason):
            return "\(unitID) dispatched to \(callID)" + (reason.map { " · override: \($0)" } ?? "")
        case .unitStatusChanged(let unitID, let status):
            return "\(unitID) \(status.label)"
        case .backupRequested(let unitID, let callID, let kind):
            return "\(unitID) requests \(kind == .ems ? "EMS" : "police") back-up on \(callID)"
        case .callClosed(let callID, let disposition, let followUpID):
            return "call \(callID) closed · \(disposition.rawValue)" + (followUpID.map { " · follow-up \($0) queued" } ?? "")
        case .followUpStatusChanged(let followUpID, let status):
            return "follow-up \(followUpID) \(status.rawValue)"
        case .exerciseStarted(let title, let scenario, _):
            return "EXERCISE started · \(title) · scenario \(scenario)"
        case .callOffered(let call):
            return "call \(call.id) ringing · beat \(call.beat ?? "unknown") · \"\(call.narrative)\""
        case .callAnswered(let incomingID, let callID):
            return "ringing call \(incomingID) answered as \(callID)"
        case .callRetriaged(let callID, let flags, let triage):
            return "call \(callID) re-triaged · " + (flags.isEmpty ? "no safety flags" : flags.joined(separator: ", "))
                + " · dispatch \(triage.dispatch), phone \(triage.phone ?? "none"), follow-up \(triage.followUp ?? "none")"
        case .callRevised(let callID, let previous, let facts, let triage, _):
            let changes = facts.changes(from: previous)
            return "call \(callID) revised · " + (changes.isEmpty ? "no change" : changes.joined(separator: "; "))
                + " · dispatch \(triage.dispatch), phone \(triage.phone ?? "none"), follow-up \(triage.followUp ?? "none")"
        case .backupAcknowledged(let unitID, let callID):
            return "back-up request of \(unitID) on \(callID) acknowledged"
        case .backupArrived(let unitID, let callID):
            return "back-up for \(unitID) on \(callID) on scene"
        case .facilitatorNote(let text):
            return "facilitator: \(text)"
        }
    }
}
