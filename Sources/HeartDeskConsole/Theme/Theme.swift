import Foundation

/// A colour theme: a style for every role, read from a small text file in `Themes/`.
///
/// The format (docs/themes.md) is one `role = [fg] [on bg] [attributes]` per line:
///
///     queue.alert = white on 160/red bold
///     unit.available = 34/green
public struct Theme: Sendable {
    public let name: String
    /// Styles the file gave, by role; the rest come from parents.
    private let given: [ThemeRole: ThemeStyle]

    public init(name: String, styles: [ThemeRole: ThemeStyle]) {
        self.name = name
        self.given = styles
    }

    /// The style of `role`: its own, else its nearest parent's, else plain.
    public func style(_ role: ThemeRole) -> ThemeStyle {
        var current: ThemeRole? = role
        while let r = current {
            if let style = given[r] { return style }
            current = r.parent
        }
        return .plain
    }

    /// Whether the theme uses any colour at all (monochrome does not).
    public var usesColor: Bool {
        given.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    // MARK: Reading

    /// Parses theme text; errors name `source` and the line.
    public static func parse(_ text: String, name: String, source: String) throws(ThemeError) -> Theme {
        var styles: [ThemeRole: ThemeStyle] = [:]
        var lines: [ThemeRole: Int] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            func fail(_ message: String) -> ThemeError { ThemeError(file: source, line: number, message: message) }
            guard let equals = line.firstIndex(of: "=") else { throw fail("expected 'role = colours', as in 'unit.available = green'") }
            let roleName = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard let role = ThemeRole(rawValue: roleName) else {
                let near = ThemeRole.allCases.map(\.rawValue).filter { $0.hasPrefix(roleName.split(separator: ".").first.map(String.init) ?? roleName) }
                throw fail("unknown role '\(roleName)'" + (near.isEmpty ? "" : " (roles like it: \(near.prefix(4).joined(separator: ", ")))"))
            }
            if let first = lines[role] { throw fail("role \(roleName) is set twice (first on line \(first))") }
            lines[role] = number
            styles[role] = try style(String(line[line.index(after: equals)...]), fail: fail)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ text: String, fail: (String) -> ThemeError) throws(ThemeError) -> ThemeStyle {
        var style = ThemeStyle()
        var words = text.split(separator: " ").map(String.init)[...]
        var sawForeground = false
        while let word = words.popFirst() {
            if word == "on" {
                guard let token = words.popFirst() else { throw fail("'on' needs a background colour after it") }
                guard let color = ThemeColor(token) else { throw fail(badColor(token)) }
                style.background = color
            } else if let attribute = ThemeStyle.Attributes.byName[word.lowercased()] {
                style.attributes.insert(attribute)
            } else if let color = ThemeColor(word), !sawForeground {
                style.foreground = color
                sawForeground = true
            } else {
                throw fail(sawForeground && ThemeColor(word) != nil ? "two foreground colours; use 'on' before a background"
                                                                    : badColor(word))
            }
        }
        return style
    }

    private static func badColor(_ token: String) -> String {
        "'\(token)' is not a colour or attribute (colours: default, \(ThemeColor.names.joined(separator: ", ")), "
            + "bright-NAME, 0–255, or 256/8 such as 244/white; attributes: bold, dim, underline, reverse, blink)"
    }
}

/// A fault in a theme file, with file and line.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
