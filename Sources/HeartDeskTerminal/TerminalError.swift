/// Why the console cannot run on this terminal, said before curses touches it.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
