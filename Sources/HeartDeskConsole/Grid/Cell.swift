/// One terminal cell of a rendered frame: what is drawn there and in which theme role.
///
/// Plain data with no references: a frame writes some twelve thousand cells, and a cell holding a `Character`
/// made every write a retain and a release (the soak's mean frame fell by a sixth without them; docs/benchmarks.md).
/// A character of one Unicode scalar — nearly every one a console draws — is kept in the cell itself; a longer
/// grapheme cluster (a flag, an emoji with a skin tone, a letter with combining marks) is kept by its grid, so read
/// a cell's character through ``CellGrid/character(x:y:)`` and compare cells of two grids with
/// ``CellGrid/cell(x:y:matches:)``.
public struct Cell: Sendable {
    /// A Unicode scalar value, or ``clusterMark`` plus the index of a grapheme cluster in the grid's table.
    var glyph: UInt32
    public var role: ThemeRole
    /// This cell is the right half of the two-column character to its left.
    public var isContinuation: Bool

    /// Above every Unicode scalar value: marks a glyph that indexes the grid's table of grapheme clusters.
    static let clusterMark: UInt32 = 0x8000_0000

    init(glyph: UInt32, role: ThemeRole, isContinuation: Bool = false) {
        self.glyph = glyph
        self.role = role
        self.isContinuation = isContinuation
    }

    /// An empty cell in `role`.
    public static func blank(_ role: ThemeRole) -> Cell { Cell(glyph: 0x20, role: role) }

    /// The scalar this cell holds, or nil when it holds a grapheme cluster kept by its grid.
    var scalar: Unicode.Scalar? { glyph < Self.clusterMark ? Unicode.Scalar(glyph) : nil }
}
