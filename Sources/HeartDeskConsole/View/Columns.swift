/// Table columns that share a pane's width: fixed ones keep theirs, flexible ones split the rest.
struct Columns {
    struct Spec {
        let title: String
        let width: Int
        /// Takes a share of any width left over.
        var flexible = false
        var alignRight = false
    }

    let specs: [Spec]
    /// Left edge and width of each column, for a pane starting at `x`.
    let frames: [(x: Int, width: Int)]

    init(_ specs: [Spec], x: Int, width: Int) {
        self.specs = specs
        let gaps = max(0, specs.count - 1)
        let fixed = specs.reduce(0) { $0 + $1.width } + gaps
        let flexibleCount = max(1, specs.filter(\.flexible).count)
        let spare = max(0, width - fixed)
        var frames: [(Int, Int)] = []
        var column = x
        let flexibles = specs.enumerated().filter { $0.element.flexible }.map(\.offset)
        for (i, spec) in specs.enumerated() {
            var w = spec.width
            if spec.flexible {
                let share = spare / flexibleCount + (i == flexibles.last ? spare % flexibleCount : 0)
                w += share
            }
            // Columns past the pane's right edge are dropped rather than drawn over the next pane.
            w = max(0, min(w, x + width - column))
            frames.append((column, w))
            column += w + 1
        }
        self.frames = frames
    }

    /// Draws the column titles on row `y`; the column the list is sorted by carries `sortMark` ("↓") after its title.
    func drawTitles(into grid: inout CellGrid, y: Int, x: Int, width: Int, sortedBy: String? = nil, sortMark: String = "") {
        grid.fill(x: x, y: y, count: width, role: .paneColumns)
        for (spec, frame) in zip(specs, frames) {
            let title = spec.title == sortedBy ? spec.title + sortMark : spec.title
            grid.put(title, x: frame.x, y: y, columns: frame.width, role: .paneColumns, alignRight: spec.alignRight)
        }
    }

    /// Draws one cell of a row.
    func draw(_ text: String, column: Int, into grid: inout CellGrid, y: Int, role: ThemeRole) {
        let frame = frames[column]
        grid.put(text, x: frame.x, y: y, columns: frame.width, role: role, alignRight: specs[column].alignRight)
    }
}
