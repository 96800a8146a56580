/// A pane's title bar and the scrolling window over its rows.
struct PaneFrame {
    let rect: Rect
    let isFocused: Bool

    /// Rows available for the list under the title and column headings.
    var listHeight: Int { max(0, rect.height - 2) }
    var titleRow: Int { rect.y }
    var columnRow: Int { rect.y + 1 }
    var firstListRow: Int { rect.y + 2 }

    func drawTitle(_ title: String, detail: String, into grid: inout CellGrid) {
        let role: ThemeRole = isFocused ? .paneTitleFocused : .paneTitle
        grid.fill(x: rect.x, y: titleRow, count: rect.width, role: role)
        let used = grid.put(" " + title + " ", x: rect.x, y: titleRow, limit: rect.width, role: role)
        grid.put(detail, x: rect.x + used, y: titleRow, limit: max(0, rect.width - used), role: role)
    }

    /// The first row index to show so that `selected` stays in view, keeping the window still when it can.
    func firstVisible(selected: Int?, count: Int) -> Int {
        guard let selected, listHeight > 0 else { return 0 }
        if selected < listHeight { return 0 }
        return min(max(0, count - listHeight), selected - listHeight + 1)
    }

    /// Says at the right of the title bar how many rows are hidden below, so nobody misses a call off screen.
    func drawMoreMarker(hidden: Int, into grid: inout CellGrid) {
        guard hidden > 0 else { return }
        let text = " \(hidden) more below ↓ "
        let width = text.displayWidth
        grid.put(text, x: rect.x + rect.width - width, y: titleRow, limit: width,
                 role: isFocused ? .paneTitleFocused : .paneTitle)
    }
}
