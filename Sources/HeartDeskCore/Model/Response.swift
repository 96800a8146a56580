/// One way a call can be answered: a phone clinician, a team in person, a follow-up, or police.
public struct Response: Sendable {
    /// Position of a response in its policy's list.
    public struct Index: Sendable, Hashable, Comparable {
        public let rawValue: Int
        public init(_ rawValue: Int) { self.rawValue = rawValue }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How the response reaches the caller; decides which slot of a ``Decision`` it can fill.
    public enum Kind: String, Sendable, CaseIterable {
        case phone
        case inPerson = "in-person"
        case followUp = "follow-up"
    }

    /// Which calls the response takes.
    public enum Eligibility: Sendable {
        /// Every call type, whatever the flags (the traditional response).
        case anyCall
        /// Per call type, the condition under which it is taken; `nil` means not taken.
        case byCallType([EligibilityCondition?])
        /// A follow-up after any of these responses was involved in the call.
        case followUp(after: [Response.Index])
    }

    public let index: Index
    /// Short id dispatchers use ("CRT").
    public let id: String
    /// Full name ("Community Response Team").
    public let name: String
    public let kind: Kind
    public let area: ServiceArea
    public let hours: WeeklyHours
    public let eligibility: Eligibility
}

extension Response {
    /// Whether this is an alternative response that takes only some call types (CCD, CRT, COR), not the traditional one.
    public var isAlternative: Bool {
        if case .byCallType = eligibility { return kind != .followUp }
        return false
    }
}
