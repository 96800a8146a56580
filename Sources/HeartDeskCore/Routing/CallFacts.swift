/// What the call-taker knows about a call when routing it: its type, its beat and the safety answers.
public struct CallFacts: Sendable, Hashable {
    public let callType: CallType.Index
    /// The beat, or nil when the caller's location is not yet known (treated as outside every service area).
    public let beat: Beat.Index?
    public let flags: SafetyFlagSet

    public init(callType: CallType.Index, beat: Beat.Index?, flags: SafetyFlagSet = []) {
        self.callType = callType
        self.beat = beat
        self.flags = flags
    }
}
