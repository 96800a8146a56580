/// How one role is drawn: foreground, background and attributes.
public struct ThemeStyle: Sendable, Hashable {
    /// Terminal attributes a theme may ask for.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        public static let reverse = Attributes(rawValue: 1 << 3)
        public static let blink = Attributes(rawValue: 1 << 4)

        public static let byName: [String: Attributes] = [
            "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "blink": .blink,
        ]
    }

    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Attributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = ThemeStyle()
}
