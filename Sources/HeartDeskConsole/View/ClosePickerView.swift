import HeartDeskCore

/// Closing a call: how it ended, and whether Care Navigation follows up.
enum ClosePickerView {
    static func draw(_ picker: ClosePicker, state: ConsoleState, in area: Rect, into grid: inout CellGrid) {
        guard let call = state.shift.call(picker.callID) else { return }
        let choices = ClosePicker.dispositions
        let box = OverlayBox(width: 60, height: choices.count + 5, in: area)
        var y = box.draw(title: "Close \(call.id) · \(call.intake.callType)", hint: "Enter closes · Esc cancels", into: &grid)
        for (i, disposition) in choices.enumerated() where y < box.bottom {
            let role: ThemeRole = i == picker.selection ? .rowSelected : .overlay
            grid.put("  " + disposition.rawValue.replacingOccurrences(of: "-", with: " "), x: box.contentX, y: y,
                     columns: box.contentWidth, role: role)
            y += 1
        }
        y += 1
        let followUp: String
        if let response = call.intake.triage.followUp {
            let allowed = choices[picker.selection].allowsFollowUp
            followUp = !allowed ? "No follow-up after a cancelled call"
                : picker.queueFollowUp ? "[x] Queue \(response) follow-up (due in 48 h) — Space to decline"
                : "[ ] No \(response) follow-up (declined) — Space to queue it"
        } else {
            followUp = "No follow-up: the decision did not call for one"
        }
        grid.put(followUp, x: box.contentX + 1, y: y, limit: box.contentWidth - 1, role: .formLabel)
    }
}
