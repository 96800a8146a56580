import HeartDeskCore

/// Choosing the unit: the live decision and the recommendation with why, then every unit with distance, language and status.
enum DispatchPickerView {
    static func draw(_ picker: DispatchPicker, state: ConsoleState, in area: Rect, into grid: inout CellGrid) {
        guard let call = state.shift.call(picker.callID) else { return }
        let recommendation = UnitRecommendation(for: call, in: state.shift, router: state.router, at: state.time.shift)
        let headline = recommendation.live?.changeSummary
        let said = (headline.map { [($0, ThemeRole.messageError)] } ?? [])
            + [(recommendation.reason, recommendation.pick == nil ? ThemeRole.messageError : .reasonEligible)]
        let width = area.width - 6
        let lines = said.flatMap { text, role in Formatting.wrap(text, width: width).prefix(2).map { ($0, role) } }
        let box = OverlayBox(width: area.width - 4,
                             height: min(area.height, recommendation.candidates.count + lines.count + 4 + (picker.override == nil ? 0 : 3)),
                             in: area)
        let decision = recommendation.live.map(Formatting.decision) ?? Formatting.decision(call.intake.triage)
        var y = box.draw(title: "Dispatch to \(call.id) · \(call.intake.callType) · beat \(call.intake.beat ?? "unknown") · now \(decision)",
                         hint: "Enter sends · Esc cancels", into: &grid)
        for (text, role) in lines where y < box.bottom {
            grid.put(text, x: box.contentX, y: y, limit: width, role: role)
            y += 1
        }
        let columns = Columns([
            .init(title: "UNIT", width: 6), .init(title: "TYPE", width: 4), .init(title: "STATUS", width: 18),
            .init(title: "KM", width: 5, alignRight: true), .init(title: "LANG", width: 10), .init(title: "NOTE", width: 10, flexible: true),
        ], x: box.contentX, width: width)
        columns.drawTitles(into: &grid, y: y, x: box.contentX, width: width)
        y += 1
        let listEnd = box.bottom - (picker.override == nil ? 0 : 3)
        let candidates = recommendation.candidates
        let selected = candidates.firstIndex { $0.unit.id == picker.selectedUnitID } ?? 0
        let first = max(0, selected - (listEnd - y) + 1)
        for (i, candidate) in candidates.enumerated().dropFirst(first) where y < listEnd {
            let isSelected = i == selected
            let role: ThemeRole = isSelected ? .rowSelected : candidate.isAvailable ? .overlay : .dim
            grid.fill(x: box.contentX, y: y, count: width, role: role)
            let unit = candidate.unit
            columns.draw(unit.id, column: 0, into: &grid, y: y, role: role)
            columns.draw(unit.definition.response, column: 1, into: &grid, y: y, role: role)
            columns.draw(unit.status.label + (unit.callID.map { " \($0)" } ?? ""), column: 2, into: &grid, y: y,
                         role: isSelected ? role : UnitBoardView.role(of: unit.status))
            // A phone clinician goes nowhere: no distance to show, and "?" would read as a location not known.
            let distance = state.isPhonePosition(unit) ? "phone" : candidate.distanceKm.map { String(format: "%.1f", $0) } ?? "?"
            columns.draw(distance, column: 3, into: &grid, y: y, role: role)
            columns.draw(UnitBoardView.languages(unit.definition.languages), column: 4, into: &grid, y: y,
                         role: candidate.speaksLanguage && !isSelected ? .reasonEligible : role)
            let note = candidate.unit.id == recommendation.pick?.unit.id ? "recommended"
                : !candidate.isAvailable ? "busy"
                : candidate.overrideNeeded != nil ? "not eligible now (override)" : ""
            columns.draw(note, column: 5, into: &grid, y: y, role: role)
            y += 1
        }
        if let override = picker.override {
            let row = box.bottom - 3
            grid.fill(x: box.contentX, y: row, count: width, role: .overlay)
            let text = "\(override.why). Why send \(override.unitID) anyway? Enter sends, Esc goes back"
            for (offset, part) in Formatting.wrap(text, width: width).prefix(2).enumerated() {
                grid.fill(x: box.contentX, y: row + offset, count: width, role: .overlay)
                grid.put(part, x: box.contentX, y: row + offset, limit: width, role: .messageError)
            }
            TextFieldView.draw(override.reason, x: box.contentX, y: row + 2, width: width, role: .formFieldFocused,
                               showCursor: true, into: &grid)
        }
    }
}
