import HeartDeskCore

/// The call queue: every open call, pending first, with its age timer coloured by the policy.
enum QueueView {
    static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, into grid: inout CellGrid) {
        let frame = PaneFrame(rect: rect, isFocused: focused)
        let order = state.queueOrder
        let calls = state.shift.calls
        let summaries = state.shift.callSummaries
        let pending = order.reduce(0) { $0 + (summaries[$1].isPending ? 1 : 0) }
        let closed = order.reduce(0) { $0 + (summaries[$1].isOpen ? 0 : 1) }
        let filterNote = state.filter.isEmpty ? "" : "  filter “\(state.filter)”"
        let ascii = state.info.asciiCharts
        let sortNote = state.queueSort.isDefault ? "" : " · by \(state.queueSort.label(ascii: ascii))"
        let closedNote = closed > 0 ? " · \(closed) closed" : ""
        frame.drawTitle(Pane.queue.title, detail: "\(pending) pending · \(order.count - closed) open\(closedNote)\(sortNote)\(filterNote)", into: &grid)
        let columns = Columns([
            .init(title: "CALL", width: 6),
            .init(title: "AGE", width: 7, alignRight: true),
            .init(title: "P", width: 1),
            .init(title: "TYPE", width: 16, flexible: true),
            .init(title: "BEAT", width: 4),
            .init(title: "FLAGS", width: 7),
            .init(title: "DECISION", width: 12),
            .init(title: "UNITS", width: 6, flexible: true),
            .init(title: "STATE", width: 10),
        ], x: rect.x, width: rect.width)
        columns.drawTitles(into: &grid, y: frame.columnRow, x: rect.x, width: rect.width,
                           sortedBy: state.queueSort.isDefault ? nil : state.queueSort.column.columnTitle,
                           sortMark: state.queueSort.mark(ascii: ascii))
        guard !order.isEmpty else {
            grid.put(state.filter.isEmpty ? "  No open calls. F2 or n takes a new one." : "  No call of this shift matches the filter. Esc shows all.",
                     x: rect.x, y: frame.firstListRow, limit: rect.width, role: .dim)
            return
        }
        let selectedIndex = state.selectedQueuePosition(in: order)
        let first = frame.firstVisible(selected: selectedIndex, count: order.count)
        let timers = state.policy.timers
        for (offset, position) in order[first...].prefix(frame.listHeight).enumerated() {
            let call = calls[position]
            let y = frame.firstListRow + offset
            let isSelected = focused && first + offset == selectedIndex
            let live = LiveDecision(for: call, router: state.router, at: state.time.shift)
            // A unit its facts now rule out puts the whole row in alert colours until it is dealt with.
            let warned = live.map { !state.shift.warnings(for: call, decision: $0.decision, policy: state.policy).isEmpty } ?? false
            // Closed calls appear only when a filter searches the shift's history, dimmed.
            let base: ThemeRole = warned ? .unitBackup : isSelected ? .rowSelected : call.isOpen ? .queue : .queueClosed
            grid.fill(x: rect.x, y: y, count: rect.width, role: base)
            // A closed call's age stopped when it closed: how long it was open.
            let age = (call.closedAt ?? state.time.shift).timeIntervalSince(call.isPending ? call.pendingSince : call.receivedAt)
            let level = call.isPending ? timers.pendingLevel(after: age) : .normal
            let ageRole: ThemeRole = level == .alert ? .queueAlert : level == .warn ? .queueWarn : base
            let mark = level == .alert ? "!" : ""
            let decision = live.map { Formatting.decision($0) } ?? Formatting.decision(call.intake.triage)
            let changed = live?.changedFrom != nil
            let dispatch = live?.dispatch ?? call.intake.triage.dispatch
            let decisionRole: ThemeRole = isSelected || warned || !call.isOpen ? base : changed ? .queueAlert
                : Formatting.isPolice(dispatch, in: state.policy) ? .decisionPolice : .decisionTeam
            // A selected call in alert keeps its alert colours; the selection shows on its id.
            columns.draw(call.id, column: 0, into: &grid, y: y, role: isSelected ? .rowSelected : base)
            columns.draw(mark + Formatting.duration(age), column: 1, into: &grid, y: y, role: ageRole)
            columns.draw(String(call.intake.priority), column: 2, into: &grid, y: y, role: base)
            columns.draw(call.intake.callType, column: 3, into: &grid, y: y, role: base)
            columns.draw(call.intake.beat ?? "unkn", column: 4, into: &grid, y: y, role: base)
            let flags = Formatting.flags(call.intake, policy: state.policy)
            columns.draw(flags, column: 5, into: &grid, y: y, role: isSelected || warned || flags.isEmpty ? base : .flag)
            columns.draw((changed ? "!" : "") + decision, column: 6, into: &grid, y: y, role: decisionRole)
            columns.draw(call.assignedUnits.joined(separator: " "), column: 7, into: &grid, y: y, role: base)
            let stateText = call.isPending ? "pending"
                : call.isOpen ? call.state.rawValue.replacingOccurrences(of: "-", with: " ")
                : "closed"
            columns.draw(stateText, column: 8, into: &grid, y: y, role: base)
        }
        frame.drawMoreMarker(hidden: order.count - first - frame.listHeight, into: &grid)
    }
}
