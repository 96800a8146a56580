/// The line above the key bar: what just happened, or what went wrong.
public struct ConsoleMessage: Sendable, Hashable {
    public let text: String
    public let isError: Bool

    public static func info(_ text: String) -> ConsoleMessage { ConsoleMessage(text: text, isError: false) }
    public static func error(_ text: String) -> ConsoleMessage { ConsoleMessage(text: text, isError: true) }
}
