/// Why a command was refused; nothing was written.
public struct ShiftError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
