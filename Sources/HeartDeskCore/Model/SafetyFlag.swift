/// A safety-screen question asked on every call, such as "Does anyone have a weapon?".
///
/// Policies define their own flags; rules refer to them by `id`.
public struct SafetyFlag: Sendable, Hashable {
    /// Position in the policy's flag list; also the flag's bit in a ``SafetyFlagSet``.
    public let index: Int
    /// Short machine name used in policy files and on the command line (`weapon`).
    public let id: String
    /// The question as the call-taker asks it.
    public let question: String
    /// How the flag reads in a reason ("weapon reported", "violence toward others").
    public let label: String
    /// The question must be answered (yes or no) before a HEART team is sent in person without an override.
    public let isRequired: Bool

    public init(index: Int, id: String, question: String, label: String, isRequired: Bool = false) {
        self.index = index
        self.id = id
        self.question = question
        self.label = label
        self.isRequired = isRequired
    }
}

/// A set of reported safety flags, one bit per flag index (at most 64 flags).
public struct SafetyFlagSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64

    /// The most flags one policy may define.
    public static let capacity = 64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A set holding exactly the flag at `index`.
    public init(index: Int) {
        precondition((0..<Self.capacity).contains(index), "flag index out of range")
        self.rawValue = 1 << UInt64(index)
    }

    /// The flag indices in the set, lowest first.
    public var indices: [Int] {
        (0..<Self.capacity).filter { rawValue & (1 << UInt64($0)) != 0 }
    }
}
