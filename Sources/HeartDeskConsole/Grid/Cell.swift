/// One terminal cell of a rendered frame: what is drawn there and in which theme role.
public struct Cell: Sendable, Hashable {
    /// The character drawn; for the right half of a two-column character, unused.
    public var character: Character
    public var role: ThemeRole
    /// This cell is the right half of the two-column character to its left.
    public var isContinuation: Bool

    public init(_ character: Character, role: ThemeRole, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    /// An empty cell in `role`.
    public static func blank(_ role: ThemeRole) -> Cell { Cell(" ", role: role) }
}
