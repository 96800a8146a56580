import HeartDeskCore

/// What one policy makes of a city's calls: decisions, and for each alternative response the calls it could take and
/// what kept it from the rest — by hour of week, by beat.
public struct PolicyTally: Sendable {
    /// What keeps a response from a call, as the analysis counts it.
    public enum Blocker: String, Sendable, CaseIterable {
        /// The response does not take the call type (counted alone: the rest does not matter then).
        case callType
        /// A safety flag the call's code implies rules the response out, or one it needs is missing.
        case flag
        case outsideArea
        case closed
    }

    /// Per alternative response.
    public struct ResponseTally: Sendable {
        public let response: String
        public internal(set) var eligible = 0
        /// Calls with each blocker (of a call type the response takes, a call may count under several).
        public internal(set) var blocked: [Blocker: Int] = [:]
        /// Eligible calls by hour of week (0 = Monday 00:00–01:00).
        public internal(set) var eligibleByHourOfWeek = [Int](repeating: 0, count: 168)
        /// Calls whose only blocker was the hour, by hour of week: what longer hours would add.
        public internal(set) var closedOnlyByHourOfWeek = [Int](repeating: 0, count: 168)
        /// Calls whose only blocker was the area, by beat as written: what a bigger area would add.
        public internal(set) var outsideOnlyByBeat: [String: Int] = [:]
        /// Eligible calls by beat as written.
        public internal(set) var eligibleByBeat: [String: Int] = [:]
    }

    public let policyName: String
    public internal(set) var calls = 0
    /// In-person decisions, phone responses and follow-ups, by response id.
    public internal(set) var dispatch: [String: Int] = [:]
    public internal(set) var phone: [String: Int] = [:]
    public internal(set) var followUp: [String: Int] = [:]
    /// Alternative responses in policy order.
    public internal(set) var responses: [ResponseTally]
    /// Every routed call by hour of week and by beat as written.
    public internal(set) var callsByHourOfWeek = [Int](repeating: 0, count: 168)
    public internal(set) var callsByBeat: [String: Int] = [:]

    private let alternatives: [Response]
    private let responseIDs: [String]

    init(policy: Policy) {
        policyName = policy.name
        alternatives = policy.responses.filter(\.isAlternative)
        responses = alternatives.map { ResponseTally(response: $0.id) }
        responseIDs = policy.responses.map(\.id)
    }

    /// Counts `call` as `decision` decided it.
    mutating func add(_ call: HistoricalCall, _ decision: Decision) {
        calls += 1
        let hour = call.hourOfWeek
        callsByHourOfWeek[hour] += 1
        callsByBeat[call.beatLabel, default: 0] += 1
        dispatch[responseIDs[decision.dispatch.rawValue], default: 0] += 1
        if let phoneResponse = decision.phone { phone[responseIDs[phoneResponse.rawValue], default: 0] += 1 }
        if let follow = decision.followUp { followUp[responseIDs[follow.rawValue], default: 0] += 1 }
        for (slot, response) in alternatives.enumerated() {
            let blockers = decision.verdicts[response.index.rawValue].blockers
            if blockers.isEmpty {
                responses[slot].eligible += 1
                responses[slot].eligibleByHourOfWeek[hour] += 1
                responses[slot].eligibleByBeat[call.beatLabel, default: 0] += 1
                continue
            }
            if blockers.contains(.callTypeNotCovered) {
                responses[slot].blocked[.callType, default: 0] += 1
                continue
            }
            if !blockers.isDisjoint(with: [.flagsReported, .flagsNotReported]) { responses[slot].blocked[.flag, default: 0] += 1 }
            if blockers.contains(.outsideArea) { responses[slot].blocked[.outsideArea, default: 0] += 1 }
            if blockers.contains(.closed) { responses[slot].blocked[.closed, default: 0] += 1 }
            if blockers == .closed { responses[slot].closedOnlyByHourOfWeek[hour] += 1 }
            if blockers == .outsideArea { responses[slot].outsideOnlyByBeat[call.beatLabel, default: 0] += 1 }
        }
    }

    /// The tally of `response`, if it is one of the policy's alternative responses.
    public func tally(of response: String) -> ResponseTally? { responses.first { $0.response == response } }
}
