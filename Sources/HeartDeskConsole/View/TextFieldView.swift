/// A text field drawn in a fixed width, scrolled so the cursor stays visible.
enum TextFieldView {
    static func draw(_ field: TextField, x: Int, y: Int, width: Int, role: ThemeRole, showCursor: Bool,
                     into grid: inout CellGrid) {
        guard width > 0 else { return }
        grid.fill(x: x, y: y, count: width, role: role)
        // Leave one column for the cursor after the last character.
        var start = 0
        while field.characters[start..<field.cursor].reduce(0, { $0 + $1.displayWidth }) > width - 1 { start += 1 }
        let visible = String(field.characters[start...])
        grid.put(visible, x: x, y: y, limit: width, role: role)
        if showCursor {
            let before = field.characters[start..<field.cursor].reduce(0) { $0 + $1.displayWidth }
            grid.cursor = (x + before, y)
        }
    }
}
