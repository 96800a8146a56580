/// What the call-taker recorded when a call came in.
public struct CallIntake: Sendable, Hashable {
    /// "C-0007", as `new-call` prints it.
    public let id: String
    public let callType: String
    /// Beat id, or nil when unknown.
    public let beat: String?
    /// Ids of the safety flags answered yes.
    public let flags: [String]
    /// Ids of the safety questions answered no; a question in neither list was not asked.
    public let flagsAnsweredNo: [String]
    public let location: String
    public let callerName: String
    public let callback: String
    /// Language of the caller when an interpreter is needed; empty for English.
    public let language: String
    /// Whether the caller needs an interpreter (spoken or ASL).
    public let interpreter: InterpreterNeed
    /// On the policy's priority scale; smaller is more urgent (Durham: 1 to 3).
    public let priority: Int
    /// First narrative note, if any.
    public let note: String
    public let triage: TriageRecord

    public init(id: String, callType: String, beat: String?, flags: [String], flagsAnsweredNo: [String] = [], location: String,
                callerName: String, callback: String, language: String, interpreter: InterpreterNeed = .notNeeded, priority: Int,
                note: String, triage: TriageRecord) {
        self.id = id
        self.callType = callType
        self.beat = beat
        self.flags = flags
        self.flagsAnsweredNo = flagsAnsweredNo
        self.location = location
        self.callerName = callerName
        self.callback = callback
        self.language = language
        self.interpreter = interpreter
        self.priority = priority
        self.note = note
        self.triage = triage
    }

    /// The language a crew should speak: the recorded one, or ASL when a sign-language interpreter is needed and no
    /// language was given; empty for English.
    public var wantedLanguage: String {
        let given = language.trimmingWhitespace
        return given.isEmpty && interpreter == .signLanguage ? "ASL" : given
    }

    /// The facts a revision can change, as they stand in this intake.
    public var facts: RecordedFacts {
        RecordedFacts(callType: callType, beat: beat, flags: flags, flagsAnsweredNo: flagsAnsweredNo, language: language,
                      location: location, callback: callback, interpreter: interpreter)
    }

    /// The same intake with revised facts, the decision they led to and its priority now (`nil`: as journals before the
    /// priority was recorded, 1 once any flag is reported).
    public func revised(_ facts: RecordedFacts, triage: TriageRecord, priority newPriority: Int?) -> CallIntake {
        CallIntake(id: id, callType: facts.callType, beat: facts.beat, flags: facts.flags, flagsAnsweredNo: facts.flagsAnsweredNo,
                   location: facts.location, callerName: callerName, callback: facts.callback, language: facts.language,
                   interpreter: facts.interpreter, priority: newPriority ?? (facts.flags.isEmpty ? priority : 1), note: note, triage: triage)
    }
}
