/// The bottom rows: the message line, and the F-key bar htop and Midnight Commander users expect.
enum KeyBarView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let messageRow = grid.height - 2, barRow = grid.height - 1
        drawMessage(state, row: messageRow, into: &grid)
        grid.fill(y: barRow, role: .keyBarLabel)
        // The F-key slots come from the one binding table; a key that cannot be used now is greyed.
        let keys = ConsoleState.boardBindings.compactMap { binding in binding.functionKey.map { (number: $0, binding: binding) } }
            .sorted { $0.number < $1.number }
        guard !keys.isEmpty else { return }
        let slot = grid.width / keys.count
        for (i, entry) in keys.enumerated() {
            let x = i * slot
            let disabled = state.overlay == nil && entry.binding.whyDisabled(in: state) != nil
            let used = grid.put("F\(entry.number)", x: x, y: barRow, role: disabled ? .dim : .keyBarKey)
            // One column of each slot stays empty, so labels never run into the next key.
            let room = slot - used - 1
            let label = entry.binding.label.displayWidth <= room ? entry.binding.label : entry.binding.shortLabel
            grid.put(label, x: x + used, y: barRow, limit: room, role: disabled ? .dim : .keyBarLabel)
        }
    }

    private static func drawMessage(_ state: ConsoleState, row: Int, into grid: inout CellGrid) {
        if case .prompt(let prompt)? = state.overlay {
            // The prompt holds the message row, and keeps its text when what it asked for is refused (a note while the
            // journal is in error, a field full): the reason is said on the row above it, over the board's last line.
            if let message = state.message, message.isError, row > 0 {
                grid.fill(y: row - 1, role: .messageError)
                grid.put(" " + message.text, x: 0, y: row - 1, role: .messageError)
            }
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
            let hint: String
            if state.fit == .compact {
                hint = " Widen to \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight) for the full board (now \(state.width)×\(state.height))"
            } else if state.board == .supervisor {
                hint = " v: back to the call board · ?: all keys"
            } else {
                hint = state.filter.isEmpty ? " Tab: next list · ↑↓ j k: move · Enter: details · ?: all keys"
                                            : " Filter “\(state.filter)” · Esc shows everything"
            }
            grid.put(hint, x: 0, y: row, role: .dim)
            return
        }
        let role: ThemeRole = message.isError ? .messageError : .message
        grid.fill(y: row, role: role)
        grid.put(" " + message.text, x: 0, y: row, role: role)
    }
}
