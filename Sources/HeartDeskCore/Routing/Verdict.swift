/// Whether one response may take a call, and if not, everything that stands in the way.
///
/// Kept as bits rather than text so routing stays allocation-light; ``Explanation``
/// turns a verdict into the words a call-taker reads.
public struct Verdict: Sendable, Hashable {
    /// What stops a response from taking a call.
    public struct Blockers: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The response does not take this call type at all.
        public static let callTypeNotCovered = Blockers(rawValue: 1 << 0)
        /// A reported flag rules the response out (an unarmed team and a weapon).
        public static let flagsReported = Blockers(rawValue: 1 << 1)
        /// The response takes this call type only when one of its flags is reported.
        public static let flagsNotReported = Blockers(rawValue: 1 << 2)
        /// The beat is outside the response's service area, or unknown.
        public static let outsideArea = Blockers(rawValue: 1 << 3)
        /// The response is not working at the call's local time.
        public static let closed = Blockers(rawValue: 1 << 4)
        /// A follow-up whose prerequisite responses are not involved in this call.
        public static let noPriorResponse = Blockers(rawValue: 1 << 5)
    }

    public let response: Response.Index
    public let blockers: Blockers
    /// With `flagsReported`: the reported flags that rule it out. With `flagsNotReported`: the flags it needs.
    public let flags: SafetyFlagSet

    public var isEligible: Bool { blockers.isEmpty }
}
