/// A frame off screen: rows of cells that views write into and the terminal layer diffs.
///
/// Writes outside the grid are clipped, never trapped, so a view cannot crash on a small
/// terminal. Text is laid out by display width and cleaned of control characters, so a
/// caller's name from the journal can neither break the columns nor reach the terminal
/// as an escape sequence.
public struct CellGrid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The grapheme clusters of more than one scalar drawn in this frame, which their cells index (see ``Cell``).
    private var clusters: [Character] = []
    /// Where the terminal cursor blinks (the insertion point of the field being typed in); nil hides it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int, role: ThemeRole = .text) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The character drawn at column `x` of row `y`; for the right half of a two-column character, unused.
    public func character(x: Int, y: Int) -> Character {
        let cell = cells[y * width + x]
        if let scalar = cell.scalar { return Character(scalar) }
        return clusters[Int(cell.glyph - Cell.clusterMark)]
    }

    /// Whether the cell at column `x` of row `y` draws the same as the one at the same place in `other`.
    public func cell(x: Int, y: Int, matches other: CellGrid) -> Bool {
        let mine = cells[y * width + x], theirs = other.cells[y * other.width + x]
        guard mine.role == theirs.role, mine.isContinuation == theirs.isContinuation else { return false }
        // Cluster indices are each grid's own: two clusters are compared by what they draw.
        if mine.glyph >= Cell.clusterMark && theirs.glyph >= Cell.clusterMark {
            return character(x: x, y: y) == other.character(x: x, y: y)
        }
        return mine.glyph == theirs.glyph
    }

    /// The cell drawing `character` in `role`.
    private mutating func cell(_ character: Character, role: ThemeRole) -> Cell {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return Cell(glyph: scalar.value, role: role) }
        clusters.append(character)
        return Cell(glyph: Cell.clusterMark + UInt32(clusters.count - 1), role: role)
    }

    /// Paints `count` cells of row `y` from column `x` blank in `role`.
    public mutating func fill(x: Int = 0, y: Int, count: Int? = nil, role: ThemeRole) {
        guard (0..<height).contains(y) else { return }
        let start = max(0, x), end = min(width, x + (count ?? width - x))
        guard start < end else { return }
        for column in start..<end { cells[y * width + column] = .blank(role) }
    }

    /// Paints a rectangle blank in `role`.
    public mutating func fill(_ rect: Rect, role: ThemeRole) {
        for y in rect.y..<(rect.y + rect.height) { fill(x: rect.x, y: y, count: rect.width, role: role) }
    }

    /// Writes `text` at column `x` of row `y`, in at most `limit` columns; returns the columns used.
    ///
    /// A two-column character that would not fit whole is left out.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, role: ThemeRole) -> Int {
        guard (0..<height).contains(y), x < width else { return 0 }
        let end = min(width, x + (limit ?? width - x))
        if text.printableASCIICount != nil {
            // One byte, one cell: no character walk for plain text.
            var column = x
            for byte in text.utf8 {
                if column >= end { break }
                if column >= 0 { cells[y * width + column] = Cell(glyph: UInt32(byte), role: role) }
                column += 1
            }
            return max(0, column - x)
        }
        var column = x
        for raw in text {
            let character = Self.printable(raw)
            let w = character.displayWidth
            if w == 0 { continue }
            if column + w > end { break }
            if column >= 0 {
                cells[y * width + column] = cell(character, role: role)
                if w == 2 { cells[y * width + column + 1] = Cell(glyph: 0x20, role: role, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes `text` padded or cut to exactly `columns` columns; a cut is marked with "…".
    public mutating func put(_ text: String, x: Int, y: Int, columns: Int, role: ThemeRole, alignRight: Bool = false) {
        guard columns > 0 else { return }
        let fitted = text.fitted(to: columns)
        let pad = columns - fitted.displayWidth
        fill(x: x, y: y, count: columns, role: role)
        put(fitted, x: alignRight ? x + pad : x, y: y, limit: columns, role: role)
    }

    /// Repaints the role of `count` cells of row `y` from column `x`, keeping their characters.
    public mutating func recolor(x: Int = 0, y: Int, count: Int, role: ThemeRole) {
        guard (0..<height).contains(y) else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].role = role }
    }

    /// Row `y` as text, continuation cells left out, trailing spaces kept.
    public func text(ofRow y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation { line.append(character(x: x, y: y)) }
        return line
    }

    /// Tab, newline and other control characters become spaces: text from files never drives the terminal.
    static func printable(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return " " }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return " " }
        return character
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

extension String {
    /// The text cut to at most `columns` display columns, ending in "…" when cut.
    public func fitted(to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if let count = printableASCIICount {
            return count <= columns ? self : String(utf8.prefix(columns - 1))! + "…"
        }
        if displayWidth <= columns { return self }
        var result = ""
        var used = 0
        for character in self {
            let w = character.displayWidth
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// The text padded with spaces to `columns` display columns (cut first if longer).
    public func padded(to columns: Int) -> String {
        let fitted = fitted(to: columns)
        return fitted + String(repeating: " ", count: max(0, columns - fitted.displayWidth))
    }
}
