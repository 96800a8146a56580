/// A key press as the console's update understands it, whatever terminal sent it.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, space, accented letters).
    case character(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a letter ("u" for Ctrl-U).
    case control(Character)

    /// Parses a key name as tests and the help screen write it: "F2", "Enter", "Esc", "Up", "x".
    public init?(name: String) {
        switch name.lowercased() {
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "btab", "backtab", "s-tab": self = .backTab
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "space": self = .character(" ")
        default:
            let lower = name.lowercased()
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { self = .function(n) }
            else if lower.hasPrefix("c-"), lower.count == 3, let c = lower.last { self = .control(c) }
            else if name.count == 1, let c = name.first { self = .character(c) }
            else { return nil }
        }
    }
}

extension Array where Element == Key {
    /// The keys that type `text`, one character each.
    public static func typing(_ text: String) -> [Key] { text.map { .character($0) } }
}
