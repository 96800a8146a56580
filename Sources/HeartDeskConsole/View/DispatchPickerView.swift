import HeartDeskCore

/// Choosing the unit: the recommendation and why, then every unit with distance, language and status.
enum DispatchPickerView {
    static func draw(_ picker: DispatchPicker, state: ConsoleState, in area: Rect, into grid: inout CellGrid) {
        guard let call = state.shift.call(picker.callID) else { return }
        let recommendation = UnitRecommendation(for: call, in: state.shift, policy: state.policy)
        let box = OverlayBox(width: area.width - 4, height: min(area.height, recommendation.candidates.count + 8), in: area)
        let triage = call.intake.triage
        var y = box.draw(title: "Dispatch to \(call.id) · \(call.intake.callType) · beat \(call.intake.beat ?? "unknown") · "
                         + Formatting.decision(triage), hint: "Enter sends · Esc cancels", into: &grid)
        let width = box.contentWidth
        for text in Formatting.wrap(recommendation.reason, width: width).prefix(2) {
            grid.put(text, x: box.contentX, y: y, limit: width, role: recommendation.pick == nil ? .messageError : .reasonEligible)
            y += 1
        }
        let columns = Columns([
            .init(title: "UNIT", width: 6), .init(title: "TYPE", width: 4), .init(title: "STATUS", width: 14),
            .init(title: "KM", width: 5, alignRight: true), .init(title: "LANG", width: 10), .init(title: "NOTE", width: 10, flexible: true),
        ], x: box.contentX, width: width)
        columns.drawTitles(into: &grid, y: y, x: box.contentX, width: width)
        y += 1
        let listEnd = box.bottom - (picker.override == nil ? 0 : 2)
        let first = max(0, picker.selection - (listEnd - y) + 1)
        for (i, candidate) in recommendation.candidates.enumerated().dropFirst(first) where y < listEnd {
            let selected = i == picker.selection
            let role: ThemeRole = selected ? .rowSelected : candidate.isAvailable ? .overlay : .dim
            grid.fill(x: box.contentX, y: y, count: width, role: role)
            let unit = candidate.unit
            columns.draw(unit.id, column: 0, into: &grid, y: y, role: role)
            columns.draw(unit.definition.response, column: 1, into: &grid, y: y, role: role)
            columns.draw(unit.status.label + (unit.callID.map { " \($0)" } ?? ""), column: 2, into: &grid, y: y,
                         role: selected ? role : UnitBoardView.role(of: unit.status))
            columns.draw(candidate.distanceKm.map { String(format: "%.1f", $0) } ?? "?", column: 3, into: &grid, y: y, role: role)
            columns.draw(UnitBoardView.languages(unit.definition.languages), column: 4, into: &grid, y: y,
                         role: candidate.speaksLanguage && !selected ? .reasonEligible : role)
            let note = candidate.unit.id == recommendation.pick?.unit.id ? "recommended"
                : !candidate.isEligible ? "needs override: not triaged for \(unit.definition.response)"
                : !candidate.isAvailable ? "busy" : ""
            columns.draw(note, column: 5, into: &grid, y: y, role: role)
            y += 1
        }
        if let override = picker.override {
            let row = box.bottom - 2
            grid.fill(x: box.contentX, y: row, count: width, role: .overlay)
            grid.put("\(override.unitID) is not what \(call.id) was triaged for (\(triage.dispatch)). Why send it? Enter sends, Esc goes back",
                     x: box.contentX, y: row, limit: width, role: .messageError)
            TextFieldView.draw(override.reason, x: box.contentX, y: row + 1, width: width, role: .formFieldFocused,
                               showCursor: true, into: &grid)
        }
    }
}
