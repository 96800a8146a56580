/// A colour as a theme names it: a 256-colour index with the 8-colour one to use instead.
///
/// `244/white` says "grey 244, or white where only 8 colours exist"; `red` is red on both;
/// a bare `244` picks its nearest of the 8 by itself.
public struct ThemeColor: Sendable, Hashable {
    /// 0–255, or -1 for the terminal's own default colour.
    public let full: Int
    /// 0–7, or -1 for the terminal's default.
    public let basic: Int

    public static let terminalDefault = ThemeColor(full: -1, basic: -1)

    public init(full: Int, basic: Int) {
        self.full = full
        self.basic = basic
    }

    /// The colour for a terminal with `colors` colours.
    public func index(forTerminalWith colors: Int) -> Int { colors >= 256 ? full : basic }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `red`, `bright-red`, `default`, `196`, or `196/red`; nil if it is none of these.
    public init?(_ token: String) {
        let parts = token.lowercased().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let full = Self.index(parts[0]) else { return nil }
        if parts.count == 2 {
            guard let basic = Self.index(parts[1]), basic < 8 else { return nil }
            self.init(full: full, basic: basic)
        } else {
            self.init(full: full, basic: Self.nearestBasic(full))
        }
    }

    private static func index(_ word: String) -> Int? {
        if word == "default" { return -1 }
        if let n = names.firstIndex(of: word) { return n }
        if word.hasPrefix("bright-"), let n = names.firstIndex(of: String(word.dropFirst(7))) { return n + 8 }
        if let n = Int(word), (0...255).contains(n) { return n }
        return nil
    }

    /// The nearest of the 8 basic colours to a 256-colour index.
    static func nearestBasic(_ index: Int) -> Int {
        switch index {
        case ..<0: return -1
        case 0..<8: return index
        case 8..<16: return index - 8
        case 16..<232:
            // The 6×6×6 cube: a component counts as "on" from its upper half.
            let n = index - 16
            let r = n / 36 >= 3 ? 1 : 0, g = (n / 6) % 6 >= 3 ? 1 : 0, b = n % 6 >= 3 ? 1 : 0
            return r | g << 1 | b << 2
        default:
            // The grey ramp: dark greys read as black, light as white.
            return index < 244 ? 0 : 7
        }
    }
}
