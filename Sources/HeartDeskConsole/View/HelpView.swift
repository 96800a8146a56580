/// Every key, on one screen.
enum HelpView {
    static let entries: [(keys: String, what: String)] = [
        ("F1 ?", "this help"),
        ("F2 n", "new call (exercise: answers the longest-ringing call)"),
        ("F3 /", "filter the queue and units; Esc clears"),
        ("F4 d", "dispatch a unit to the selected call"),
        ("F5 s", "status menu for the unit in focus"),
        ("e o t", "unit en route / on scene / transporting"),
        ("b", "unit asks for back-up (police or EMS)"),
        ("c a u", "unit clear (available again) / out of service"),
        ("F6 i", "add a note to the selected call"),
        ("F7 x", "close the selected call with a disposition"),
        ("F8 f", "follow-up contacted / closed (follow-ups list)"),
        ("F9 Enter", "details of the selected call"),
        ("Tab S-Tab", "next / previous list"),
        ("↑↓ j k", "move; PgUp PgDn Home End g G"),
        ("Esc", "cancel the form, picker or filter"),
        ("p + -", "exercise clock: pause / resume, faster, slower"),
        ("F10 q", "quit (asks only if a form holds typed input)"),
    ]

    static func draw(in area: Rect, into grid: inout CellGrid) {
        let box = OverlayBox(width: 72, height: entries.count + 3, in: area)
        var y = box.draw(title: "HeartDesk keys", hint: "any key closes", into: &grid)
        y += 1
        for entry in entries where y < box.bottom {
            grid.put(entry.keys, x: box.contentX + 1, y: y, columns: 11, role: .keyBarKey)
            grid.put(entry.what, x: box.contentX + 13, y: y, limit: box.contentWidth - 13, role: .overlay)
            y += 1
        }
    }
}
