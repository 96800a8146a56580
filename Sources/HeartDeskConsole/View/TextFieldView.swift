/// A text field drawn in a fixed width, scrolled so the cursor stays visible.
enum TextFieldView {
    static func draw(_ field: TextField, x: Int, y: Int, width: Int, role: ThemeRole, showCursor: Bool,
                     into grid: inout CellGrid) {
        guard width > 0 else { return }
        grid.fill(x: x, y: y, count: width, role: role)
        // Walk back from the cursor only as far as fits, leaving one column for the cursor: the cost is the
        // field's width, not its length (a pasted 10 KB note once took seconds a frame).
        var start = field.cursor
        var used = 0
        while start > 0 {
            let next = field.characters[start - 1].displayWidth
            if used + next > width - 1 { break }
            used += next
            start -= 1
        }
        let visible = String(field.characters[start..<min(field.characters.count, start + width)])
        grid.put(visible, x: x, y: y, limit: width, role: role)
        if showCursor { grid.cursor = (x + used, y) }
    }
}
