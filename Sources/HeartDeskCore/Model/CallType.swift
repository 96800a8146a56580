/// A kind of 911 call ("Mental Health Crisis"), with the names a call-taker may type for it.
public struct CallType: Sendable, Hashable {
    /// Position of a call type in its policy's list.
    public struct Index: Sendable, Hashable, Comparable {
        public let rawValue: Int
        public init(_ rawValue: Int) { self.rawValue = rawValue }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let index: Index
    /// Canonical name, as the policy and the screen show it.
    public let name: String
    /// Short code, as CAD systems print it (`MHC`).
    public let code: String
    /// Other names a call-taker may type.
    public let aliases: [String]
    /// Free grouping words such as `behavioral-health`.
    public let tags: [String]

    /// Every name this call type answers to: name, code, then aliases.
    public var allNames: [String] { [name, code] + aliases }
}
