import HeartDeskCore

/// The two header rows: who, when, which policy and journal; then the counts, or a back-up alert.
enum HeaderView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let zone = state.policy.timeZone
        let width = grid.width
        grid.fill(y: 0, role: .header)
        var x = 0
        if let exercise = state.info.exercise {
            let label = " EXERCISE ×\(Formatting.speed(exercise.speed))" + (exercise.isPaused ? " PAUSED " : " ")
            x += grid.put(label, x: x, y: 0, role: .headerExercise)
        }
        let shiftDate = Formatting.date(state.time.shift, zone)
        let clock = Formatting.clock(state.time.shift, zone)
        let parts = [" HeartDesk", "\(shiftDate) \(clock)", state.policy.name,
                     "\(state.info.position) · \(state.info.operatorName)", "journal \(state.info.journalHealth)"]
        x += grid.put(parts.joined(separator: " │ "), x: x, y: 0, role: .header)
        if state.info.journalHealth != "ok" {
            // A journal in trouble is repeated at the right edge in warning colour.
            let warning = " JOURNAL: \(state.info.journalHealth) "
            grid.put(warning, x: max(x, width - warning.displayWidth), y: 0, role: .headerWarning)
        }

        let backups = state.shift.units.filter { $0.status == .backupRequested }
        if !backups.isEmpty {
            let text = backups.map { unit -> String in
                let kind = state.shift.backupRequests.last { $0.unitID == unit.id }?.kind == .ems ? "EMS" : "police"
                return "\(unit.id) needs \(kind)\(unit.callID.map { " on \($0)" } ?? "")"
            }.joined(separator: " · ")
            grid.fill(y: 1, role: .headerWarning)
            grid.put(" !! BACK-UP REQUESTED: \(text)", x: 0, y: 1, role: .headerWarning)
            return
        }
        let ringing = state.shift.ringingCalls
        if let first = ringing.first {
            // An exercise call waiting to be answered outranks the counts: answering is the first job.
            let waited = Formatting.duration(state.time.shift.timeIntervalSince(first.offeredAt))
            let more = ringing.count > 1 ? " (+\(ringing.count - 1) more)" : ""
            grid.fill(y: 1, role: .headerExercise)
            grid.put(" ☎ RINGING \(waited)\(more) — F2 answers: “\(first.call.narrative)”", x: 0, y: 1, limit: width,
                     role: .headerExercise)
            return
        }
        grid.fill(y: 1, role: .text)
        var open = 0, pending = 0
        let calls = state.shift.calls
        for i in calls.indices where calls[i].isOpen {
            open += 1
            if calls[i].isPending { pending += 1 }
        }
        var counts = " Pending \(pending) · Active \(open - pending) │ Available:"
        var responses: [String] = []
        for unit in state.shift.units where !responses.contains(unit.definition.response) { responses.append(unit.definition.response) }
        for response in responses {
            let units = state.shift.units.filter { $0.definition.response == response && $0.status != .offDuty }
            let free = units.filter { $0.status == .available }.count
            counts += " \(response) \(free)/\(units.count)"
        }
        grid.put(counts, x: 0, y: 1, role: .text)
        if pending > 0 {
            grid.recolor(x: 1, y: 1, count: "Pending \(pending)".count, role: .queueWarn)
        }
    }
}
