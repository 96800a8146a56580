/// A box drawn over the board for a picker, menu or help: a title bar and a plain background.
struct OverlayBox {
    let rect: Rect

    /// A box of at most `width` × `height` centred in `area`.
    init(width: Int, height: Int, in area: Rect) {
        let w = min(width, area.width), h = min(height, area.height)
        rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    init(rect: Rect) { self.rect = rect }

    /// Clears the box and writes the title; returns the first row for content.
    @discardableResult
    func draw(title: String, hint: String = "Esc closes", into grid: inout CellGrid) -> Int {
        grid.fill(rect, role: .overlay)
        grid.fill(x: rect.x, y: rect.y, count: rect.width, role: .overlayTitle)
        let used = grid.put(" " + title, x: rect.x, y: rect.y, limit: rect.width, role: .overlayTitle)
        let hintText = hint + " "
        if used + hintText.displayWidth + 2 <= rect.width {
            grid.put(hintText, x: rect.x + rect.width - hintText.displayWidth, y: rect.y, role: .overlayTitle)
        }
        return rect.y + 1
    }

    var contentX: Int { rect.x + 1 }
    var contentWidth: Int { max(0, rect.width - 2) }
    var bottom: Int { rect.y + rect.height }
}
