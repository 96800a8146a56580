import HeartDeskCore

/// One call in full: intake, decision and reasons, units, overrides and notes.
enum DetailsView {
    static func draw(callID: String, state: ConsoleState, in area: Rect, into grid: inout CellGrid) {
        guard let call = state.shift.call(callID) else { return }
        let box = OverlayBox(rect: area)
        var y = box.draw(title: "\(call.id) · \(call.intake.callType)", hint: "Esc closes · d x i act on it", into: &grid)
        let width = box.contentWidth
        let zone = state.policy.timeZone
        func line(_ text: String, _ role: ThemeRole = .overlay) {
            for part in Formatting.wrap(text, width: width) where y < box.bottom {
                grid.put(part, x: box.contentX, y: y, limit: width, role: role)
                y += 1
            }
        }
        let i = call.intake
        let stateText = call.isPending ? "pending" : call.disposition.map { "closed \($0.rawValue)" } ?? call.state.rawValue
        line("Received \(Formatting.shortClock(call.receivedAt, zone)) · beat \(i.beat ?? "unknown") · priority \(i.priority) · "
             + "state \(stateText)")
        let caller = [i.location.isEmpty ? nil : "at \(i.location)", i.callerName.isEmpty ? nil : "caller \(i.callerName)",
                      i.callback.isEmpty ? nil : "callback \(i.callback)", i.language.isEmpty ? nil : "language \(i.language)",
                      i.interpreter.isNeeded ? "INTERPRETER NEEDED" + (i.interpreter == .signLanguage ? " (ASL)" : "") : nil]
        line(caller.compactMap { $0 }.joined(separator: " · "))
        if let place = state.intake.resolve(i.location)?.place {
            for (text, role) in PlaceCautionLines.lines(place, width: width) where y < box.bottom {
                grid.put(text, x: box.contentX, y: y, limit: width, role: role)
                y += 1
            }
        }
        // Calls before this one from its number or place: two index lookups, cheap enough to make as the overlay is drawn.
        let repeats = state.callerHistory.matches(callback: i.callback, location: i.location, aids: state.intake, shift: state.shift,
                                                  live: state.shiftCallers,
                                                  shiftName: state.info.journalName, at: call.receivedAt, excluding: call.id)
        for text in RepeatCallLines.lines(repeats, zone: zone, width: width) { line(text, .decisionPhone) }
        let answers = state.policy.safetyFlags.map { flag in "\(flag.id) \(i.answer(flag.id).rawValue)" }
        if !answers.isEmpty {
            line("Safety: " + answers.joined(separator: " · "), i.flags.isEmpty ? .overlay : .flag)
        }
        for warning in state.shift.warnings(for: call, router: state.router, at: state.time.shift) {
            line("!! " + warning.text, .messageError)
        }
        if call.isOpen, let live = LiveDecision(for: call, router: state.router, at: state.time.shift) {
            line("Decision now: " + Formatting.decision(live), .decisionTeam)
            if let change = live.changeSummary { line("  " + change, .messageError) }
            let first = call.retriages.isEmpty ? "" : " (first triage: dispatch \(call.firstDispatch))"
            line("On record: dispatch \(i.triage.dispatch) · phone \(i.triage.phone ?? "none") · follow-up \(i.triage.followUp ?? "none")"
                 + first)
            for reason in live.explanation.lines.flatMap(\.reasons) {
                line("  " + reason, live.explanation.lines.contains { $0.isEligible && reason.hasPrefix($0.id + ": eligible") }
                     ? .reasonEligible : .reasonBlocked)
            }
        } else {
            line("Decision: dispatch \(i.triage.dispatch) · phone \(i.triage.phone ?? "none") · follow-up \(i.triage.followUp ?? "none")",
                 .decisionTeam)
            for reason in i.triage.reasons {
                line("  " + reason, i.triage.eligible.contains { reason.hasPrefix($0 + ": eligible") } ? .reasonEligible : .reasonBlocked)
            }
        }
        for revision in call.retriages {
            line("\(Formatting.shortClock(revision.time, zone)) revised by \(revision.operatorName): "
                 + revision.changes.joined(separator: "; ") + " → dispatch \(revision.dispatch)", .flag)
        }
        if !call.dispatchedUnits.isEmpty { line("Units sent: " + call.dispatchedUnits.joined(separator: ", ")) }
        for request in state.shift.backupRequests where request.callID == call.id {
            let status = request.arrivedAt.map { "on scene \(Formatting.shortClock($0, zone))" }
                ?? request.acknowledgedAt.map { "acknowledged \(Formatting.shortClock($0, zone)) by \(request.acknowledgedBy ?? "")" }
                ?? "NOT ACKNOWLEDGED"
            line("Back-up \(request.kind == .ems ? "EMS" : "police") for \(request.unitID) at \(Formatting.shortClock(request.time, zone)): \(status)",
                 request.isUnacknowledged ? .messageError : .overlay)
        }
        for reason in call.overrides { line("Override: \(reason)", .flag) }
        line("History: " + call.moments.map { "\(Formatting.clock($0.time, zone)) \($0.text)" }.joined(separator: " · "))
        for note in call.notes { line("\(Formatting.shortClock(note.time, zone)) \(note.operatorName): \(note.text)") }
    }
}
