/// A call ringing at the console before anyone has triaged it: what the caller says.
///
/// Only exercises create these (a live call reaches the call-taker on the phone, not
/// through HeartDesk). The scenario's answer key travels with it, so an after-action
/// report needs nothing but the journal.
public struct IncomingCall: Sendable, Hashable {
    /// The scenario's id for the inject ("kitchen-knife"), unique in the exercise.
    public let id: String
    /// The call as the caller tells it, in their words.
    public let narrative: String
    public let location: String
    /// Beat the location lies in, as the address lookup would give it; nil when the caller cannot say.
    public let beat: String?
    public let callerName: String
    public let callback: String
    /// Language of the caller when an interpreter is needed; empty for English.
    public let language: String
    /// What the caller says when the safety questions are asked.
    public let answers: [SafetyAnswer]
    /// How the scenario's author expects the call to be handled, for scoring.
    public let expected: ExpectedHandling

    public init(id: String, narrative: String, location: String, beat: String?, callerName: String, callback: String,
                language: String, answers: [SafetyAnswer], expected: ExpectedHandling) {
        self.id = id
        self.narrative = narrative
        self.location = location
        self.beat = beat
        self.callerName = callerName
        self.callback = callback
        self.language = language
        self.answers = answers
        self.expected = expected
    }
}

/// A caller's answer to one safety question: "yes — he has a kitchen knife".
public struct SafetyAnswer: Sendable, Hashable {
    /// The policy's safety flag id ("weapon").
    public let flag: String
    /// The caller's words.
    public let words: String

    public init(flag: String, words: String) {
        self.flag = flag
        self.words = words
    }
}

/// How a scenario expects a call to be handled: who should go, who should phone, who should follow up.
///
/// A nil field is not scored.
public struct ExpectedHandling: Sendable, Hashable {
    /// The call type the narrative describes, by name.
    public let callType: String?
    /// Response that should be sent in person ("CRT"), or the one it should be handed to ("POLICE").
    public let dispatch: String?
    /// Response that should take it by phone ("CCD").
    public let phone: String?
    /// Response that should follow up after it ("CN").
    public let followUp: String?

    public init(callType: String? = nil, dispatch: String? = nil, phone: String? = nil, followUp: String? = nil) {
        self.callType = callType
        self.dispatch = dispatch
        self.phone = phone
        self.followUp = followUp
    }

    /// Nothing is expected: a live call.
    public var isEmpty: Bool { callType == nil && dispatch == nil && phone == nil && followUp == nil }
}
