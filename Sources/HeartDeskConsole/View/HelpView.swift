/// Every key, on one screen: the board's binding table, then the keys inside forms and pickers.
enum HelpView {
    /// Keys that work inside an overlay rather than on the board.
    static let overlayKeys: [(keys: String, what: String)] = [
        ("y n ? Spc", "form: answer a safety question yes / no / not asked"),
        ("?", "form, beat field: the caller cannot say (unknown)"),
    ]

    static func draw(_ state: ConsoleState, scroll: Int, in area: Rect, into grid: inout CellGrid) {
        let entries = ConsoleState.boardBindings.map { binding -> (String, String, Bool) in
            let reason = binding.whyDisabled(in: state)
            return (binding.keyLabel, binding.help + (reason.map { " — now: \($0)" } ?? ""), reason != nil)
        } + overlayKeys.map { ($0.keys, $0.what, false) }
        let width = min(area.width - 2, 96)
        let textWidth = width - 2 - 14
        // Every line whole: long help wraps under itself rather than being cut.
        var rows: [(keys: String, text: String, disabled: Bool)] = []
        for (keys, what, disabled) in entries {
            for (i, part) in Formatting.wrap(what, width: textWidth).enumerated() { rows.append((i == 0 ? keys : "", part, disabled)) }
        }
        let box = OverlayBox(width: width, height: min(area.height, rows.count + 2), in: area)
        let visible = box.rect.height - 1
        let first = max(0, min(scroll, rows.count - visible))
        let more = rows.count - first - visible
        var y = box.draw(title: "HeartDesk keys", hint: more > 0 ? "↓ \(more) more · other keys close" : "any key closes", into: &grid)
        for row in rows.dropFirst(first) where y < box.bottom {
            grid.put(row.keys, x: box.contentX + 1, y: y, columns: 12, role: row.disabled ? .dim : .keyBarKey)
            grid.put(row.text, x: box.contentX + 14, y: y, limit: textWidth, role: row.disabled ? .dim : .overlay)
            y += 1
        }
    }
}
