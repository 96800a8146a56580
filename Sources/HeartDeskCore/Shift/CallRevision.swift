/// The corrections a call-taker makes to an open call; a nil field is left as it is.
public struct CallRevision: Sendable, Hashable {
    /// New call type as typed (name, code or alias).
    public var callType: String?
    /// New beat as typed; "unknown" clears it.
    public var beat: String?
    /// New answers to safety questions, by flag id.
    public var answers: [String: QuestionAnswer]
    public var language: String?
    public var location: String?
    public var callback: String?
    public var interpreter: InterpreterNeed?

    public init(callType: String? = nil, beat: String? = nil, answers: [String: QuestionAnswer] = [:], language: String? = nil,
                location: String? = nil, callback: String? = nil, interpreter: InterpreterNeed? = nil) {
        self.callType = callType
        self.beat = beat
        self.answers = answers
        self.language = language
        self.location = location
        self.callback = callback
        self.interpreter = interpreter
    }

    /// Whether the revision asks for anything at all.
    public var isEmpty: Bool {
        callType == nil && beat == nil && answers.isEmpty && language == nil && location == nil && callback == nil && interpreter == nil
    }

    /// `facts` with this revision applied under `policy`, names made canonical; an unknown type, beat or flag is an error.
    public func applied(to facts: RecordedFacts, policy: Policy) throws(FactsError) -> RecordedFacts {
        var result = facts
        if let callType { result.callType = try policy.resolveCallType(callType).name }
        if let beat { result.beat = try policy.resolveBeat(beat)?.id }
        var yes = try policy.resolveFlags(facts.flags)
        var no = try policy.resolveFlags(facts.flagsAnsweredNo)
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let flag = try policy.resolveFlags([id])
            yes.subtract(flag)
            no.subtract(flag)
            switch answer {
            case .yes: yes.formUnion(flag)
            case .no: no.formUnion(flag)
            case .notAsked: break
            }
        }
        result.flags = policy.flagIDs(yes)
        result.flagsAnsweredNo = policy.flagIDs(no)
        if let language { result.language = language.trimmingWhitespace }
        if let location { result.location = location.trimmingWhitespace }
        if let callback { result.callback = callback.trimmingWhitespace }
        if let interpreter { result.interpreter = interpreter }
        return result
    }
}
