import HeartDeskCore

/// The header rows: who, when, which policy and journal; then the counts; a back-up alert gets a row
/// of its own when the terminal is tall enough, and otherwise carries the counts after it.
enum HeaderView {
    /// Height from which an alert gets a third header row instead of sharing the counts row.
    static let tallHeight = 30

    /// Draws the header; returns how many rows it took.
    @discardableResult
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) -> Int {
        let zone = state.policy.timeZone
        let width = grid.width
        grid.fill(y: 0, role: .header)
        var x = 0
        if state.info.isReadOnly {
            x += grid.put(" READ-ONLY ", x: x, y: 0, role: .headerExercise)
        }
        if let exercise = state.info.exercise {
            let label = " EXERCISE ×\(Formatting.speed(exercise.speed))" + (exercise.isPaused ? " PAUSED " : " ")
            x += grid.put(label, x: x, y: 0, role: .headerExercise)
        }
        let shiftDate = Formatting.date(state.time.shift, zone)
        let clock = Formatting.clock(state.time.shift, zone)
        let healthy = state.info.journalHealth == "ok"
        let parts = [" HeartDesk", "\(shiftDate) \(clock)", state.policy.name,
                     "\(state.info.position) · \(state.info.operatorName)"] + (healthy ? ["journal ok"] : [])
        x += grid.put(parts.joined(separator: " │ "), x: x, y: 0, role: .header)
        if !healthy {
            // A journal in trouble is said once, in warning colour, at the right edge: over the operator's name and
            // the policy's on a narrow terminal, since it matters more than they do.
            let warning = " JOURNAL: \(state.info.journalHealth) "
            grid.put(warning, x: max(0, width - warning.displayWidth), y: 0, role: .headerWarning)
        }

        let counts = countsLine(state)
        let backups = state.shift.backupRequests.filter(\.isUnacknowledged)
        if !backups.isEmpty {
            let text = backups.map { request -> String in
                "\(request.unitID) needs \(request.kind == .ems ? "EMS" : "police") on \(request.callID) "
                    + Formatting.duration(state.time.shift.timeIntervalSince(request.time))
            }.joined(separator: " · ")
            if grid.height >= tallHeight {
                drawCounts(counts, state: state, row: 1, into: &grid)
                grid.fill(y: 2, role: .headerWarning)
                grid.put(" !! BACK-UP REQUESTED: \(text) — a acknowledges", x: 0, y: 2, limit: width, role: .headerWarning)
                return 3
            }
            // Short terminal: the counts follow the alert on its row (the alert first, then as much of the counts as fits).
            grid.fill(y: 1, role: .headerWarning)
            let used = grid.put(" !! BACK-UP REQUESTED: \(text) │", x: 0, y: 1, limit: width, role: .headerWarning)
            grid.put(counts.text.fitted(to: max(0, width - used)), x: used, y: 1, limit: max(0, width - used), role: .text)
            return 2
        }
        let ringing = state.shift.ringingCalls
        if let first = ringing.first {
            // An exercise call waiting to be answered outranks the counts: answering is the first job.
            let waited = Formatting.duration(state.time.shift.timeIntervalSince(first.offeredAt))
            let more = ringing.count > 1 ? " (+\(ringing.count - 1) more)" : ""
            grid.fill(y: 1, role: .headerExercise)
            grid.put(" ☎ RINGING \(waited)\(more) — F2 answers: “\(first.call.narrative)”", x: 0, y: 1, limit: width,
                     role: .headerExercise)
            return 2
        }
        drawCounts(counts, state: state, row: 1, into: &grid)
        return 2
    }

    /// " Pending 2 · Active 1 │ Available: CRT 3/4 COR closed": units free per response, closed responses said so.
    static func countsLine(_ state: ConsoleState) -> (text: String, pending: Int) {
        let open = state.shift.openCallCount, pending = state.shift.pendingCallCount
        var counts = " Pending \(pending) · Active \(open - pending) │ Available:"
        var responses: [String] = []
        for unit in state.shift.units where !responses.contains(unit.definition.response) { responses.append(unit.definition.response) }
        let local = state.policy.timeZone.localTime(at: state.time.shift)
        for response in responses {
            if let hours = state.policy.response(id: response)?.hours, !hours.isOpen(at: local) {
                counts += " \(response) closed"
                continue
            }
            let units = state.shift.units.filter { $0.definition.response == response && $0.status != .offDuty }
            let free = units.filter { $0.status == .available }.count
            counts += " \(response) \(free)/\(units.count)"
        }
        return (counts, pending)
    }

    private static func drawCounts(_ counts: (text: String, pending: Int), state: ConsoleState, row: Int, into grid: inout CellGrid) {
        grid.fill(y: row, role: .text)
        grid.put(counts.text, x: 0, y: row, role: .text)
        if counts.pending > 0 {
            grid.recolor(x: 1, y: row, count: "Pending \(counts.pending)".count, role: .queueWarn)
        }
    }
}
