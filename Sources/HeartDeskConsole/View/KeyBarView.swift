/// The bottom rows: the message line, and the F-key bar htop and Midnight Commander users expect.
enum KeyBarView {
    /// F-key, its long label, and the short one used when the bar is narrow.
    static let keys: [(key: String, long: String, short: String)] = [
        ("F1", "Help", "Help"), ("F2", "New call", "New"), ("F3", "Filter", "Find"), ("F4", "Dispatch", "Send"),
        ("F5", "Unit status", "Unit"), ("F6", "Note", "Note"), ("F7", "Close", "Close"), ("F8", "Follow-up", "FolUp"),
        ("F9", "Details", "Info"), ("F10", "Quit", "Quit"),
    ]

    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let messageRow = grid.height - 2, barRow = grid.height - 1
        drawMessage(state, row: messageRow, into: &grid)
        grid.fill(y: barRow, role: .keyBarLabel)
        let slot = grid.width / keys.count
        for (i, entry) in keys.enumerated() {
            let x = i * slot
            let used = grid.put(entry.key, x: x, y: barRow, role: .keyBarKey)
            // One column of each slot stays empty, so labels never run into the next key.
            let room = slot - used - 1
            let label = entry.long.displayWidth <= room ? entry.long : entry.short
            grid.put(label, x: x + used, y: barRow, limit: room, role: .keyBarLabel)
        }
    }

    private static func drawMessage(_ state: ConsoleState, row: Int, into grid: inout CellGrid) {
        if case .prompt(let prompt)? = state.overlay {
            grid.fill(y: row, role: .formFieldFocused)
            let used = grid.put(" " + prompt.label, x: 0, y: row, role: .formLabel)
            TextFieldView.draw(prompt.field, x: used, y: row, width: grid.width - used - 1, role: .formFieldFocused,
                               showCursor: true, into: &grid)
            return
        }
        guard let message = state.message else {
            grid.fill(y: row, role: .message)
            guard state.overlay == nil else { return }
            if let note = state.shift.facilitatorNotes.last, state.info.exercise != nil, state.filter.isEmpty {
                let zone = state.policy.timeZone
                grid.put(" FACILITATOR \(Formatting.shortClock(note.time, zone)): \(note.text)", x: 0, y: row, role: .message)
                return
            }
            let hint = state.filter.isEmpty ? " Tab: next list · ↑↓ j k: move · Enter: details · ?: all keys"
                                            : " Filter “\(state.filter)” · Esc shows everything"
            grid.put(hint, x: 0, y: row, role: .dim)
            return
        }
        let role: ThemeRole = message.isError ? .messageError : .message
        grid.fill(y: row, role: role)
        grid.put(" " + message.text, x: 0, y: row, role: role)
    }
}
