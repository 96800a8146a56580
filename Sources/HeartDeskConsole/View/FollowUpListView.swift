import HeartDeskCore

/// Care Navigation follow-ups: due, overdue past 48 hours, contacted.
enum FollowUpListView {
    static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, into grid: inout CellGrid) {
        let frame = PaneFrame(rect: rect, isFocused: focused)
        let rows = state.followUpRows
        let now = state.time.shift
        let overdue = rows.filter { $0.isOverdue(at: now) }.count
        let open = rows.filter { $0.status == .open }.count
        frame.drawTitle("\(state.policy.followUpName) follow-ups", detail: "\(open) due · \(overdue) overdue", into: &grid)
        let columns = Columns([
            .init(title: "ID", width: 6),
            .init(title: "CALL", width: 6),
            .init(title: "BY", width: 3),
            .init(title: "STATUS", width: 9),
            .init(title: "DUE", width: 14, flexible: true),
        ], x: rect.x, width: rect.width)
        columns.drawTitles(into: &grid, y: frame.columnRow, x: rect.x, width: rect.width)
        guard !rows.isEmpty else {
            grid.put("  None yet: closing a \(state.policy.programName) call queues one.", x: rect.x, y: frame.firstListRow, limit: rect.width, role: .dim)
            return
        }
        let selectedID = state.selectedFollowUp(in: rows)?.id
        let selectedIndex = rows.firstIndex { $0.id == selectedID }
        let first = frame.firstVisible(selected: selectedIndex, count: rows.count)
        for (offset, followUp) in rows[first...].prefix(frame.listHeight).enumerated() {
            let y = frame.firstListRow + offset
            let isSelected = focused && followUp.id == selectedID
            let base: ThemeRole = isSelected ? .rowSelected : .followUp
            grid.fill(x: rect.x, y: y, count: rect.width, role: base)
            let left = followUp.dueAt.timeIntervalSince(now)
            let (due, role): (String, ThemeRole)
            switch followUp.status {
            case .open where left <= 0: (due, role) = ("OVERDUE \(Formatting.coarse(left))", .followUpOverdue)
            case .open: (due, role) = ("in \(Formatting.coarse(left))", left < 12 * 3600 ? .followUpDueSoon : base)
            case .contacted: (due, role) = ("contacted", .followUpContacted)
            case .closed: (due, role) = ("closed", .dim)
            }
            columns.draw(followUp.id, column: 0, into: &grid, y: y, role: base)
            columns.draw(followUp.callID, column: 1, into: &grid, y: y, role: base)
            columns.draw(followUp.response, column: 2, into: &grid, y: y, role: base)
            columns.draw(followUp.status.rawValue, column: 3, into: &grid, y: y, role: base)
            columns.draw(due, column: 4, into: &grid, y: y, role: isSelected ? base : role)
        }
        frame.drawMoreMarker(hidden: rows.count - first - frame.listHeight, into: &grid)
    }
}
