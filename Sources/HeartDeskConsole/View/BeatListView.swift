import HeartDeskCore

/// Beats grouped as the service areas and districts are: in or out of the area, open calls and units in each.
enum BeatListView {
    static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, into grid: inout CellGrid) {
        let frame = PaneFrame(rect: rect, isFocused: focused)
        let groups = state.beatGroups
        let inArea = groups.filter(\.isServiceArea).reduce(0) { $0 + $1.beats.count }
        frame.drawTitle(Pane.beats.title, detail: "\(inArea) in service area · \(state.policy.beats.count) in all", into: &grid)
        let columns = Columns([
            .init(title: "BEAT", width: 5),
            .init(title: "DIST", width: 4),
            .init(title: "AREA", width: 8),
            .init(title: "CALLS", width: 5, alignRight: true),
            .init(title: "UNITS", width: 12, flexible: true),
        ], x: rect.x, width: rect.width)
        columns.drawTitles(into: &grid, y: frame.columnRow, x: rect.x, width: rect.width)

        var openCalls: [String: Int] = [:]
        for summary in state.shift.callSummaries where summary.isOpen { openCalls[summary.beat ?? "", default: 0] += 1 }
        var unitsIn: [String: [String]] = [:]
        for unit in state.shift.units where unit.status != .offDuty {
            if let beat = unit.lastBeat { unitsIn[beat, default: []].append(unit.id) }
        }
        // Lines: a heading per group, then its beats; the selection counts beats only.
        enum Line { case heading(String), beat(Beat, index: Int) }
        var lines: [Line] = []
        var beatIndex = 0
        for group in groups {
            lines.append(.heading(group.title))
            for beat in group.beats {
                lines.append(.beat(beat, index: beatIndex))
                beatIndex += 1
            }
        }
        let selectedLine = lines.firstIndex { if case .beat(_, let i) = $0 { return i == state.selectedBeat }; return false }
        let first = frame.firstVisible(selected: selectedLine, count: lines.count)
        for (offset, line) in lines[first...].prefix(frame.listHeight).enumerated() {
            let y = frame.firstListRow + offset
            switch line {
            case .heading(let title):
                grid.fill(x: rect.x, y: y, count: rect.width, role: .beat)
                grid.put(" " + title, x: rect.x, y: y, limit: rect.width, role: .beatDistrict)
            case .beat(let beat, let index):
                let isSelected = focused && index == state.selectedBeat
                let areas = state.policy.serviceAreas(covering: beat.index)
                let base: ThemeRole = isSelected ? .rowSelected : .beat
                grid.fill(x: rect.x, y: y, count: rect.width, role: base)
                columns.draw(beat.id, column: 0, into: &grid, y: y, role: base)
                columns.draw(beat.district, column: 1, into: &grid, y: y, role: base)
                columns.draw(areas.isEmpty ? "outside" : areas.joined(separator: ","), column: 2, into: &grid, y: y,
                             role: isSelected ? base : areas.isEmpty ? .beatOutside : .beatInArea)
                let calls = openCalls[beat.id] ?? 0
                columns.draw(calls == 0 ? "·" : String(calls), column: 3, into: &grid, y: y, role: base)
                columns.draw((unitsIn[beat.id] ?? []).joined(separator: " "), column: 4, into: &grid, y: y, role: base)
            }
        }
        frame.drawMoreMarker(hidden: lines.count - first - frame.listHeight, into: &grid)
    }
}
