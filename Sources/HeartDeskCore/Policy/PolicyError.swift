/// A fault in a policy file, located by file and line so the author can go straight to it.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it, or the built-in policy's name.
    public let file: String
    /// 1-based line of the fault, when it has one.
    public let line: Int?
    /// What is wrong, in one sentence.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// "policy.yaml:42: hour 25:00 is not a time of day".
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
