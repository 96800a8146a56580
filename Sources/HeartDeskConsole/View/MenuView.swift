/// A short menu of actions, each with its hot key.
enum MenuView {
    static func draw(_ menu: ActionMenu, in area: Rect, into grid: inout CellGrid) {
        let width = max(menu.title.displayWidth + 16, (menu.items.map { $0.label.displayWidth }.max() ?? 0) + 10)
        let box = OverlayBox(width: width, height: menu.items.count + 2, in: area)
        var y = box.draw(title: menu.title, hint: "Esc", into: &grid)
        for (i, item) in menu.items.enumerated() where y < box.bottom {
            let role: ThemeRole = i == menu.selection ? .rowSelected : .overlay
            grid.fill(x: box.contentX, y: y, count: box.contentWidth, role: role)
            grid.put(" \(item.key) ", x: box.contentX, y: y, role: i == menu.selection ? role : .keyBarKey)
            grid.put(item.label, x: box.contentX + 4, y: y, limit: box.contentWidth - 4, role: role)
            y += 1
        }
    }
}
