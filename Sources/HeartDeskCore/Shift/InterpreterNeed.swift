/// Whether the caller needs an interpreter to be served: a recorded fact of the call, shown on the board and in the
/// report, and named in the unit recommendation with the policy's interpreter line when no free crew speaks the language.
public enum InterpreterNeed: UInt8, Sendable, Hashable, CaseIterable {
    case notNeeded = 0
    /// A spoken-language interpreter (the call's language says which).
    case spoken = 1
    /// American Sign Language.
    case signLanguage = 2

    /// How the command line and the form name it: "no", "yes", "asl".
    public var word: String {
        switch self {
        case .notNeeded: return "no"
        case .spoken: return "yes"
        case .signLanguage: return "asl"
        }
    }

    /// The board's and report's short mark: "", "INT", "ASL".
    public var mark: String {
        switch self {
        case .notNeeded: return ""
        case .spoken: return "INT"
        case .signLanguage: return "ASL"
        }
    }

    /// From the command line's words: no, yes, asl (any case).
    public init?(word: String) {
        guard let found = Self.allCases.first(where: { $0.word == word.lowercased() }) else { return nil }
        self = found
    }

    public var isNeeded: Bool { self != .notNeeded }
}
