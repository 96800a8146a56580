/// A one-line text entry with a cursor, as every form field and prompt uses.
public struct TextField: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// Insertion point, 0…characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text.prefix(Self.maxLength))
        cursor = characters.count
    }

    /// The most characters a field holds: more than any note needs, few enough that a stray paste cannot stall the console.
    public static let maxLength = 2_000

    public var text: String { String(characters) }
    /// No more characters fit.
    public var isFull: Bool { characters.count >= Self.maxLength }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            guard !isFull else { return true }  // taken and dropped: the update says the field is full
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeAll()
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func set(_ text: String) {
        characters = Array(text.prefix(Self.maxLength))
        cursor = characters.count
    }
}
