import HeartDeskCore

/// What stopped an analysis: a file that cannot be read, a mapping that does not fit, a policy that will not load.
/// Reads as one line: `file:line: message`.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String?
    public let line: Int?
    public let message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// A data file's fault (the mapping, or the export itself), with its file and line.
    init(_ error: PolicyError) {
        self.init(file: error.file, line: error.line, message: error.message)
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): \(message)"
        case let (file?, nil): return "\(file): \(message)"
        case let (nil, line?): return "line \(line): \(message)"
        case (nil, nil): return message
        }
    }
}
