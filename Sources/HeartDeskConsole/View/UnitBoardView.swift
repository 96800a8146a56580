import HeartDeskCore

/// The unit status board: crew, languages, status and its timer, call and beat; back-up in alert colour.
enum UnitBoardView {
    static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, into grid: inout CellGrid) {
        let frame = PaneFrame(rect: rect, isFocused: focused)
        let rows = state.unitRows
        let available = rows.filter { $0.status == .available }.count
        let onShift = rows.filter { $0.status != .offDuty }.count
        let ascii = state.info.asciiCharts
        let sortNote = state.unitSort.isDefault ? "" : " · by \(state.unitSort.label(ascii: ascii))"
        frame.drawTitle(Pane.units.title, detail: "\(available) available of \(onShift) on shift\(sortNote)", into: &grid)
        // LANG is as wide as the longest it holds (up to 20), so "Spanish,Vietnamese" is not cut while room is left over.
        let languageWidth = min(20, max(4, rows.map { languages($0.definition.languages).displayWidth }.max() ?? 4))
        let columns = Columns([
            .init(title: "UNIT", width: 6),
            .init(title: "TYPE", width: 4),
            .init(title: "CREW", width: 7),
            .init(title: "LANG", width: languageWidth),
            .init(title: "STATUS", width: 14),
            .init(title: "TIME", width: 7, alignRight: true),
            .init(title: "CALL", width: 6),
            .init(title: "BEAT", width: 5, flexible: true),
        ], x: rect.x, width: rect.width)
        columns.drawTitles(into: &grid, y: frame.columnRow, x: rect.x, width: rect.width,
                           sortedBy: state.unitSort.isDefault ? nil : state.unitSort.column.columnTitle,
                           sortMark: state.unitSort.mark(ascii: ascii))
        let selectedID = state.selectedUnit(in: rows)?.id
        let selectedIndex = rows.firstIndex { $0.id == selectedID }
        let first = frame.firstVisible(selected: selectedIndex, count: rows.count)
        for (offset, unit) in rows[first...].prefix(frame.listHeight).enumerated() {
            let y = frame.firstListRow + offset
            let isSelected = focused && unit.id == selectedID
            let elapsed = state.time.shift.timeIntervalSince(unit.statusSince)
            let level = state.policy.timers.level(of: unit.status, after: elapsed)
            let statusRole = role(of: unit.status)
            let warned = unit.callID.flatMap(state.shift.call).map { call in
                state.shift.warnings(for: call, router: state.router, at: state.time.shift).contains { $0.unitID == unit.id }
            } ?? false
            let base: ThemeRole = unit.status == .backupRequested || warned ? .unitBackup : isSelected ? .rowSelected : .unit
            grid.fill(x: rect.x, y: y, count: rect.width, role: base)
            let timeRole: ThemeRole = unit.status == .backupRequested ? .unitBackup
                : level == .alert ? .unitAlert : level == .warn ? .unitWarn : base
            columns.draw(unit.id, column: 0, into: &grid, y: y, role: base)
            columns.draw(unit.definition.response, column: 1, into: &grid, y: y, role: base)
            columns.draw(unit.definition.crew.map(\.letter).joined(separator: " "), column: 2, into: &grid, y: y, role: base)
            columns.draw(languages(unit.definition.languages), column: 3, into: &grid, y: y, role: base)
            columns.draw(statusText(unit, state), column: 4, into: &grid, y: y, role: isSelected && base != .unitBackup ? base : statusRole)
            columns.draw((level == .alert ? "!" : "") + Formatting.duration(elapsed), column: 5, into: &grid, y: y, role: timeRole)
            columns.draw(unit.callID ?? "", column: 6, into: &grid, y: y, role: base)
            // A phone position takes calls from the 911 centre: it is in no beat.
            columns.draw(state.isPhonePosition(unit) ? "phone" : unit.lastBeat ?? "", column: 7, into: &grid, y: y,
                         role: state.isPhonePosition(unit) && !isSelected && base == .unit ? .dim : base)
        }
        frame.drawMoreMarker(hidden: rows.count - first - frame.listHeight, into: &grid)
    }

    static func role(of status: UnitStatus) -> ThemeRole {
        switch status {
        case .available: return .unitAvailable
        case .offDuty: return .unitOffDuty
        case .outOfService: return .unitOutOfService
        case .backupRequested: return .unitBackup
        case .dispatched, .enRoute, .onScene, .transporting: return .unitBusy
        }
    }

    /// "BACK-UP POLICE" for a unit waiting for help; the plain status otherwise.
    static func statusText(_ unit: UnitRecord, _ state: ConsoleState) -> String {
        guard unit.status == .backupRequested else { return unit.status.label }
        let request = state.shift.backupRequests.last { $0.unitID == unit.id }
        return "BACK-UP " + ((request?.kind ?? .police) == .police ? "POLICE" : "EMS") + (request?.isUnacknowledged == false ? " ack" : "")
    }

    /// Languages besides English (which every crew speaks), or "English" alone.
    static func languages(_ names: [String]) -> String {
        let other = names.filter { $0.lowercased() != "english" }
        return other.isEmpty ? "English" : other.joined(separator: ",")
    }
}
